import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, call } from "../../api/client";
import type { components } from "../../api/schema";

export type Programme = components["schemas"]["Programmes.Programme"];
export type Member = components["schemas"]["Programmes.Member"];
export type MemberStatus = components["schemas"]["Programmes.MemberStatus"];
export type WithdrawalReason = components["schemas"]["Programmes.WithdrawalReason"];
export type IdentityCheck = components["schemas"]["Programmes.IdentityCheck"];
export type DocumentType = components["schemas"]["Programmes.DocumentType"];
export type Course = components["schemas"]["Programmes.Course"];
export type Figures = components["schemas"]["Programmes.Figures"];
export type MonthFigures = components["schemas"]["Programmes.MonthFigures"];
export type Badge = components["schemas"]["Programmes.Badge"];
export type Invitation = components["schemas"]["Programmes.InviteOfficeStaff.Invitation"];
export type OfficeStaff = components["schemas"]["Programmes.OfficeStaff"];

export const withdrawalReasons: WithdrawalReason[] = ["job", "moved", "age", "busy", "health", "other"];
export const documentTypes: DocumentType[] = ["driversLicence", "myNumberCard", "residenceCard"];

export const programmeKeys = {
  all: ["programmes"] as const,
  list: ["programmes", "list"] as const,
  notices: (id: string) => ["programmes", id, "notices"] as const,
  courses: (id: string) => ["programmes", id, "courses"] as const,
  members: (id: string, filters: MemberFilters) => ["programmes", id, "members", filters] as const,
  enrolments: (courseId: string) => ["programmes", "enrolments", courseId] as const,
  checks: ["programmes", "identity-checks"] as const,
  badges: ["programmes", "badges"] as const,
  figures: (id: string, from: string, to: string) => ["programmes", id, "figures", from, to] as const,
  staff: (id: string) => ["programmes", id, "staff"] as const,
};

export interface MemberFilters {
  status?: MemberStatus;
  municipality?: string;
  badge?: string;
}

/** An administrator's list of a programme's office staff: who accepted the invitation, whose link is pending. */
export const useOfficeStaff = (id: string) =>
  useQuery({ queryKey: programmeKeys.staff(id), queryFn: () => call(api.GET("/api/admin/programmes/{id}/staff", { params: { path: { id } } })) });

export const useProgrammes = () =>
  useQuery(queryOptions({ queryKey: programmeKeys.list, queryFn: () => call(api.GET("/api/programmes")) }));

export const useNotices = (id: string, enabled = true) =>
  useQuery({ queryKey: programmeKeys.notices(id), enabled, queryFn: () => call(api.GET("/api/programmes/{id}/notices", { params: { path: { id } } })) });

export const useCourses = (id: string, enabled = true) =>
  useQuery({ queryKey: programmeKeys.courses(id), enabled, queryFn: () => call(api.GET("/api/programmes/{id}/courses", { params: { path: { id } } })) });

export const useMembers = (id: string, filters: MemberFilters) =>
  useQuery({
    queryKey: programmeKeys.members(id, filters),
    queryFn: () => call(api.GET("/api/programmes/{id}/members", { params: { path: { id }, query: filters } })),
  });

export const useEnrolments = (courseId: string) =>
  useQuery({ queryKey: programmeKeys.enrolments(courseId), queryFn: () => call(api.GET("/api/courses/{id}/enrolments", { params: { path: { id: courseId } } })) });

export const useBadges = () => useQuery({ queryKey: programmeKeys.badges, queryFn: () => call(api.GET("/api/badges")) });

export const useIdentityChecks = () => useQuery({ queryKey: programmeKeys.checks, queryFn: () => call(api.GET("/api/identity-checks")) });

export const useFigures = (id: string, from: string, to: string) =>
  useQuery({
    queryKey: programmeKeys.figures(id, from, to),
    queryFn: () => call(api.GET("/api/programmes/{id}/figures", { params: { path: { id }, query: { from, to } } })),
    // Until the programme is known (the office's list still loading) there is nothing to ask for.
    enabled: id !== "",
  });

/** Every change of the programme refreshes what the programme pages show. */
function useProgrammeMutation<T, R>(fn: (input: T) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: programmeKeys.all }) });
}

export const useJoin = () =>
  useProgrammeMutation(({ id, municipality }: { id: string; municipality: string }) =>
    call(api.POST("/api/programmes/{id}/join", { params: { path: { id } }, body: { municipality } })));

export const useWithdraw = () =>
  useProgrammeMutation(({ memberId, reason, note }: { memberId: string; reason: WithdrawalReason; note?: string }) =>
    call(api.POST("/api/programme-members/{id}/withdraw", { params: { path: { id: memberId } }, body: { reason, note } })));

export const useApprove = () =>
  useProgrammeMutation((memberId: string) => call(api.POST("/api/programme-members/{id}/approve", { params: { path: { id: memberId } } })));

export const useEnrol = () =>
  useProgrammeMutation((courseId: string) => call(api.POST("/api/courses/{id}/enrol", { params: { path: { id: courseId } } })));

export const useAskIdentityCheck = () =>
  useProgrammeMutation(({ fileId, documentType }: { fileId: string; documentType: DocumentType }) =>
    call(api.POST("/api/identity-checks", { body: { fileId, documentType } })));

export const useDecideIdentityCheck = () =>
  useProgrammeMutation(({ id, verified, documentType, note }: { id: string; verified: boolean; documentType: DocumentType; note?: string }) =>
    call(api.POST("/api/identity-checks/{id}/decide", { params: { path: { id } }, body: { verified, documentType, note } })));

export const usePostNotice = () =>
  useProgrammeMutation(({ id, title, body }: { id: string; title: string; body: string }) =>
    call(api.POST("/api/programmes/{id}/notices", { params: { path: { id } }, body: { title, body } })));

export interface NewCourse {
  title: string;
  skills: string;
  startsOn: string;
  endsOn: string;
  capacity: number;
  badgeName: string;
}

export const useCreateCourse = () =>
  useProgrammeMutation(({ id, course }: { id: string; course: NewCourse }) =>
    call(api.POST("/api/programmes/{id}/courses", { params: { path: { id } }, body: course })));

export const useCompleteCourse = () =>
  useProgrammeMutation(({ courseId, workerId }: { courseId: string; workerId: string }) =>
    call(api.POST("/api/courses/{id}/completions", { params: { path: { id: courseId } }, body: { workerId } })));

/** An administrator sets up a programme: its name, prefecture and the municipalities it serves. */
export const useCreateProgramme = () =>
  useProgrammeMutation((body: { name: string; prefecture: string; municipalities: string[] }) => call(api.POST("/api/admin/programmes", { body })));

/** An administrator invites a person to a programme's office: the link is mailed to the person, never shown here. */
export const useInviteOfficeStaff = () =>
  useProgrammeMutation(({ id, email, displayName }: { id: string; email: string; displayName: string }) =>
    call(api.POST("/api/admin/programmes/{id}/staff", { params: { path: { id } }, body: { email, displayName } })));

/** Sends a pending person's invitation again: a new link is mailed, and the earlier ones stop working. */
export const useResendOfficeInvitation = () =>
  useProgrammeMutation(({ id, userId }: { id: string; userId: string }) =>
    call(api.POST("/api/admin/programmes/{id}/staff/{userId}/invitation", { params: { path: { id, userId } } })));
