import { describe, expect, it } from "vitest";
import i18n, { loadLanguage } from "../../i18n";

describe("a payee's number of contracts on the payment records", () => {
  it("is singular for one contract in English", async () => {
    await loadLanguage("en");
    const en = i18n.getFixedT("en");
    expect(en("paymentRecords.contracts", { count: 1 })).toBe("1 contract");
    expect(en("paymentRecords.contracts", { count: 3 })).toBe("3 contracts");
    expect(i18n.getFixedT("ja")("paymentRecords.contracts", { count: 1 })).toBe("1件");
  });
});
