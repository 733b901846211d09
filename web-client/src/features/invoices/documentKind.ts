import type { ContractDocument } from "./api";

/**
 * A document's name where it is listed and under its sheet's title: an invoice of a registered issuer is an invoice
 * (請求書), one without a registration number is printed as a receipt (領収書, DocumentPage's title), and its name says
 * the same, so that a sheet titled 領収書 is not subtitled ワーカーの請求書 (a user trial).
 */
export function documentKindKey(d: Pick<ContractDocument, "kind" | "qualified">) {
  if (d.kind === "withholdingNotice" || d.qualified) return `documents.kind.${d.kind}` as const;
  return `documents.kind.${d.kind}Receipt` as const;
}
