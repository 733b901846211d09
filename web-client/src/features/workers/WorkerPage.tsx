import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { FileList } from "../../ui/FileList";
import { Pending } from "../../ui/Pending";
import { Problem } from "../../ui/Problem";
import { skillName } from "../../ui/skills";
import { useWorker } from "./api";

export function WorkerPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const worker = useWorker(id);
  if (worker.isPending) return <Pending />;
  if (worker.isError) return <Problem error={worker.error} onRetry={() => void worker.refetch()} />;
  const w = worker.data;
  return (
    <section>
      <h1>{w.displayName}</h1>
      {w.verified && <p className="tag">{t("programmes.verified")}</p>}
      <dl className="facts">
        <dt>{t("profile.rating")}</dt>
        <dd>{w.rating != null ? t("bids.ratingValue", { rating: w.rating.toFixed(1), count: w.reviewCount }) : t("bids.noRating")}</dd>
        <dt>{t("profile.completed")}</dt>
        <dd>{w.completedContracts}</dd>
        <dt>{t("profile.region")}</dt>
        <dd>{w.region}</dd>
        <dt>{t("profile.weeklyHours")}</dt>
        <dd>{t("profile.hoursValue", { count: w.weeklyHours })}</dd>
        <dt>{t("profile.availability")}</dt>
        <dd>{w.availability}</dd>
        <dt>{t("profile.skills")}</dt>
        <dd>
          <ul className="tags">
            {w.skills.map((s) => (
              <li key={s} className="tag">
                {skillName(s)}
              </li>
            ))}
          </ul>
        </dd>
        {w.programmes.length > 0 && (
          <>
            <dt>{t("programmes.title")}</dt>
            <dd>{w.programmes.join("、")}</dd>
          </>
        )}
        {w.badges.length > 0 && (
          <>
            <dt>{t("profile.badges")}</dt>
            <dd>
              <ul className="tags">
                {w.badges.map((b) => (
                  <li key={b} className="tag">{b}</li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
      {/* A heading only over something: a worker may leave the bio empty, and show no work yet. */}
      {w.bio.trim() && (
        <>
          <h2>{t("profile.bio")}</h2>
          <p className="message">{w.bio}</p>
        </>
      )}
      {(w.portfolio ?? []).length > 0 && (
        <section aria-labelledby="portfolio-title">
          <h2 id="portfolio-title">{t("profile.portfolio")}</h2>
          <FileList files={w.portfolio ?? []} label={t("profile.portfolio")} />
        </section>
      )}
    </section>
  );
}
