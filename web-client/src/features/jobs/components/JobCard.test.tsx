import { render } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { describe, expect, it } from "vitest";
import type { Job } from "../../../api/client";
import { JobCard } from "./JobCard";

const job = (description: string) =>
  ({
    id: "j1", title: "議事録の文字起こし", description, category: "transcription", budgetMin: 10000, budgetMax: 20000,
    deadline: "2026-12-20T00:00:00Z", region: "秋田県湯沢市", status: "open", bidCount: 0, membersOnly: false,
    businessId: "b1", businessName: "湯沢市役所", createdAt: "2026-11-01T00:00:00Z",
  }) as unknown as Job;

describe("a job card", () => {
  it("lays out no more of a long description than its two lines can show", () => {
    const { container } = render(
      <MemoryRouter>
        <ul>
          <JobCard job={job("会議の音声を文字にしてください。".repeat(400))} />
        </ul>
      </MemoryRouter>,
    );
    const summary = container.querySelector(".summary")!;
    expect(summary.textContent!.length).toBe(300);
    expect(summary.textContent!.startsWith("会議の音声を文字にしてください。")).toBe(true);
  });

  // A user trial found ##1## and ##2## on the board's cards of task jobs: they are each item's own inputs.
  it("shows a task job's item placeholders as an ellipsis", () => {
    const task = { ...job("「##1##」（素材: ##2##）の説明文を書いてください。"), format: "task", pricePerItem: 50, itemsLeft: 10 } as unknown as Job;
    const { container } = render(
      <MemoryRouter>
        <ul>
          <JobCard job={task} />
        </ul>
      </MemoryRouter>,
    );
    expect(container.querySelector(".summary")!.textContent).toBe("「…」（素材: …）の説明文を書いてください。");
  });
});
