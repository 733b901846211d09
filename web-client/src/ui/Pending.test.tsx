import { act, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Pending } from "./Pending";

afterEach(() => vi.useRealTimers());

describe("Pending", () => {
  it("shows progress only after 300 ms, in a box that keeps its height", () => {
    vi.useFakeTimers();
    render(<Pending />);
    const box = screen.getByRole("status");
    expect(box).toHaveStyle({ minHeight: "6rem" });
    expect(box).toBeEmptyDOMElement();
    act(() => vi.advanceTimersByTime(299));
    expect(box).toBeEmptyDOMElement();
    act(() => vi.advanceTimersByTime(1));
    expect(box).toHaveTextContent("読み込み中…");
  });
});
