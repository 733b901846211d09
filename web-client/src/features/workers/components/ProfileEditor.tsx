import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import type { Account, StoredFile } from "../../../api/client";
import { limits } from "../../../api/limits.gen";
import { AttachFiles, attachKey } from "../../../ui/AttachFiles";
import { Field } from "../../../ui/Field";
import { FileList } from "../../../ui/FileList";
import { safeNext } from "../../../ui/Marked";
import { Problem } from "../../../ui/Problem";
import { Submit } from "../../../ui/Submit";
import { apiErrorsFor, textErrors, wholeNumberErrors } from "../../../ui/validation";
import { useUpdateProfile } from "../api";

/** The API's limits on a profile, from its OpenAPI document. */
const profileLimits = limits["Workers.UpdateWorkerProfile.Command"];
const maxPortfolio = profileLimits.portfolioFileIds.maxItems;

/** The profile as typed: text boxes hold strings, the number of hours included. */
export interface ProfileForm {
  bio: string;
  skills: string;
  region: string;
  weeklyHours: string;
  availability: string;
  isIndividual: boolean;
  invoiceNumber: string;
  legalName: string;
  postalAddress: string;
  /** The files on the profile now; the editor removes some and uploads more. */
  portfolio: StoredFile[];
}

/** Keeps what the worker typed (a later refresh of the saved profile does not overwrite it). */
export function ProfileEditor({ account, initial, missing, etag }: { account: Account; initial: ProfileForm; missing: boolean; etag?: string }) {
  const { t } = useTranslation();
  const update = useUpdateProfile(account.id);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form, setForm] = useState(initial);
  // The version the form opened with, sent as If-Match: a save over another tab's change is refused (412), not lost.
  const [version, setVersion] = useState(etag);
  // A field's errors show once it was changed or a save was tried: an empty new profile opens without any.
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [added, setAdded] = useState<StoredFile[]>([]);
  const [addKey, setAddKey] = useState(attachKey);

  const skills = form.skills.split(/[,、\n]/).map((s) => s.trim()).filter(Boolean);
  const hours = Number(form.weeklyHours);
  const errors: Record<string, string[]> = {
    region: textErrors(t, form.region, profileLimits.region),
    skills: skills.length > profileLimits.skills.maxItems ? [t("validation.tooManySkills")] : skills.map((s) => textErrors(t, s, profileLimits.skills.items)).find((e) => e.length) ?? [],
    weeklyHours: wholeNumberErrors(t, form.weeklyHours, profileLimits.weeklyHours, { optional: true }),
    availability: textErrors(t, form.availability, profileLimits.availability),
    bio: textErrors(t, form.bio, profileLimits.bio),
    legalName: textErrors(t, form.legalName, profileLimits.legalName),
    postalAddress: textErrors(t, form.postalAddress, profileLimits.postalAddress),
  };
  const set = (key: keyof typeof form, value: string | boolean) => {
    setForm({ ...form, [key]: value });
    setTouched((x) => ({ ...x, [key]: true }));
  };
  const shown = (key: string) => (touched[key] ? (errors[key] ?? []) : []);

  function save(e: FormEvent) {
    e.preventDefault();
    setTouched(Object.fromEntries(Object.keys(errors).map((k) => [k, true])));
    if (Object.values(errors).some((x) => x.length)) return;
    // A worker sent here from a job's bid form goes back to it once the profile is saved.
    const next = params.get("next");
    update.mutate(
      {
        bio: form.bio,
        skills,
        region: form.region.trim(),
        weeklyHours: hours,
        availability: form.availability,
        isIndividual: form.isIndividual,
        // The registration number as the register prints it: a lower-case or full-width T typed on a phone is still T.
        invoiceNumber: form.invoiceNumber.normalize("NFKC").replace(/\s/g, "").toUpperCase(),
        legalName: form.legalName.trim(),
        postalAddress: form.postalAddress.trim(),
        portfolioFileIds: [...form.portfolio, ...added].map((f) => f.id),
        etag: version,
      },
      {
        onSuccess: (saved) => {
          setVersion(saved.etag);
          // What was uploaded is in the portfolio now: the list shows it, and the upload box starts empty again.
          setForm((f) => ({ ...f, portfolio: saved.portfolio ?? [] }));
          setAdded([]);
          setAddKey(attachKey());
          if (next) navigate(safeNext(next));
        },
      },
    );
  }

  return (
    <section className="narrow">
      <h1>{t("profile.title")}</h1>
      {missing && (
        <div className="notice">
          <p>
            <strong>{t("words.profileWhy")}</strong>
          </p>
          <p>{t("words.profileWhat")}</p>
        </div>
      )}
      <form onSubmit={save} noValidate className="form">
        <Field label={t("profile.skills")} hint={t("profile.skillsHint")} errors={shown("skills")} apiErrors={apiErrorsFor(update.error, "skills")}>
          {(p) => <input {...p} value={form.skills} onChange={(e) => set("skills", e.target.value)} />}
        </Field>
        <Field label={t("profile.region")} hint={t("profile.regionHint")} errors={shown("region")} apiErrors={apiErrorsFor(update.error, "region")}>
          {(p) => <input {...p} value={form.region} onChange={(e) => set("region", e.target.value)} />}
        </Field>
        <Field label={t("profile.weeklyHours")} hint={t("profile.weeklyHoursHint", { min: profileLimits.weeklyHours.minimum, max: profileLimits.weeklyHours.maximum })} errors={shown("weeklyHours")} apiErrors={apiErrorsFor(update.error, "weeklyHours")}>
          {(p) => <input {...p} type="number" inputMode="numeric" min={profileLimits.weeklyHours.minimum} max={profileLimits.weeklyHours.maximum} value={form.weeklyHours} onChange={(e) => set("weeklyHours", e.target.value)} />}
        </Field>
        <Field label={t("profile.availability")} hint={t("profile.availabilityHint")} errors={shown("availability")} apiErrors={apiErrorsFor(update.error, "availability")}>
          {(p) => <input {...p} value={form.availability} onChange={(e) => set("availability", e.target.value)} />}
        </Field>
        <Field label={t("profile.bio")} hint={t("profile.bioHint")} errors={shown("bio")} apiErrors={apiErrorsFor(update.error, "bio")}>
          {(p) => <textarea {...p} rows={5} value={form.bio} onChange={(e) => set("bio", e.target.value)} />}
        </Field>
        <label className="choice">
          <input type="checkbox" checked={form.isIndividual} onChange={(e) => set("isIndividual", e.target.checked)} />
          <span>
            {t("profile.isIndividual")} — {t("profile.isIndividualHint")}
          </span>
        </label>
        <fieldset className="panel">
          <legend>{t("profile.portfolio")}</legend>
          <p className="hint">{t("profile.portfolioHint", { max: maxPortfolio })}</p>
          {form.portfolio.length === 0 && added.length === 0 && <p>{t("profile.portfolioNone")}</p>}
          {form.portfolio.map((f) => (
            <div key={f.id} className="portfolio-item">
              <FileList files={[f]} />
              <button type="button" className="link" onClick={() => setForm({ ...form, portfolio: form.portfolio.filter((x) => x.id !== f.id) })}>
                {t("profile.portfolioRemove", { name: f.name })}
              </button>
            </div>
          ))}
          <AttachFiles key={addKey} max={Math.max(0, maxPortfolio - form.portfolio.length)} onChange={setAdded} />
        </fieldset>
        <fieldset className="panel">
          <legend>{t("profile.paperwork")}</legend>
          <p className="hint">{t("profile.paperworkHint")}</p>
          <Field label={t("taxDetails.invoiceNumber")} hint={t("taxDetails.invoiceNumberHint")} apiErrors={apiErrorsFor(update.error, "invoiceNumber")}>
            {(p) => <input {...p} autoComplete="off" value={form.invoiceNumber} onChange={(e) => set("invoiceNumber", e.target.value)} />}
          </Field>
          <Field label={t("taxDetails.legalName")} hint={t("taxDetails.legalNameHint")} errors={shown("legalName")} apiErrors={apiErrorsFor(update.error, "legalName")}>
            {(p) => <input {...p} autoComplete="name" value={form.legalName} onChange={(e) => set("legalName", e.target.value)} />}
          </Field>
          <Field label={t("taxDetails.postalAddress")} hint={t("taxDetails.postalAddressHint")} errors={shown("postalAddress")} apiErrors={apiErrorsFor(update.error, "postalAddress")}>
            {(p) => <input {...p} autoComplete="street-address" value={form.postalAddress} onChange={(e) => set("postalAddress", e.target.value)} />}
          </Field>
        </fieldset>
        <Problem error={update.error} />
        {update.isSuccess && (
          <p className="success" role="status">
            {t("profile.saved")}
          </p>
        )}
        <Submit busy={update.isPending}>{t("profile.save")}</Submit>
      </form>
    </section>
  );
}
