import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Field } from "../../../ui/Field";
import { Loaded } from "../../../ui/Loaded";
import { Problem } from "../../../ui/Problem";
import { Submit } from "../../../ui/Submit";
import { apiErrorsFor } from "../../../ui/validation";
import type { Versioned } from "../../../api/client";
import { useBankAccount, useSaveBankAccount, type BankAccountInput, type BankAccountView } from "../api";
import { BankPicker } from "./BankPicker";

const empty: BankAccountInput = { bankCode: "", branchCode: "", accountType: "ordinary", accountNumber: "", holderName: "" };

export function BankAccountForm() {
  const account = useBankAccount();
  return <Loaded query={account}>{(saved) => <BankAccountFields saved={saved} />}</Loaded>;
}

/** The saved account fills the form (the number stays masked: the worker types it again to change it). */
function BankAccountFields({ saved }: { saved: Versioned<BankAccountView> | null }) {
  const { t } = useTranslation();
  const save = useSaveBankAccount();
  const [form, setForm] = useState<BankAccountInput>(
    saved ? { ...empty, bankCode: saved.bankCode, branchCode: saved.branchCode, accountType: saved.accountType, holderName: saved.holderName } : empty,
  );
  const account = { data: saved };
  // The version the form opened with, sent as If-Match: a save over another tab's change is refused (412), not lost.
  const [version, setVersion] = useState(saved?.etag);

  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate({ ...form, etag: version }, { onSuccess: (saved) => (setForm({ ...form, accountNumber: "", holderName: saved.holderName }), setVersion(saved.etag)) });
  }
  const set = (key: keyof BankAccountInput) => (value: string) => setForm({ ...form, [key]: value });

  return (
    <form onSubmit={submit} noValidate className="form panel" id="bank-account">
      <h2>{t("payouts.account")}</h2>
      {account.data && (
        <p className="meta" data-testid="saved-account">
          {t("payouts.saved", { bank: account.data.bankCode, branch: account.data.branchCode, number: account.data.accountNumberMasked, name: account.data.holderName })}
        </p>
      )}
      {/* The bank and the branch are chosen by name from the Zengin list; the form keeps their codes. */}
      <BankPicker
        bankCode={form.bankCode}
        branchCode={form.branchCode}
        onChange={(codes) => setForm({ ...form, ...codes })}
        bankErrors={apiErrorsFor(save.error, "bankCode")}
        branchErrors={apiErrorsFor(save.error, "branchCode")}
      />
      <Field label={t("payouts.accountType")} apiErrors={apiErrorsFor(save.error, "accountType")}>
        {(p) => (
          <select {...p} value={form.accountType} onChange={(e) => set("accountType")(e.target.value)}>
            {(["ordinary", "current", "savings"] as const).map((type) => (
              <option key={type} value={type}>
                {t(`accountType.${type}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t("payouts.accountNumber")} hint={t("payouts.accountNumberHint")} apiErrors={apiErrorsFor(save.error, "accountNumber")}>
        {(p) => <input {...p} inputMode="numeric" autoComplete="off" maxLength={7} value={form.accountNumber} onChange={(e) => set("accountNumber")(e.target.value)} />}
      </Field>
      <Field label={t("payouts.holderName")} hint={t("payouts.holderNameHint")} apiErrors={apiErrorsFor(save.error, "holderName")}>
        {(p) => <input {...p} autoComplete="off" value={form.holderName} onChange={(e) => set("holderName")(e.target.value)} />}
      </Field>
      <Problem error={save.error} />
      {save.isSuccess && (
        <p role="status" className="notice">
          {t("payouts.savedNow", { name: save.data.holderName })}
        </p>
      )}
      <Submit busy={save.isPending}>{t("payouts.saveAccount")}</Submit>
    </form>
  );
}
