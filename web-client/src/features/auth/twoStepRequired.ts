import type { Account } from "../../api/client";

/**
 * Accounts that must have two-step sign-in before they can act: administrators, who confirm money, and a programme's
 * office staff, who see residents' identity documents (the API refuses either every action of theirs until they enrol).
 */
export function needsTwoStep(account: Pick<Account, "role" | "twoStepEnabled">): boolean {
  return (account.role === "administrator" || account.role === "office") && !account.twoStepEnabled;
}

/** Where a person goes once signed in: new terms to accept first, then two-step enrolment if required, then where they were going. */
export function afterSignIn(account: Pick<Account, "role" | "twoStepEnabled" | "mustAcceptTerms">, next: string): string {
  // Office staff have nothing to do on the job board, the default place: their desk is where they work.
  if (next === "/" && account.role === "office") next = "/office";
  if (account.mustAcceptTerms) return `/legal/accept?next=${encodeURIComponent(next)}`;
  if (needsTwoStep(account)) return `/two-step?next=${encodeURIComponent(next)}`;
  return next;
}
