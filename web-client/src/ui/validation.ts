import type { TFunction } from "i18next";
import type { ApiError, FieldError } from "../api/client";

/** A text field's limits as the API's OpenAPI document publishes them (src/api/limits.gen.ts). */
export interface TextLimit {
  readonly minLength?: number;
  readonly maxLength?: number;
}

/** A number field's bounds as the API's OpenAPI document publishes them (src/api/limits.gen.ts). */
export interface NumberLimit {
  readonly minimum: number;
  readonly maximum: number;
}

/**
 * Typed text against the API's limits, as the user types: a minimum length of one is a required field (blank text
 * counts as none, as the API's NotBlank does), a longer one is worded as a minimum length.
 */
export function textErrors(t: TFunction, text: string, limit: TextLimit): string[] {
  const min = limit.minLength ?? 0;
  if (min === 1 && !text.trim()) return [t("validation.required")];
  if (text.length < min) return [t("validation.minLength", { min })];
  if (limit.maxLength !== undefined && text.length > limit.maxLength) return [t("validation.maxLength", { max: limit.maxLength })];
  return [];
}

/** A typed whole number against the API's minimum and maximum (an empty box is "required" unless optional). */
export function wholeNumberErrors(t: TFunction, text: string, limit: NumberLimit, { optional = false } = {}): string[] {
  if (!optional && !text.trim()) return [t("validation.required")];
  const n = Number(text);
  if (!Number.isInteger(n) || n < limit.minimum || n > limit.maximum)
    return [t("validation.between", { min: limit.minimum.toLocaleString(), max: limit.maximum.toLocaleString() })];
  return [];
}

/** A limit as people read a figure: 100,000,000, not 100000000. */
const figure = (n: number | undefined) => (n === undefined ? "" : n.toLocaleString());

/** The API's field error in the user's language; an unknown code falls back to the API's own words. */
export function fieldErrorText(t: TFunction, error: FieldError): string {
  switch (error.code) {
    case "required":
      return t("validation.required");
    case "maxLength":
      return t("validation.maxLength", { max: error.max ?? "" });
    case "minLength":
      return t("validation.minLength", { min: error.min ?? "" });
    case "between":
      return t("validation.between", { min: figure(error.min), max: figure(error.max) });
    case "atLeast":
    case "greaterThan":
      return t("validation.atLeast", { value: figure(error.value) });
    case "atMost":
    case "lessThan":
      return t("validation.atMost", { value: figure(error.value) });
    case "email":
      return t("validation.email");
    case "budgetMaxBelowMin":
      return t("validation.budgetMaxBelowMin");
    case "wrongCode":
      return t("validation.wrongCode");
    case "wrongPassword":
      return t("validation.wrongPassword");
    case "teamContractMilestones":
      return t("validation.teamContractMilestones");
    case "notZenginText":
      return t("validation.notZenginText", { character: error.character ?? "" });
    case "invoiceNumber":
      return t("validation.invoiceNumber");
    case "bankCode":
      return t("validation.bankCode");
    case "branchCode":
      return t("validation.branchCode");
    case "accountNumber":
      return t("validation.accountNumber");
    case "deadlineInPast":
      return t("validation.deadlineInPast");
    case "deadlineTooFar":
      return t("validation.deadlineTooFar");
    case "tooManyLinks":
      return t("validation.tooManyLinks");
    case "linkNotHttp":
      return t("validation.linkNotHttp");
    case "tooManySkills":
      return t("validation.tooManySkills");
    case "feeRatePrecision":
      return t("validation.feeRatePrecision");
    case "controlCharacter":
      return t("validation.controlCharacter", { character: error.character ?? "" });
    case "commonPassword":
      return t("validation.commonPassword");
    case "passwordIsAccountWord":
      return t("validation.passwordIsAccountWord");
    case "expiryInPast":
      return t("validation.expiryInPast");
    case "noSearchWords":
      return t("validation.noSearchWords");
    case "emptySearch":
      return t("validation.emptySearch");
    case "sortNeedsOpenBoard":
      return t("validation.sortNeedsOpenBoard");
    case "contactDetails":
      return t("validation.contactDetails", {
        kind: error.kind === "email" || error.kind === "phone" || error.kind === "lineId" ? t(`validation.contactKinds.${error.kind}`) : "",
      });
    case "fileNotAttachable":
      return t("validation.fileNotAttachable");
    case "tooManyFiles":
      return t("validation.tooManyFiles");
    case "unknownMessage":
      return t("validation.unknownMessage");
    default:
      return error.message || t("validation.invalid");
  }
}

/** The API errors of one field, including indexed ones ("links[2]") under their list's name. */
export function apiErrorsFor(error: unknown, field: string): FieldError[] {
  const fields = (error as ApiError | null)?.fields;
  if (!fields) return [];
  return Object.entries(fields)
    .filter(([key]) => key === field || key.startsWith(`${field}[`))
    .flatMap(([, errors]) => errors);
}
