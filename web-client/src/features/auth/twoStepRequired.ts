import type { Account } from "../../api/client";

/**
 * Accounts that must have two-step sign-in before they can act: administrators, who confirm money (the API refuses
 * them every administrator action until they enrol). An office account joins here when it exists.
 */
export function needsTwoStep(account: Pick<Account, "role" | "twoStepEnabled">): boolean {
  return account.role === "administrator" && !account.twoStepEnabled;
}

/** Where a person goes once signed in: new terms to accept first, then two-step enrolment if required, then where they were going. */
export function afterSignIn(account: Pick<Account, "role" | "twoStepEnabled" | "mustAcceptTerms">, next: string): string {
  if (account.mustAcceptTerms) return `/legal/accept?next=${encodeURIComponent(next)}`;
  if (needsTwoStep(account)) return `/two-step?next=${encodeURIComponent(next)}`;
  return next;
}
