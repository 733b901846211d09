import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { date } from "../../ui/format";
import { Loaded } from "../../ui/Loaded";
import { useLegalDocument, useLegalVersions } from "./api";
import { LegalText } from "./components/LegalText";
import type { LegalKind } from "./keys";

/** The terms of use or the privacy policy, in the reader's language: the version in force, or an earlier one by ?version=. */
export function LegalDocumentPage() {
  const { t, i18n } = useTranslation();
  const { kind: raw } = useParams();
  const kind: LegalKind = raw === "privacy" ? "privacy" : "terms";
  const [params] = useSearchParams();
  const asked = Number(params.get("version")) || undefined;
  const document = useLegalDocument(kind, asked);
  const versions = useLegalVersions();
  const inForce = versions.data?.[kind].version;
  const english = i18n.language === "en";

  return (
    <article className="legal">
      <h1>{t(`legal.${kind}`)}</h1>
      <Loaded query={document}>
        {(d) => (
          <>
            <p className="meta">
              {t("legal.version", { version: d.version, date: date(d.publishedAt) })}
              {inForce !== undefined && d.version !== inForce && (
                <>
                  {" "}
                  <Link to={`/legal/${kind}`}>{t("legal.seeInForce", { version: inForce })}</Link>
                </>
              )}
            </p>
            <LegalText markdown={english ? d.bodyEn : d.bodyJa} lang={english ? "en" : "ja"} />
            {d.version > 1 && (
              <p className="meta">
                <Link to={`/legal/${kind}?version=${d.version - 1}`}>{t("legal.previous", { version: d.version - 1 })}</Link>
              </p>
            )}
          </>
        )}
      </Loaded>
    </article>
  );
}
