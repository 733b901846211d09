// The query keys apart from the calls: app/queryClient.ts reads them in the shell every visitor loads, which then
// carries no administrator's code.

export const payoutKeys = {
  all: ["payouts"] as const,
  bankAccount: ["payouts", "bank-account"] as const,
  mine: ["payouts", "mine"] as const,
  batches: ["payouts", "batches"] as const,
  batch: (id: string) => ["payouts", "batches", id] as const,
  due: ["payouts", "due"] as const,
  // Mutation key of an administrator's change to a batch: the rest of the administrators' area is refreshed by src/app.
  batchChange: ["payouts", "batch-change"] as const,
};
