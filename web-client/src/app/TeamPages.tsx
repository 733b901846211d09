import { BoardPage } from "../features/teams/BoardPage";
import { ContractTasksPage } from "../features/teams/ContractTasksPage";
import { MyTasksPage } from "../features/teams/MyTasksPage";
import { TaskPage } from "../features/teams/TaskPage";
import { TaskTermsPage } from "../features/teams/TaskTermsPage";
import { TeamPage } from "../features/teams/TeamPage";
import { TeamsPage } from "../features/teams/TeamsPage";
import { RequireAccount } from "./RequireAccount";

export type TeamPageName = "teams" | "team" | "board" | "contractTasks" | "myTasks" | "task" | "taskTerms";

/**
 * The team pages (issue 23) as one chunk, loaded with the first of them: seven lazy imports in the shell cost more of
 * the first-load budget (151 KB gzip) than the few KB a team's people load at once, and they move between these pages.
 */
export function TeamPages({ page }: { page: TeamPageName }) {
  switch (page) {
    case "teams":
      return <RequireAccount roles={["worker", "producer", "business"]}>{(a) => <TeamsPage account={a} />}</RequireAccount>;
    case "team":
      return <RequireAccount>{(a) => <TeamPage account={a} />}</RequireAccount>;
    case "board":
      return <RequireAccount roles={["worker", "producer"]}>{() => <BoardPage />}</RequireAccount>;
    case "contractTasks":
      return <RequireAccount roles={["worker", "producer"]}>{() => <ContractTasksPage />}</RequireAccount>;
    case "myTasks":
      return <RequireAccount roles={["worker", "producer"]}>{() => <MyTasksPage />}</RequireAccount>;
    case "task":
      return <RequireAccount roles={["worker", "producer"]}>{(a) => <TaskPage account={a} />}</RequireAccount>;
    case "taskTerms":
      return <RequireAccount roles={["worker", "producer"]}>{() => <TaskTermsPage />}</RequireAccount>;
  }
}
