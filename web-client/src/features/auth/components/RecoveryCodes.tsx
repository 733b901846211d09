import { useState } from "react";
import { useTranslation } from "react-i18next";

/**
 * The recovery codes, shown once: they can be copied, printed (the page prints only them) and downloaded as a text
 * file, so that a person keeps them where they can find them when the authenticator app is gone.
 */
export function RecoveryCodes({ codes, email }: { codes: string[]; email: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  const text = [t("twoStep.recoveryFileTitle"), email, "", ...codes, ""].join("\n");

  async function copy() {
    try {
      await navigator.clipboard.writeText(codes.join("\n"));
      setCopied("yes");
    } catch {
      // No clipboard (an old browser, a permission refused): the codes stay on screen to copy by hand.
      setCopied("no");
    }
  }

  function download() {
    const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = "yuzawa-marketplace-recovery-codes.txt";
    document.body.append(a);
    a.click();
    a.remove();
    URL.revokeObjectURL(url);
  }

  return (
    <div className="recovery-codes">
      <h2 className="h3">{t("twoStep.recoveryTitle")}</h2>
      <p className="notice">{t("twoStep.recoveryNote")}</p>
      <ul className="secret" data-testid="recovery-codes">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ul>
      <div className="actions no-print">
        <button type="button" onClick={() => void copy()}>
          {t("twoStep.copy")}
        </button>
        <button type="button" onClick={() => window.print()}>
          {t("twoStep.print")}
        </button>
        <button type="button" onClick={download}>
          {t("twoStep.download")}
        </button>
      </div>
      {copied && (
        <p className={copied === "yes" ? "success" : "notice"} role="status">
          {copied === "yes" ? t("twoStep.copied") : t("twoStep.copyFailed")}
        </p>
      )}
    </div>
  );
}
