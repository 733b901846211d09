import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { safeNext } from "../../ui/Marked";
import { Loaded } from "../../ui/Loaded";
import { Problem } from "../../ui/Problem";
import { useAcceptLegal, useLegalVersions } from "./api";

/**
 * Shown once after signing in when a version of the terms or the privacy policy is in force that the person has not
 * accepted (the account's mustAcceptTerms): the documents are linked, and one button accepts them. "Later" goes on
 * without; the page comes again at the next sign-in until it is accepted. Its words do not say the documents changed: an
 * account the operator made (an invited office worker) meets them here first, never having accepted any.
 */
export function AcceptTermsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const versions = useLegalVersions();
  const accept = useAcceptLegal();

  return (
    <section className="narrow">
      <h1>{t("legal.updatedTitle")}</h1>
      <Loaded query={versions}>
        {(v) => (
          <>
            <p>{t("legal.updatedIntro")}</p>
            <ul>
              <li>
                <Link to="/legal/terms" target="_blank">
                  {t("legal.termsVersion", { version: v.terms.version })}
                </Link>
              </li>
              <li>
                <Link to="/legal/privacy" target="_blank">
                  {t("legal.privacyVersion", { version: v.privacy.version })}
                </Link>
              </li>
            </ul>
            <Problem error={accept.error} />
            <div className="actions centered">
              <button
                type="button"
                className="primary"
                disabled={accept.isPending}
                aria-busy={accept.isPending}
                onClick={() => accept.mutate({ termsVersion: v.terms.version, privacyVersion: v.privacy.version }, { onSuccess: () => navigate(next) })}
              >
                {accept.isPending ? t("common.sending") : t("legal.accept")}
              </button>
              <Link to={next}>{t("legal.later")}</Link>
            </div>
          </>
        )}
      </Loaded>
    </section>
  );
}
