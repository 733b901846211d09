import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { dateTime, yen } from "../../ui/format";
import type { ContestSummary } from "./api";

/** Contests as cards: the prize, where each stands, its deadline and entries (the caller's own counted). */
export function ContestList({ contests, label, empty }: { contests: ContestSummary[]; label: string; empty: string }) {
  const { t } = useTranslation();
  return (
    <section aria-label={label}>
      <h2>{label}</h2>
      {contests.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ul className="cards">
          {contests.map((c) => (
            <li key={c.id} className="card">
              <h3 className="h3">
                <Link to={`/contests/${c.id}`}>{c.title}</Link>
              </h3>
              <p className="meta">
                <span>{c.businessName}</span> <span>{t(`categories.${c.category}`)}</span>{" "}
                <strong>{t("contests.prizeIs", { prize: yen(c.prize) })}</strong>
              </p>
              <p className="meta">
                <span>{t(`contests.phase.${c.phase}`)}</span>{" "}
                <span>{t("contests.closesAt", { at: dateTime(c.entriesCloseAt) })}</span>{" "}
                <span>{t("contests.entryCount", { count: c.entryCount, minimum: c.minimumEntries })}</span>
                {c.myEntryCount > 0 && <span> {t("contests.myEntryCount", { count: c.myEntryCount })}</span>}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
