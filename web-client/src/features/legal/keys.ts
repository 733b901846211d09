// The query and mutation keys apart from the calls: app/queryClient.ts reads them in the shell every visitor loads.

export type LegalKind = "terms" | "privacy";

export const legalKeys = {
  all: ["legal"] as const,
  versions: ["legal", "versions"] as const,
  document: (kind: LegalKind, version?: number) => ["legal", "document", kind, version ?? "current"] as const,
  // Accepting the versions in force changes the account (mustAcceptTerms): src/app refreshes it.
  accept: ["legal", "accept"] as const,
};
