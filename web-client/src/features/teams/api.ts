import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, call, type Schemas } from "../../api/client";

export type Team = Schemas["Teams.Team"];
export type TeamRole = Schemas["Teams.TeamRole"];
export type TeamTask = Schemas["Teams.TeamTask"];
export type TaskNotice = Schemas["Teams.TaskNotice"];
export type Board = Schemas["Teams.GetBoard.Board"];
export type ContractTasks = Schemas["Teams.ListContractTasks.ContractTasks"];
export type TeamInvitation = Schemas["Teams.TeamInvitation"];
export type MyTeam = Schemas["Teams.ListMyTeams.MyTeam"];

/** Everything under "teams" is refetched after a team's change: a task moved on the board is also a task in "my tasks". */
export const teamKeys = {
  all: ["teams"] as const,
  mine: ["teams", "mine"] as const,
  search: (q: string, region: string) => ["teams", "search", q, region] as const,
  team: (id: string) => ["teams", "team", id] as const,
  board: (id: string) => ["teams", "board", id] as const,
  invitations: ["teams", "invitations"] as const,
  contractTasks: (contractId: string) => ["teams", "contract-tasks", contractId] as const,
  myTasks: ["teams", "my-tasks"] as const,
  task: (id: string) => ["teams", "task", id] as const,
  terms: (id: string) => ["teams", "terms", id] as const,
  unavailability: ["teams", "unavailability"] as const,
  thread: (id: string) => ["teams", "thread", id] as const,
};

function useTeamChange<A, R>(mutationFn: (args: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => client.invalidateQueries({ queryKey: teamKeys.all }) });
}

export const useMyTeams = (enabled = true) =>
  useQuery({ queryKey: teamKeys.mine, queryFn: () => call(api.GET("/api/me/teams")), enabled });

export const useTeamSearch = (q: string, region: string) =>
  useQuery({
    queryKey: teamKeys.search(q, region),
    queryFn: () => call(api.GET("/api/teams", { params: { query: { q: q || undefined, region: region || undefined } } })),
  });

export const useTeam = (id: string) =>
  useQuery({ queryKey: teamKeys.team(id), queryFn: () => call(api.GET("/api/teams/{id}", { params: { path: { id } } })), enabled: id !== "" });

export const useBoard = (id: string) =>
  useQuery({ queryKey: teamKeys.board(id), queryFn: () => call(api.GET("/api/teams/{id}/board", { params: { path: { id } } })) });

export const useMyTeamInvitations = () =>
  useQuery({ queryKey: teamKeys.invitations, queryFn: () => call(api.GET("/api/me/team-invitations")) });

export const useContractTasks = (contractId: string) =>
  useQuery({
    queryKey: teamKeys.contractTasks(contractId),
    queryFn: () => call(api.GET("/api/contracts/{id}/tasks", { params: { path: { id: contractId } } })),
  });

export const useMyTasks = () => useQuery({ queryKey: teamKeys.myTasks, queryFn: () => call(api.GET("/api/me/tasks")) });

export const useTask = (id: string) =>
  useQuery({ queryKey: teamKeys.task(id), queryFn: () => call(api.GET("/api/tasks/{id}", { params: { path: { id } } })) });

export const useTaskTerms = (id: string) =>
  useQuery({ queryKey: teamKeys.terms(id), queryFn: () => call(api.GET("/api/tasks/{id}/terms", { params: { path: { id } } })) });

export const useMyUnavailability = () =>
  useQuery({ queryKey: teamKeys.unavailability, queryFn: () => call(api.GET("/api/me/unavailability")) });

/** A member states the hours a week it gives the team; the reader's teams and the board read them again. */
export const useUpdateMyHours = (teamId: string) =>
  useTeamChange((body: Schemas["Teams.UpdateMyMembership.Command"]) =>
    call(api.PUT("/api/teams/{id}/members/me", { params: { path: { id: teamId } }, body })),
  );

export const useCreateTeam = () =>
  useTeamChange((body: Schemas["Teams.CreateTeam.Command"]) => call(api.POST("/api/teams", { body })));

export const useInviteMember = (teamId: string) =>
  useTeamChange((body: Schemas["Teams.InviteMember.Command"]) =>
    call(api.POST("/api/teams/{id}/invitations", { params: { path: { id: teamId } }, body })),
  );

export const useAnswerInvitation = () =>
  useTeamChange(({ id, accept }: { id: string; accept: boolean }) =>
    accept
      ? call(api.POST("/api/team-invitations/{id}/accept", { params: { path: { id } } }))
      : call(api.POST("/api/team-invitations/{id}/decline", { params: { path: { id } } })),
  );

export const useRemoveMember = (teamId: string) =>
  useTeamChange((userId: string) => call(api.DELETE("/api/teams/{id}/members/{userId}", { params: { path: { id: teamId, userId } } })));

/**
 * The team's own thread, newest page first (so the newest message is always loaded), earlier pages on request, as a
 * contract's thread: a team lasts for years of work, and its members cover for each other by reading back.
 */
export const useTeamThread = (teamId: string) =>
  useInfiniteQuery({
    queryKey: teamKeys.thread(teamId),
    queryFn: ({ pageParam }) =>
      call(api.GET("/api/teams/{id}/messages", { params: { path: { id: teamId }, query: { newestFirst: true, limit: 30, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    // A member's message may come while the page is open.
    refetchInterval: 30_000,
  });

export const usePostTeamMessage = (teamId: string) =>
  useTeamChange((body: Schemas["Teams.PostTeamMessage.Command"]) =>
    call(api.POST("/api/teams/{id}/messages", { params: { path: { id: teamId } }, body })),
  );

export const useMarkTeamThreadRead = (teamId: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (upTo: string) => call(api.POST("/api/teams/{id}/messages/read", { params: { path: { id: teamId } }, body: { upTo } })),
    // The header's unread count (the conversations feature's ["messages", "unread"]) includes the team's thread, and the
    // messages' notifications are read with them (the notifications feature's key).
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ["messages", "unread"] });
      void client.invalidateQueries({ queryKey: ["notifications"] });
    },
  });
};

export const useCreateTask = (contractId: string) =>
  useTeamChange((body: Schemas["Teams.CreateTask.Command"]) =>
    call(api.POST("/api/contracts/{id}/tasks", { params: { path: { id: contractId } }, body })),
  );

export const useSubmitTask = (taskId: string) =>
  useTeamChange((body: Schemas["Teams.SubmitTask.Command"]) =>
    call(api.POST("/api/tasks/{id}/submissions", { params: { path: { id: taskId } }, body })),
  );

export const useApproveTask = () =>
  useTeamChange((taskId: string) => call(api.POST("/api/tasks/{id}/approve", { params: { path: { id: taskId } } })));

export const useReturnTask = () =>
  useTeamChange(({ taskId, reason }: { taskId: string; reason: string }) =>
    call(api.POST("/api/tasks/{id}/return", { params: { path: { id: taskId } }, body: { reason } })),
  );

export const useReassignTask = () =>
  useTeamChange(({ taskId, assigneeId }: { taskId: string; assigneeId: string }) =>
    call(api.POST("/api/tasks/{id}/reassign", { params: { path: { id: taskId } }, body: { assigneeId } })),
  );

export const useMarkUnavailable = () =>
  useTeamChange((body: Schemas["Teams.MarkUnavailable.Command"]) => call(api.POST("/api/me/unavailability", { body })));
