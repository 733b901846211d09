import { useDeferredValue, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { FieldError } from "../../../api/client";
import { fieldErrorText } from "../../../ui/validation";
import { useBanks, useBranches } from "../banks";

interface Choice {
  code: string;
  name: string;
}

/**
 * A bank, then its branch, chosen by name from the Zengin list (GET /api/banks, /api/banks/{code}/branches) instead of
 * typed as codes: the person types a part of the name in kanji or kana (or the code), and picks from what matches.
 * A saved code shows with its name. The form gets the codes.
 */
export function BankPicker({
  bankCode,
  branchCode,
  onChange,
  bankErrors = [],
  branchErrors = [],
}: {
  bankCode: string;
  branchCode: string;
  onChange: (codes: { bankCode: string; branchCode: string }) => void;
  bankErrors?: FieldError[];
  branchErrors?: FieldError[];
}) {
  const { t } = useTranslation();
  return (
    <>
      <Picker
        label={t("banks.bank")}
        hint={t("banks.bankSearch")}
        code={bankCode}
        errors={bankErrors}
        onPick={(code) => onChange({ bankCode: code, branchCode: "" })}
      />
      {/^\d{4}$/.test(bankCode) && (
        <Picker
          key={bankCode}
          label={t("banks.branch")}
          hint={t("banks.branchSearch")}
          code={branchCode}
          errors={branchErrors}
          bank={bankCode}
          onPick={(code) => onChange({ bankCode, branchCode: code })}
        />
      )}
    </>
  );
}

function Picker({
  label,
  hint,
  code,
  errors,
  bank,
  onPick,
}: {
  label: string;
  hint: string;
  code: string;
  errors: FieldError[];
  /** The bank whose branches are chosen; none to choose a bank. */
  bank?: string;
  onPick: (code: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [typed, setTyped] = useState("");
  const [choosing, setChoosing] = useState(code === "");
  const q = useDeferredValue(typed.trim());
  // A chosen code is looked up by itself, for its name.
  const search = choosing ? q : code;
  const enabled = choosing ? q.length > 0 : code !== "";
  const banks = useBanks(search, enabled && !bank);
  const branches = useBranches(bank ?? "", search, enabled && !!bank);
  const found: { data?: Choice[] } = bank ? branches : banks;
  const chosen = !choosing ? found.data?.find((c) => c.code === code) : undefined;
  const messages = errors.map((e) => fieldErrorText(t, e));
  return (
    <div className="field bank-picker">
      <label htmlFor={id}>{label}</label>
      {!choosing ? (
        <p>
          <output id={id}>{chosen ? <Named choice={chosen} /> : code}</output>{" "}
          <button type="button" className="link" onClick={() => (setChoosing(true), setTyped(""))}>
            {t("banks.change")}
          </button>
        </p>
      ) : (
        <>
          <p className="hint" id={`${id}-hint`}>
            {hint}
          </p>
          <input id={id} type="search" autoComplete="off" aria-describedby={`${id}-hint`} value={typed} onChange={(e) => setTyped(e.target.value)} />
          {q.length > 0 &&
            (found.data?.length === 0 ? (
              <p className="hint">{t("banks.none")}</p>
            ) : (
              <ul className="choices" aria-label={label}>
                {(found.data ?? []).map((c) => (
                  <li key={c.code}>
                    <button type="button" className="link" onClick={() => (onPick(c.code), setChoosing(false))}>
                      <Named choice={c} />
                    </button>
                  </li>
                ))}
              </ul>
            ))}
        </>
      )}
      {messages.length > 0 && <p className="field-error">{messages.join(" ")}</p>}
    </div>
  );
}

/** A bank's or branch's name as the Zengin list writes it (Japanese in either language), and its code. */
function Named({ choice }: { choice: Choice }) {
  const { t } = useTranslation();
  return (
    <>
      <span lang="ja">{choice.name}</span>
      {t("banks.code", { code: choice.code })}
    </>
  );
}
