import { useTranslation } from "react-i18next";
import { Loaded } from "../../../ui/Loaded";
import { DocumentCards } from "./DocumentCards";
import { useDocuments } from "../api";
import "../../../i18n/dealWords";

/** A contract's documents once its money is released; each opens as its own A4 sheet to print (DocumentPage). */
export function ContractDocuments({ contractId }: { contractId: string }) {
  const { t } = useTranslation();
  const documents = useDocuments(contractId);
  return (
    <section aria-labelledby="documents-heading">
      <h2 id="documents-heading">{t("documents.title")}</h2>
      <Loaded query={documents}>
        {(list) =>
          list.length === 0 ? <p>{t("documents.none")}</p> : <DocumentCards list={list} sheetPath={(d) => `/contracts/${contractId}/documents/${d.id}`} />
        }
      </Loaded>
    </section>
  );
}
