import "../../i18n/contestWords";
import { useTranslation } from "react-i18next";
import { Pending } from "../../ui/Pending";
import { Problem } from "../../ui/Problem";
import { useContestsToDecide } from "./api";
import { ContestList } from "./ContestList";

/**
 * The administrators' contests (issue 24): those whose business chose no winner within 14 days after the deadline and
 * that had their minimum of entries. The prize is not refunded; the office chooses on each contest's page by the
 * business's own ratings, as the contest's terms said.
 */
export function ContestsToDecidePage() {
  const { t } = useTranslation();
  const contests = useContestsToDecide();
  if (contests.isPending) return <Pending />;
  if (contests.isError) return <Problem error={contests.error} onRetry={() => void contests.refetch()} />;
  return (
    <section>
      <h1>{t("contests.toDecide.title")}</h1>
      <p>{t("contests.toDecide.lead")}</p>
      <ContestList contests={contests.data} label={t("contests.toDecide.list")} empty={t("contests.toDecide.none")} />
    </section>
  );
}
