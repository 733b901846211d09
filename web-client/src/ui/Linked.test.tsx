import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Linked, linkParts } from "./Linked";

const links = (text: string) => linkParts(text).flatMap((p) => (p.href ? [p.href] : []));

describe("Linked", () => {
  it("links http and https URLs, opening in a new tab with the writer's links marked as theirs", () => {
    render(<Linked text={"資料はこちら https://example.jp/files?id=3#top と http://old.example.jp です"} />);
    const [first, second] = screen.getAllByRole("link");
    expect(first).toHaveAttribute("href", "https://example.jp/files?id=3#top");
    expect(first).toHaveTextContent("https://example.jp/files?id=3#top");
    expect(first).toHaveAttribute("target", "_blank");
    expect(first).toHaveAttribute("rel", "noopener noreferrer nofollow ugc");
    expect(second).toHaveAttribute("href", "http://old.example.jp");
  });

  it("keeps Japanese text and punctuation after a URL outside the link", () => {
    expect(links("https://example.jp/a。")).toEqual(["https://example.jp/a"]);
    expect(links("https://example.jp/a、次に")).toEqual(["https://example.jp/a"]);
    expect(links("（https://example.jp/a）")).toEqual(["https://example.jp/a"]);
    expect(links("「https://example.jp/a」")).toEqual(["https://example.jp/a"]);
    expect(links("詳細はhttps://example.jp/aをご覧ください")).toEqual(["https://example.jp/a"]);
    expect(links("See https://example.jp/a. Or https://example.jp/b, then (https://example.jp/c)")).toEqual([
      "https://example.jp/a",
      "https://example.jp/b",
      "https://example.jp/c",
    ]);
    // A parenthesis the URL opened is its own.
    expect(links("https://ja.wikipedia.org/wiki/Sake_(drink).")).toEqual(["https://ja.wikipedia.org/wiki/Sake_(drink)"]);
  });

  it("renders everything else as the text written, never as markup", () => {
    const text = "<b>太字</b> <a href=\"javascript:alert(1)\">x</a>\njavascript:alert(1) ftp://example.jp www.example.jp https://";
    const { container } = render(<Linked text={text} />);
    expect(container.querySelector("b")).toBeNull();
    expect(screen.queryByRole("link")).toBeNull();
    expect(container.textContent).toBe(text);
  });

  it("keeps the whole text, line breaks included, around the links", () => {
    const text = "1行目 https://example.jp/a。\n2行目\n\nhttps://example.jp/b";
    const { container } = render(<Linked text={text} />);
    expect(container.textContent).toBe(text);
    expect(linkParts(text).map((p) => p.text).join("")).toBe(text);
  });
});
