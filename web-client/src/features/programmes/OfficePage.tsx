import "../../i18n/adminWords";
import { Fragment, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import { Link, useSearchParams } from "react-router";
import { limits } from "../../api/limits.gen";
import { Field } from "../../ui/Field";
import { date } from "../../ui/format";
import { Pending } from "../../ui/Pending";
import { Problem } from "../../ui/Problem";
import { Submit } from "../../ui/Submit";
import { useFocusFirstError } from "../../ui/useFocusFirstError";
import { apiErrorsFor, textErrors, wholeNumberErrors } from "../../ui/validation";
import {
  useCompleteCourse, useCourses, useCreateCourse, useDecideIdentityCheck, useEnrolments, useIdentityChecks, usePostNotice, useProgrammes,
  type Course, type IdentityCheck,
} from "./api";
import { OfficeMembers } from "./OfficeMembers";
import { OfficeNotices } from "./components/OfficeNotices";

/**
 * The programme office's desk (issue 29): members, identity checks, courses and notices of its own programme. Office
 * staff see their one programme; an administrator sees every one and chooses which, kept in ?programme= as the figures
 * page reads it (a trial's administrator only ever saw the first).
 */
export function OfficePage() {
  const { t } = useTranslation();
  const programmes = useProgrammes();
  const [params, setParams] = useSearchParams();
  if (programmes.isPending) return <Pending />;
  if (programmes.isError) return <Problem error={programmes.error} onRetry={() => void programmes.refetch()} />;
  const programme = programmes.data.find((p) => p.id === params.get("programme")) ?? programmes.data[0];
  if (!programme) return <p>{t("programmes.none")}</p>;
  return (
    <section>
      <h1>{t("office.titleOf", { name: programme.name })}</h1>
      {programmes.data.length > 1 && (
        <p className="filters">
          <label>
            {t("office.programme")}
            <select value={programme.id} onChange={(e) => setParams({ programme: e.target.value }, { replace: true })}>
              {programmes.data.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            </select>
          </label>
        </p>
      )}
      {/* Keyed by the programme: another programme's filters and half-typed course or notice do not follow the choice. */}
      <Fragment key={programme.id}>
        <p><Link to={`/office/figures?programme=${programme.id}`}>{t("office.figures")}</Link></p>
        <OfficeMembers programmeId={programme.id} municipalities={programme.municipalities} />
        <Checks />
        <Courses programmeId={programme.id} />
        <NoticeForm programmeId={programme.id} />
        <OfficeNotices programmeId={programme.id} />
      </Fragment>
    </section>
  );
}

function Checks() {
  const { t } = useTranslation();
  const checks = useIdentityChecks();
  return (
    <section aria-labelledby="checks-title">
      <h2 id="checks-title">{t("office.checks")}</h2>
      {checks.isPending ? (
        <Pending />
      ) : checks.isError ? (
        <Problem error={checks.error} />
      ) : checks.data.length === 0 ? (
        <p>{t("office.noChecks")}</p>
      ) : (
        <ul className="cards">
          {checks.data.map((c) => <CheckCard key={c.id} check={c} />)}
        </ul>
      )}
    </section>
  );
}

function CheckCard({ check }: { check: IdentityCheck }) {
  const { t } = useTranslation();
  const decide = useDecideIdentityCheck();
  const [note, setNote] = useState("");
  const noteErrors = textErrors(t, note, limits["Programmes.DecideIdentityCheck.Command"].note);
  const send = (verified: boolean) => {
    if (noteErrors.length) return;
    decide.mutate({ id: check.id, verified, documentType: check.documentType, note: note.trim() || undefined });
  };
  return (
    <li className="card">
      <h3 className="h3">{check.workerName}</h3>
      <p className="meta">
        <span>{t(`programmes.documentTypes.${check.documentType}`)}</span> <span>{t(`programmes.checkStatus.${check.status}`)}</span>
      </p>
      {check.status === "pending" ? (
        <>
          {/* A line of its own, above the note's labelled field: a trial read the two run together (画像を見るメモ（任意）). */}
          {check.hasImage && (
            <p>
              <a href={`/api/identity-checks/${check.id}/image`} target="_blank" rel="noreferrer">{t("office.viewImage")}</a>
            </p>
          )}
          <Field label={t("office.decideNote")} errors={noteErrors} apiErrors={apiErrorsFor(decide.error, "note")}>
            {(p) => <input {...p} value={note} onChange={(e) => setNote(e.target.value)} />}
          </Field>
          <Problem error={decide.error} />
          <p className="inline-list">
            <button type="button" disabled={decide.isPending} onClick={() => send(true)}>
              {t("office.verify")}
            </button>
            <button type="button" disabled={decide.isPending} onClick={() => send(false)}>
              {t("office.reject")}
            </button>
          </p>
        </>
      ) : (
        <>
          <p>{t("office.decidedBy", { name: check.decidedByName ?? "", date: date(check.decidedAt) })}</p>
          {/* What the office wrote when deciding (why it could not verify, what it asked for) stays with the check. */}
          {check.note && <p className="message" data-user-content>{t("office.decidedNote", { note: check.note })}</p>}
        </>
      )}
    </li>
  );
}

const courseLimits = limits["Programmes.CreateCourse.Command"];
const emptyCourse = { title: "", skills: "", startsOn: "", endsOn: "", capacity: "10", badgeName: "" };
type CourseForm = typeof emptyCourse;
type FieldInput = Parameters<typeof Field>[0]["children"];

/** The course form's own checks, with the API's limits: what it would refuse is said under the field before sending. */
function courseErrors(t: TFunction, form: CourseForm): Record<keyof CourseForm, string[]> {
  return {
    title: textErrors(t, form.title, courseLimits.title),
    skills: textErrors(t, form.skills, courseLimits.skills),
    startsOn: form.startsOn ? [] : [t("validation.required")],
    // ISO days compare as text.
    endsOn: !form.endsOn ? [t("validation.required")] : form.startsOn && form.endsOn < form.startsOn ? [t("office.endsBeforeStart")] : [],
    capacity: wholeNumberErrors(t, form.capacity, courseLimits.capacity),
    badgeName: textErrors(t, form.badgeName, courseLimits.badgeName),
  };
}

function Courses({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const courses = useCourses(programmeId);
  const create = useCreateCourse();
  const [form, setForm] = useState(emptyCourse);
  const [touched, setTouched] = useState<Partial<Record<keyof CourseForm, boolean>>>({});
  const [attempts, setAttempts] = useState(0);
  const formRef = useFocusFirstError(attempts, create.error);
  const errors = courseErrors(t, form);
  // A field speaks once typed in, and every field once sending was tried: an untouched empty form says nothing.
  const shown = (key: keyof CourseForm) => (attempts > 0 || touched[key] ? errors[key] : []);
  // Typing again puts the "created" message away, so that it never stands beside a course not yet sent.
  const set = (key: keyof CourseForm) => (e: { target: { value: string } }) => {
    if (create.isSuccess) create.reset();
    setForm({ ...form, [key]: e.target.value });
    setTouched({ ...touched, [key]: true });
  };
  function send(e: FormEvent) {
    e.preventDefault();
    if (Object.values(errors).some((x) => x.length)) {
      setAttempts((n) => n + 1);
      return;
    }
    const course = { ...form, title: form.title.trim(), skills: form.skills.trim(), badgeName: form.badgeName.trim(), capacity: Number(form.capacity) };
    // Emptied once created, so that a second tap on the button does not create the course twice.
    create.mutate({ id: programmeId, course }, { onSuccess: () => (setForm(emptyCourse), setTouched({}), setAttempts(0)) });
  }
  const field = (key: keyof CourseForm, label: string, input: FieldInput) => (
    <Field label={label} errors={shown(key)} apiErrors={apiErrorsFor(create.error, key)}>
      {input}
    </Field>
  );
  return (
    <section aria-labelledby="courses-title">
      <h2 id="courses-title">{t("office.courses")}</h2>
      {courses.data?.map((c) => <CourseCard key={c.id} course={c} />)}
      <form ref={formRef} className="form" onSubmit={send} noValidate>
        {field("title", t("office.courseTitle"), (p) => <input {...p} value={form.title} onChange={set("title")} />)}
        {field("skills", t("office.skills"), (p) => <input {...p} value={form.skills} onChange={set("skills")} />)}
        {field("startsOn", t("office.startsOn"), (p) => <input {...p} type="date" value={form.startsOn} onChange={set("startsOn")} />)}
        {field("endsOn", t("office.endsOn"), (p) => <input {...p} type="date" min={form.startsOn || undefined} value={form.endsOn} onChange={set("endsOn")} />)}
        {field("capacity", t("office.capacity"), (p) => (
          <input {...p} type="number" inputMode="numeric" min={courseLimits.capacity.minimum} max={courseLimits.capacity.maximum} value={form.capacity} onChange={set("capacity")} />
        ))}
        {field("badgeName", t("office.badgeName"), (p) => <input {...p} value={form.badgeName} onChange={set("badgeName")} />)}
        <Problem error={create.error} />
        {create.isSuccess && <p className="notice" role="status">{t("office.courseCreated")}</p>}
        <Submit busy={create.isPending}>{t("office.createCourse")}</Submit>
      </form>
    </section>
  );
}

function CourseCard({ course }: { course: Course }) {
  const { t } = useTranslation();
  const enrolments = useEnrolments(course.id);
  const complete = useCompleteCourse();
  return (
    <article className="card">
      <h3 className="h3">{course.title}</h3>
      <p className="meta">
        <span>{t("programmes.dates", { from: date(course.startsOn), to: date(course.endsOn) })}</span> <span>{t("programmes.places", { capacity: course.capacity, enrolled: course.enrolled })}</span>
      </p>
      <h4>{t("office.enrolments")}</h4>
      {complete.isError && <Problem error={complete.error} />}
      <ul>
        {enrolments.data?.map((e) => (
          <li key={e.workerId}>
            {e.workerName}{" "}
            {e.completedAt ? (
              <strong>{t("programmes.completed")}</strong>
            ) : (
              <button type="button" disabled={complete.isPending} onClick={() => complete.mutate({ courseId: course.id, workerId: e.workerId })}>
                {t("office.markCompleted")}
              </button>
            )}
          </li>
        ))}
      </ul>
    </article>
  );
}

const noticeLimits = limits["Programmes.PostNotice.Command"];

function NoticeForm({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const post = usePostNotice();
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");
  const [touched, setTouched] = useState({ title: false, body: false });
  const [attempts, setAttempts] = useState(0);
  const formRef = useFocusFirstError(attempts, post.error);
  const errors = { title: textErrors(t, title, noticeLimits.title), body: textErrors(t, body, noticeLimits.body) };
  const shown = (key: keyof typeof errors) => (attempts > 0 || touched[key] ? errors[key] : []);
  function send(e: FormEvent) {
    e.preventDefault();
    if (errors.title.length || errors.body.length) {
      setAttempts((n) => n + 1);
      return;
    }
    post.mutate(
      { id: programmeId, title: title.trim(), body },
      { onSuccess: () => (setTitle(""), setBody(""), setTouched({ title: false, body: false }), setAttempts(0)) },
    );
  }
  return (
    <section aria-labelledby="notice-title">
      <h2 id="notice-title">{t("office.notices")}</h2>
      <form ref={formRef} className="form" onSubmit={send} noValidate>
        <Field label={t("office.noticeTitle")} errors={shown("title")} apiErrors={apiErrorsFor(post.error, "title")}>
          {(p) => (
            <input {...p} value={title} onChange={(e) => { if (post.isSuccess) post.reset(); setTitle(e.target.value); setTouched({ ...touched, title: true }); }} />
          )}
        </Field>
        <Field label={t("office.noticeBody")} errors={shown("body")} apiErrors={apiErrorsFor(post.error, "body")}>
          {(p) => (
            <textarea {...p} rows={4} value={body} onChange={(e) => { if (post.isSuccess) post.reset(); setBody(e.target.value); setTouched({ ...touched, body: true }); }} />
          )}
        </Field>
        <Problem error={post.error} />
        {post.isSuccess && <p className="notice" role="status">{t("office.noticeSent")}</p>}
        <Submit busy={post.isPending}>{t("office.post")}</Submit>
      </form>
    </section>
  );
}
