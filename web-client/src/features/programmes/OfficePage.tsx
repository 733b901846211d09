import "../../i18n/adminWords";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { date } from "../../ui/format";
import { Pending } from "../../ui/Pending";
import { Problem } from "../../ui/Problem";
import { Submit } from "../../ui/Submit";
import {
  useCompleteCourse, useCourses, useCreateCourse, useDecideIdentityCheck, useEnrolments, useIdentityChecks, usePostNotice, useProgrammes,
  type Course, type IdentityCheck,
} from "./api";
import { OfficeMembers } from "./OfficeMembers";
import { OfficeNotices } from "./components/OfficeNotices";

/** The programme office's desk (issue 29): members, identity checks, courses and notices of its own programme. */
export function OfficePage() {
  const { t } = useTranslation();
  const programmes = useProgrammes();
  if (programmes.isPending) return <Pending />;
  if (programmes.isError) return <Problem error={programmes.error} onRetry={() => void programmes.refetch()} />;
  const programme = programmes.data[0];
  if (!programme) return <p>{t("programmes.none")}</p>;
  return (
    <section>
      <h1>{t("office.title")}：{programme.name}</h1>
      <p><Link to={`/office/figures?programme=${programme.id}`}>{t("office.figures")}</Link></p>
      <OfficeMembers programmeId={programme.id} municipalities={programme.municipalities} />
      <Checks />
      <Courses programmeId={programme.id} />
      <NoticeForm programmeId={programme.id} />
      <OfficeNotices programmeId={programme.id} />
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
  return (
    <li className="card">
      <h3 className="h3">{check.workerName}</h3>
      <p className="meta">
        <span>{t(`programmes.documentTypes.${check.documentType}`)}</span> <span>{t(`programmes.checkStatus.${check.status}`)}</span>
      </p>
      {check.status === "pending" ? (
        <>
          {check.hasImage && <a href={`/api/identity-checks/${check.id}/image`} target="_blank" rel="noreferrer">{t("office.viewImage")}</a>}
          <label>
            {t("office.decideNote")}
            <input value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
          </label>
          {decide.isError && <Problem error={decide.error} />}
          <p className="inline-list">
            <button type="button" disabled={decide.isPending}
              onClick={() => decide.mutate({ id: check.id, verified: true, documentType: check.documentType, note: note.trim() || undefined })}>
              {t("office.verify")}
            </button>
            <button type="button" disabled={decide.isPending}
              onClick={() => decide.mutate({ id: check.id, verified: false, documentType: check.documentType, note: note.trim() || undefined })}>
              {t("office.reject")}
            </button>
          </p>
        </>
      ) : (
        <p>{t("office.decidedBy", { name: check.decidedByName ?? "", date: date(check.decidedAt) })}</p>
      )}
    </li>
  );
}

function Courses({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const courses = useCourses(programmeId);
  const create = useCreateCourse();
  const empty = { title: "", skills: "", startsOn: "", endsOn: "", capacity: "10", badgeName: "" };
  const [form, setForm] = useState(empty);
  // Typing again puts the "created" message away, so that it never stands beside a course not yet sent.
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => {
    if (create.isSuccess) create.reset();
    setForm({ ...form, [key]: e.target.value });
  };
  return (
    <section aria-labelledby="courses-title">
      <h2 id="courses-title">{t("office.courses")}</h2>
      {courses.data?.map((c) => <CourseCard key={c.id} course={c} />)}
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          // Emptied once created, so that a second tap on the button does not create the course twice.
          create.mutate({ id: programmeId, course: { ...form, capacity: Number(form.capacity) } }, { onSuccess: () => setForm(empty) });
        }}
      >
        <label>{t("office.courseTitle")}<input required value={form.title} onChange={set("title")} /></label>
        <label>{t("office.skills")}<input required value={form.skills} onChange={set("skills")} /></label>
        <label>{t("office.startsOn")}<input required type="date" value={form.startsOn} onChange={set("startsOn")} /></label>
        <label>{t("office.endsOn")}<input required type="date" value={form.endsOn} onChange={set("endsOn")} /></label>
        <label>{t("office.capacity")}<input required type="number" min={1} value={form.capacity} onChange={set("capacity")} /></label>
        <label>{t("office.badgeName")}<input required value={form.badgeName} onChange={set("badgeName")} /></label>
        {create.isError && <Problem error={create.error} />}
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
        <span>{date(course.startsOn)}〜{date(course.endsOn)}</span> <span>{t("programmes.places", { capacity: course.capacity, enrolled: course.enrolled })}</span>
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

function NoticeForm({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const post = usePostNotice();
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");
  return (
    <section aria-labelledby="notice-title">
      <h2 id="notice-title">{t("office.notices")}</h2>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          post.mutate({ id: programmeId, title, body }, { onSuccess: () => { setTitle(""); setBody(""); } });
        }}
      >
        <label>{t("office.noticeTitle")}<input required value={title} onChange={(e) => { if (post.isSuccess) post.reset(); setTitle(e.target.value); }} /></label>
        <label>{t("office.noticeBody")}<textarea required rows={4} value={body} onChange={(e) => { if (post.isSuccess) post.reset(); setBody(e.target.value); }} /></label>
        {post.isError && <Problem error={post.error} />}
        {post.isSuccess && <p className="notice" role="status">{t("office.noticeSent")}</p>}
        <Submit busy={post.isPending}>{t("office.post")}</Submit>
      </form>
    </section>
  );
}
