import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { date, yen } from "../../ui/format";
import { LoadMore } from "../../ui/LoadMore";
import { Loaded } from "../../ui/Loaded";
import { useContracts } from "./api";
import { ContractStatus } from "./components/ContractStatus";

export function ContractsPage() {
  const { t } = useTranslation();
  const contracts = useContracts();
  const items = contracts.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section>
      <h1>{t("contracts.title")}</h1>
      <Loaded query={contracts}>
      {() => items.length === 0 ? (
        <p>{t("contracts.none")}</p>
      ) : (
        <ul className="cards">
          {items.map((c) => (
            <li key={c.id} className="card">
              <h2 className="h3">
                <Link to={`/contracts/${c.id}`}>{c.jobTitle}</Link>
              </h2>
              <p className="meta">
                <ContractStatus contract={c} />
                <span>{yen(c.amount)}</span>
                <span>{t("contracts.dueOn", { date: date(c.deadline) })}</span>
                {c.unreadMessages > 0 && <span className="badge">{t("thread.unread", { count: c.unreadMessages })}</span>}
                <span>
                  {c.businessName} → {c.workerName}
                </span>
              </p>
            </li>
          ))}
        </ul>
      )}
      </Loaded>
      <LoadMore hasMore={contracts.hasNextPage} loading={contracts.isFetchingNextPage} onMore={() => void contracts.fetchNextPage()} />
    </section>
  );
}
