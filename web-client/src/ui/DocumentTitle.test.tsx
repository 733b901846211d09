import { act, render, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import i18n from "../i18n";
import { DocumentTitle } from "./DocumentTitle";
import { skillName } from "./skills";

afterEach(() => i18n.changeLanguage("ja"));

// Issue 13: the page title follows the page and the language: 「日本酒ラベルのデザイン | 地域しごとマーケット」.
describe("the document title", () => {
  it("follows the page's heading and the language", async () => {
    const { rerender } = render(
      <>
        <DocumentTitle />
        <main id="main">
          <h1>日本酒ラベルのデザイン</h1>
        </main>
      </>,
    );
    await waitFor(() => expect(document.title).toBe("日本酒ラベルのデザイン | 地域しごとマーケット"));
    rerender(
      <>
        <DocumentTitle />
        <main id="main">
          <h1>お知らせ</h1>
        </main>
      </>,
    );
    await waitFor(() => expect(document.title).toBe("お知らせ | 地域しごとマーケット"));
    await act(() => i18n.changeLanguage("en"));
    // The heading here is fixed text; on a real page it is worded again in English too.
    await waitFor(() => expect(document.title).toBe("お知らせ | Regional Work Market"));
  });

  it("is the site's name alone while a page has no heading", async () => {
    render(
      <>
        <DocumentTitle />
        <main id="main" />
      </>,
    );
    await waitFor(() => expect(document.title).toBe("地域しごとマーケット"));
  });
});

// Issue 13: skills are shown in the reader's language where the skill is a known word.
describe("a skill's name", () => {
  it("is worded in the reader's language when known and kept as typed otherwise", async () => {
    expect(skillName("design")).toBe("デザイン");
    expect(skillName("dataEntry")).toBe("データ入力");
    expect(skillName("English")).toBe("英語");
    expect(skillName("ロゴ")).toBe("ロゴ");
    await i18n.changeLanguage("en");
    expect(skillName("dataEntry")).toBe("Data entry");
    expect(skillName("transcription")).toBe("Transcription");
  });
});
