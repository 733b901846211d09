import { render } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Marked, safeNext } from "./Marked";

describe("Marked", () => {
  it("marks the ranges as text, never as markup", () => {
    const { container } = render(<Marked text="<b>ﾗﾍﾞﾙ</b>とラベル" highlights={[{ start: 12, length: 3 }, { start: 3, length: 4 }]} />);
    expect([...container.querySelectorAll("mark")].map((m) => m.textContent)).toEqual(["ﾗﾍﾞﾙ", "ラベル"]);
    expect(container.querySelector("b")).toBeNull();
    expect(container.textContent).toBe("<b>ﾗﾍﾞﾙ</b>とラベル");
  });

  it("ignores ranges outside the text or overlapping", () => {
    const { container } = render(<Marked text="abc" highlights={[{ start: 1, length: 5 }, { start: 2, length: 1 }, { start: 9, length: 1 }]} />);
    expect([...container.querySelectorAll("mark")].map((m) => m.textContent)).toEqual(["bc"]);
  });
});

describe("safeNext", () => {
  it("returns only in-app paths", () => {
    expect(safeNext("/jobs/abc")).toBe("/jobs/abc");
    expect(safeNext("//evil.example")).toBe("/");
    expect(safeNext("https://evil.example")).toBe("/");
    expect(safeNext("/\\evil.example")).toBe("/");
    expect(safeNext(null)).toBe("/");
  });
});
