import { describe, expect, it } from "vitest";
import { feeLineTitle } from "./DocumentPage";

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
