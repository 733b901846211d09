import { describe, expect, it } from "vitest";
import { ApiError } from "../api/client";
import i18n from "../i18n";
import { apiErrorsFor, fieldErrorText, textErrors, wholeNumberErrors } from "./validation";

const problem = {
  type: "https://tools.ietf.org/html/rfc9110#section-15.5.1",
  title: "The request has invalid fields.",
  status: 400,
  errors: { title: ["'Title' must be 120 characters or fewer. You entered 121 characters."], "links[1]": ["Each link must be an http or https address."] },
  errorCodes: {
    title: [{ code: "maxLength", max: 120, message: "'Title' must be 120 characters or fewer. You entered 121 characters." }],
    "links[1]": [{ code: "linkNotHttp", message: "Each link must be an http or https address." }],
  },
};

const fieldErrorTextIn = (lang: "ja" | "en", error: Parameters<typeof fieldErrorText>[1]) => fieldErrorText(i18n.getFixedT(lang), error);

describe("an API validation problem", () => {
  const error = new ApiError(400, problem);

  it("keeps each field's errors with their codes", () => {
    expect(error.fields.title).toEqual([{ code: "maxLength", max: 120, message: problem.errors.title[0] }]);
    expect(apiErrorsFor(error, "links").map((e) => e.code)).toEqual(["linkNotHttp"]);
  });

  it("is worded in the chosen language, not the API's English", async () => {
    const [titleError] = apiErrorsFor(error, "title");
    await i18n.changeLanguage("ja");
    expect(fieldErrorText(i18n.t, titleError!)).toBe("120文字以内で入力してください。");
    await i18n.changeLanguage("en");
    expect(fieldErrorText(i18n.t, titleError!)).toBe("At most 120 characters.");
    await i18n.changeLanguage("ja");
  });

  it("names a refused control character or bidi override in both languages", () => {
    const error = { code: "controlCharacter", character: "U+202E", message: "'Title' must be one line without control or bidirectional formatting characters; it contains U+202E." };
    expect(fieldErrorTextIn("ja", error)).toBe("入力できない文字（U+202E）が含まれています。貼り付けた文字を確認してください。");
    expect(fieldErrorTextIn("en", error)).toBe("Contains a character that cannot be used (U+202E). Check any pasted text.");
  });

  it("falls back to the API's words for a code the client does not know", () => {
    expect(fieldErrorText(i18n.t, { code: "somethingNew", message: "Server says no." })).toBe("Server says no.");
  });
});

describe("checking typed values against the API's limits", () => {
  const t = i18n.getFixedT("en");

  it("words a text's limits: one character is required, more a minimum length, then the maximum", () => {
    expect(textErrors(t, "  ", { minLength: 1, maxLength: 5 })).toEqual(["Please fill this in."]);
    expect(textErrors(t, "short", { minLength: 10, maxLength: 128 })).toEqual(["At least 10 characters."]);
    expect(textErrors(t, "abcdef", { minLength: 1, maxLength: 5 })).toEqual(["At most 5 characters."]);
    expect(textErrors(t, "", { maxLength: 5 })).toEqual([]);
  });

  it("words a whole number's bounds", () => {
    expect(wholeNumberErrors(t, "", { minimum: 1, maximum: 100_000_000 })).toEqual(["Please fill this in."]);
    expect(wholeNumberErrors(t, "", { minimum: 0, maximum: 80 }, { optional: true })).toEqual([]);
    expect(wholeNumberErrors(t, "1.5", { minimum: 1, maximum: 365 })).toEqual(["Between 1 and 365."]);
    expect(wholeNumberErrors(t, "100000001", { minimum: 1, maximum: 100_000_000 })).toEqual(["Between 1 and 100,000,000."]);
  });
});
