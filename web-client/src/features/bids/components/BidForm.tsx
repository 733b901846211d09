import "../../../i18n/teamWords";
import { useEffect, useState, type FormEvent } from "react";
import { useDraft } from "../../../ui/drafts";
import { useTranslation } from "react-i18next";
import type { Job } from "../../../api/client";
import { limits } from "../../../api/limits.gen";
import { yen } from "../../../ui/format";
import { Field } from "../../../ui/Field";
import { Problem } from "../../../ui/Problem";
import { Submit } from "../../../ui/Submit";
import { apiErrorsFor, textErrors, wholeNumberErrors } from "../../../ui/validation";
import { usePlaceBid, useTakeHome } from "../api";

/** The API's limits on a bid, from its OpenAPI document. */
const bidLimits = limits["Bids.PlaceBid.Command"];

/** A team the bidder may bid for (it is the team's director or a leader). */
export interface BiddingTeam {
  id: string;
  name: string;
}

export function BidForm({ job, onPlaced, teams = [] }: { job: Job; onPlaced?: () => void; teams?: BiddingTeam[] }) {
  const { t } = useTranslation();
  const place = usePlaceBid(job.id);
  // Kept as a draft: a session that expires under the form costs the worker nothing they typed.
  const [form, setForm, clearDraft] = useDraft("bid", { amount: "", deliveryDays: "", message: "" });
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  // Bidding for oneself, or for one of the teams the bidder runs (the API takes teamId; the contract's party is the team).
  const [teamId, setTeamId] = useState("");
  const set = (key: keyof typeof form, value: string) => {
    setForm((f) => ({ ...f, [key]: value }));
    setTouched((x) => ({ ...x, [key]: true }));
  };
  const amount = Number(form.amount);
  const days = Number(form.deliveryDays);
  const errors: Record<string, string[]> = {
    amount: wholeNumberErrors(t, form.amount, bidLimits.amount),
    deliveryDays: wholeNumberErrors(t, form.deliveryDays, bidLimits.deliveryDays),
    message: textErrors(t, form.message, bidLimits.message),
  };
  const shown = (key: string) => (touched[key] ? (errors[key] ?? []) : []);
  // 手取り見込み: asked for once the amount is valid and has stood still for a moment, not at every keystroke.
  const [estimated, setEstimated] = useState<number | null>(null);
  const valid = form.amount !== "" && (errors.amount ?? []).length === 0;
  useEffect(() => {
    const timer = setTimeout(() => setEstimated(valid ? amount : null), 400);
    return () => clearTimeout(timer);
  }, [valid, amount]);
  const takeHome = useTakeHome(job.id, estimated);

  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched({ amount: true, deliveryDays: true, message: true });
    if (Object.values(errors).some((x) => x.length)) return;
    place.mutate({ amount, deliveryDays: days, message: form.message.trim(), teamId: teamId || null }, {
      onSuccess: () => {
        clearDraft();
        onPlaced?.();
      },
    });
  }

  if (place.isSuccess)
    return (
      <p className="success" role="status">
        {t("bids.placed")}
      </p>
    );
  return (
    <form onSubmit={submit} noValidate className="form" aria-labelledby="bid-form-title">
      <h2 id="bid-form-title">{t("bids.formTitle")}</h2>
      {teams.length > 0 && (
        <fieldset className="choices">
          <legend>{t("teams.bid.as")}</legend>
          <label className="choice">
            <input type="radio" name="bid-as" checked={teamId === ""} onChange={() => setTeamId("")} />
            <span>{t("teams.bid.myself")}</span>
          </label>
          {teams.map((team) => (
            <label key={team.id} className="choice">
              <input type="radio" name="bid-as" checked={teamId === team.id} onChange={() => setTeamId(team.id)} />
              <span>{t("teams.bid.forTeam", { team: team.name })}</span>
            </label>
          ))}
        </fieldset>
      )}
      <Field label={t("bids.amount")} hint={t("bids.amountHint", { min: yen(job.budgetMin), max: yen(job.budgetMax) })} errors={shown("amount")} apiErrors={apiErrorsFor(place.error, "amount")}>
        {(p) => <input {...p} type="number" inputMode="numeric" min={bidLimits.amount.minimum} max={bidLimits.amount.maximum} value={form.amount} onChange={(e) => set("amount", e.target.value)} />}
      </Field>
      {takeHome.data && valid && estimated === amount && (
        <div className="take-home" role="status" data-testid="take-home">
          <p>
            <strong>{t("bids.takeHome", { net: yen(takeHome.data.takeHome) })}</strong>
          </p>
          <p className="hint">
            {takeHome.data.withholds
              ? t("bids.takeHomeDetailTax", { fee: yen(takeHome.data.platformFee), tax: yen(takeHome.data.withholdingTax) })
              : t("bids.takeHomeDetail", { fee: yen(takeHome.data.platformFee) })}{" "}
            {t("bids.takeHomeNote")}
          </p>
        </div>
      )}
      <Field label={t("bids.deliveryDays")} hint={t("bids.deliveryDaysHint", { min: bidLimits.deliveryDays.minimum, max: bidLimits.deliveryDays.maximum })} errors={shown("deliveryDays")} apiErrors={apiErrorsFor(place.error, "deliveryDays")}>
        {(p) => <input {...p} type="number" inputMode="numeric" min={bidLimits.deliveryDays.minimum} max={bidLimits.deliveryDays.maximum} value={form.deliveryDays} onChange={(e) => set("deliveryDays", e.target.value)} />}
      </Field>
      <Field label={t("bids.message")} hint={t("bids.messageHint")} errors={shown("message")} apiErrors={apiErrorsFor(place.error, "message")}>
        {(p) => <textarea {...p} rows={4} value={form.message} onChange={(e) => set("message", e.target.value)} />}
      </Field>
      <Problem error={place.error} />
      <Submit busy={place.isPending}>{t("bids.submit")}</Submit>
    </form>
  );
}
