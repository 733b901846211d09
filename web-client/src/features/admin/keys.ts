import type { components } from "../../api/schema";

// The query keys apart from the calls: app/queryClient.ts reads them in the shell every visitor loads, which then
// carries no administrator's code.

export interface UserFilters {
  q?: string;
  role?: components["schemas"]["Platform.Role"];
  status?: components["schemas"]["Admin.AccountStatus"];
}

export const adminKeys = {
  all: ["admin"] as const,
  users: (filters: UserFilters) => ["admin", "users", filters] as const,
  audit: ["admin", "audit"] as const,
  // Mutation key of a suspension or reinstatement: the rest of the administrators' area is refreshed by src/app.
  suspension: ["admin", "suspension"] as const,
};
