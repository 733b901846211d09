import "../../../i18n/adminWords";
import { useTranslation } from "react-i18next";
import { dateTime } from "../../../ui/format";
import { Pending } from "../../../ui/Pending";
import { Problem } from "../../../ui/Problem";
import { useNotices } from "../api";

/**
 * What the office has sent its members, newest first, under the form that sends a notice: a trial found the office
 * unable to see what it had told anyone once 送りました was gone. The route is the one members read
 * (GET /api/programmes/{id}/notices), open to the programme's own office only; a sent notice refreshes it.
 */
export function OfficeNotices({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const notices = useNotices(programmeId);
  return (
    <section aria-labelledby="sent-notices-title">
      <h3 id="sent-notices-title">{t("office.sentNotices")}</h3>
      {notices.isPending ? (
        <Pending minHeight="2rem" />
      ) : notices.isError ? (
        <Problem error={notices.error} onRetry={() => void notices.refetch()} />
      ) : notices.data.length === 0 ? (
        <p>{t("office.noSentNotices")}</p>
      ) : (
        <ul className="cards">
          {notices.data.map((n) => (
            <li key={n.id} className="card">
              <h4 data-user-content>{n.title}</h4>
              <p className="meta">
                <time dateTime={n.postedAt}>{dateTime(n.postedAt)}</time> <span>{n.postedByName}</span>
              </p>
              <p className="message" data-user-content>{n.body}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
