import { useTranslation } from "react-i18next";
import { Link } from "react-router";

/** In place of the bid form while the worker has no profile: what to fill in, and why. */
export function ProfileFirst({ jobId }: { jobId: string }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="profile-first-title">
      <h2 id="profile-first-title">{t("words.profileTitle")}</h2>
      <p>{t("words.bidNeedsProfile")}</p>
      <p className="actions">
        <Link className="button primary" to={`/profile?next=${encodeURIComponent(`/jobs/${jobId}`)}`}>
          {t("words.profileGo")}
        </Link>
      </p>
    </section>
  );
}
