import "../../../i18n/milestoneWords";
import { useTranslation } from "react-i18next";
import type { ContractDetail, StoredFile } from "../../../api/client";
import { FileList } from "../../../ui/FileList";
import { LinkList } from "../../../ui/LinkList";
import { dateTime } from "../../../ui/format";

export function Timeline({ detail }: { detail: ContractDetail }) {
  const { t } = useTranslation();
  const c = detail.contract;
  // Work delivered or sent back for one milestone names it: a contract paid in milestones has several of each.
  const milestone = (id?: string | null) => detail.milestones.find((m) => m.id === id)?.title;
  const events: { at: string; text: string; body?: string; links?: string[]; files?: StoredFile[] }[] = [
    { at: c.createdAt, text: t("timeline.awarded", { worker: c.workerName }) },
    ...(c.fundedAt ? [{ at: c.fundedAt, text: t("timeline.funded") }] : []),
    ...detail.submissions.map((s) => ({ at: s.createdAt, text: milestone(s.milestoneId) ? t("milestones.timelineSubmitted", { title: milestone(s.milestoneId) }) : t("timeline.submitted"), body: s.message, links: s.links, files: s.files })),
    ...detail.revisionRequests.map((r) => ({ at: r.createdAt, text: milestone(r.milestoneId) ? t("milestones.timelineRevision", { title: milestone(r.milestoneId) }) : t("timeline.revisionRequested"), body: r.reason, files: r.files })),
    ...(c.completedAt ? [{ at: c.completedAt, text: t("timeline.accepted") }] : []),
    ...(c.releasedAt ? [{ at: c.releasedAt, text: t("timeline.released") }] : []),
    ...detail.reviews.map((r) => ({ at: r.createdAt, text: t("timeline.reviewed", { name: r.reviewerName, rating: r.rating }), body: r.comment })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t("timeline.title")}</h2>
      <ol className="timeline">
        {events.map((e, i) => (
          <li key={i}>
            <time dateTime={e.at}>{dateTime(e.at)}</time>
            <strong>{e.text}</strong>
            {e.body && <p className="message">{e.body}</p>}
            {e.files && <FileList files={e.files} />}
            {e.links && <LinkList links={e.links} />}
          </li>
        ))}
      </ol>
    </section>
  );
}
