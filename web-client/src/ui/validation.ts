import type { TFunction } from "i18next";
import type { ApiError, FieldError } from "../api/client";

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
      return t("validation.between", { min: error.min ?? "", max: error.max ?? "" });
    case "atLeast":
    case "greaterThan":
      return t("validation.atLeast", { value: error.value ?? "" });
    case "atMost":
    case "lessThan":
      return t("validation.atMost", { value: error.value ?? "" });
    case "email":
      return t("validation.email");
    case "budgetMaxBelowMin":
      return t("validation.budgetMaxBelowMin");
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
