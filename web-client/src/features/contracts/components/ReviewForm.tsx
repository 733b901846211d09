import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { limits } from "../../../api/limits.gen";
import { Field } from "../../../ui/Field";
import { Problem } from "../../../ui/Problem";
import { Submit } from "../../../ui/Submit";
import { apiErrorsFor, textErrors } from "../../../ui/validation";
import { useLeaveReview } from "../api";

/** The API's limits on a review, from its OpenAPI document: the stars and the comment's length. */
const reviewLimits = limits["Contracts.LeaveReview.Command"];
const stars = Array.from({ length: reviewLimits.rating.maximum - reviewLimits.rating.minimum + 1 }, (_, i) => reviewLimits.rating.minimum + i);

export function ReviewForm({ id, other }: { id: string; other: string }) {
  const { t } = useTranslation();
  const review = useLeaveReview(id);
  // No stars are chosen until the reader chooses: a review is final, and one sent without looking must not be a ★5
  // (a user trial sent one by tapping the button).
  const [rating, setRating] = useState<number | null>(null);
  const [comment, setComment] = useState("");
  const [tried, setTried] = useState(false);
  const missing = tried && rating === null;
  function send(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    if (rating === null) return;
    review.mutate({ rating, comment: comment.trim() });
  }
  return (
    <form onSubmit={send} noValidate className="form panel" aria-labelledby="review-title">
      <h2 id="review-title">{t("contracts.reviewTitle", { name: other })}</h2>
      <fieldset aria-describedby={missing ? "review-rating-error" : undefined} aria-invalid={missing || undefined}>
        <legend>{t("contracts.rating")}</legend>
        <div className="stars">
          {stars.map((n) => (
            <label key={n} className="choice">
              <input type="radio" name="rating" value={n} checked={rating === n} onChange={() => setRating(n)} />
              <span>{t("contracts.stars", { count: n })}</span>
            </label>
          ))}
        </div>
        {missing && (
          <p className="field-error" id="review-rating-error">
            {t("contracts.chooseRating")}
          </p>
        )}
      </fieldset>
      <Field label={t("contracts.comment")} errors={textErrors(t, comment, reviewLimits.comment)} apiErrors={apiErrorsFor(review.error, "comment")}>
        {(p) => <textarea {...p} rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />}
      </Field>
      <Problem error={review.error} />
      <Submit busy={review.isPending}>{t("contracts.sendReview")}</Submit>
    </form>
  );
}
