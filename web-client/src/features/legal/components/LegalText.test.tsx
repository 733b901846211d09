import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { LegalText } from "./LegalText";

describe("the operator's Markdown", () => {
  it("shows headings, lists, notes and paragraphs as elements under the page's h1", () => {
    render(<LegalText lang="ja" markdown={"# 利用規約\n\n> 下書きです\n\n## 第1条\n本文の\n続き\n\n1. 一つ目\n2. 二つ目\n\n- 項目"} />);
    expect(screen.getByRole("heading", { level: 2, name: "利用規約" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 3, name: "第1条" })).toBeInTheDocument();
    expect(screen.getByText("下書きです").tagName).toBe("BLOCKQUOTE");
    expect(screen.getByText("本文の 続き").tagName).toBe("P");
    expect(screen.getAllByRole("list")).toHaveLength(2);
    expect(screen.getByText("二つ目").tagName).toBe("LI");
  });

  it("shows markup as text, never as HTML", () => {
    const { container } = render(<LegalText lang="en" markdown={'<img src=x onerror="alert(1)"> and <b>bold</b>'} />);
    expect(container.querySelector("img, b")).toBeNull();
    expect(container).toHaveTextContent('<img src=x onerror="alert(1)"> and <b>bold</b>');
  });
});
