import { describe, expect, it } from "vitest";
import { feeLineTitle } from "./DocumentPage";
import { documentKindKey } from "./documentKind";

// Issue 27: a fee invoice is a Japanese document; its line is the fee's label in the reader's language, then the job.
describe("a fee invoice's line", () => {
  it("reads the job's title after the Japanese label the API now writes", () => {
    expect(feeLineTitle("サービス利用料：純米酒のラベルデザイン")).toBe("純米酒のラベルデザイン");
    expect(feeLineTitle("プロデューサー手数料：テープ起こし")).toBe("テープ起こし");
  });
  it("and after the English label of documents issued before", () => {
    expect(feeLineTitle("Platform fee: 純米酒のラベルデザイン")).toBe("純米酒のラベルデザイン");
    expect(feeLineTitle("Producer's fee: テープ起こし")).toBe("テープ起こし");
  });
  it("leaves a worker's invoice as it is", () => expect(feeLineTitle("純米酒のラベルデザイン")).toBe("純米酒のラベルデザイン"));
});

// A user trial read a sheet titled 領収書 subtitled ワーカーの請求書: a document without a registration number is a receipt
// in its name too.
describe("a document's name", () => {
  it("is an invoice's when its issuer is registered and a receipt's when not", () => {
    expect(documentKindKey({ kind: "workerInvoice", qualified: true })).toBe("documents.kind.workerInvoice");
    expect(documentKindKey({ kind: "workerInvoice", qualified: false })).toBe("documents.kind.workerInvoiceReceipt");
    expect(documentKindKey({ kind: "platformInvoice", qualified: false })).toBe("documents.kind.platformInvoiceReceipt");
    expect(documentKindKey({ kind: "withholdingNotice", qualified: false })).toBe("documents.kind.withholdingNotice");
  });
});
