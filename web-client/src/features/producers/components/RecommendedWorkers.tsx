import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Job, RecommendedWorker } from "../../../api/client";
import { Loaded } from "../../../ui/Loaded";
import { Problem } from "../../../ui/Problem";
import { useInviteWorker, useRecommendedWorkers } from "../api";

/** The API sends reasons in English for integrations; the page words them from the same facts in the user's language. */
function useReasons() {
  const { t } = useTranslation();
  return (w: RecommendedWorker, job: Job) =>
    ([
      w.skillMatch ? t("recommend.skill", { category: t(`categories.${job.category}`) }) : t("recommend.noSkill", { category: t(`categories.${job.category}`) }),
      w.badgeMatch ? t("recommend.badge", { badge: job.beginnerBadgeName ?? "" }) : null,
      w.regionMatch ? t("recommend.region", { region: w.region }) : null,
      t("recommend.hours", { count: w.weeklyHours }),
      w.rating != null ? t("recommend.rated", { rating: w.rating.toFixed(1), count: w.reviewCount }) : t("recommend.noReviews"),
      w.activeContracts > 0 ? t("recommend.busy", { count: w.activeContracts }) : null,
    ] as (string | null)[]).filter((x): x is string => x !== null);
}

export function RecommendedWorkers({ job }: { job: Job }) {
  const { t } = useTranslation();
  const workers = useRecommendedWorkers(job.id);
  const invite = useInviteWorker(job.id);
  const [invited, setInvited] = useState<string[]>([]);
  const reasons = useReasons();
  return (
    <section aria-labelledby="recommend-title">
      <h2 id="recommend-title">{t("recommend.title")}</h2>
      {/* What the score is made of (api/Producers/RecommendWorkers.cs), so that 適合度 74 means something. */}
      <details className="score-help">
        <summary>{t("words.scoreHelp")}</summary>
        <p>{t("words.scoreExplained")}</p>
      </details>
      <Problem error={invite.error} />
      <Loaded query={workers}>
      {(data) => data.length === 0 ? (
        <p>{t("recommend.none")}</p>
      ) : (
        <ol className="cards">
          {data.map((w) => (
            <li key={w.workerId} className="card">
              <h3>
                <Link to={`/workers/${w.workerId}`}>{w.displayName}</Link> <span className="score">{t("recommend.score", { score: w.score })}</span>
              </h3>
              <ul className="reasons">
                {reasons(w, job).map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
              {job.status === "open" &&
                (w.invited || invited.includes(w.workerId) ? (
                  <p className="success" role="status">
                    {w.invited ? t("trust.invitedAlready") : t("recommend.invited")}
                  </p>
                ) : (
                  <button
                    type="button"
                    disabled={invite.isPending}
                    aria-label={t("recommend.inviteName", { name: w.displayName })}
                    onClick={() => invite.mutate(w.workerId, { onSuccess: () => setInvited((x) => [...x, w.workerId]) })}
                  >
                    {t("recommend.invite")}
                  </button>
                ))}
            </li>
          ))}
        </ol>
      )}
      </Loaded>
    </section>
  );
}
