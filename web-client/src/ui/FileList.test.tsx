import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { StoredFile } from "../api/client";
import { FileList } from "./FileList";

describe("a file list", () => {
  it("gives an image preview its box before the picture arrives (no layout shift when it loads)", () => {
    const file = { id: "f1", name: "label.png", size: 2048, contentType: "image/png", sha256: "ab", createdAt: "2026-11-21T00:00:00Z" } as StoredFile;
    render(<FileList files={[file]} />);
    const preview = screen.getByRole("img", { name: "label.png" });
    // The width and height give the box its 4:3 shape at once; styles.css keeps it (aspect-ratio, object-fit: contain).
    expect(preview).toHaveAttribute("width", "320");
    expect(preview).toHaveAttribute("height", "240");
    expect(preview).toHaveClass("preview");
  });
});
