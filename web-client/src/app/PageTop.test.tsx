import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Link, MemoryRouter, Route, Routes } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PageTop } from "./PageTop";

afterEach(() => vi.restoreAllMocks());

describe("moving to another page", () => {
  it("starts the new page at its top, not where the last one was scrolled to", async () => {
    const scrollTo = vi.spyOn(window, "scrollTo").mockImplementation(() => {});
    render(
      <MemoryRouter initialEntries={["/jobs"]}>
        <PageTop />
        <Routes>
          <Route path="/jobs" element={<Link to="/jobs/j1">日本酒ラベルのデザイン</Link>} />
          <Route path="/jobs/:id" element={<h1>日本酒ラベルのデザイン</h1>} />
        </Routes>
      </MemoryRouter>,
    );
    scrollTo.mockClear();
    await userEvent.setup().click(screen.getByRole("link", { name: "日本酒ラベルのデザイン" }));
    expect(await screen.findByRole("heading", { name: "日本酒ラベルのデザイン" })).toBeInTheDocument();
    expect(scrollTo).toHaveBeenCalledWith(0, 0);
  });
});
