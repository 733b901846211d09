import "../../../i18n/teamWords";
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Account, StoredFile } from "../../../api/client";
import { limits } from "../../../api/limits.gen";
import { AttachFiles } from "../../../ui/AttachFiles";
import { Field } from "../../../ui/Field";
import { FileList } from "../../../ui/FileList";
import { dateTime } from "../../../ui/format";
import { Pending } from "../../../ui/Pending";
import { Problem } from "../../../ui/Problem";
import { Submit } from "../../../ui/Submit";
import { apiErrorsFor } from "../../../ui/validation";
import { useMarkTeamThreadRead, usePostTeamMessage, useTeamThread } from "../api";

const bodyMax = limits["Teams.PostTeamMessage.Command"].body.maxLength;

/** The team's own thread, for its members only: the director, leaders and members talk here, with files; the business never reads it. */
export function TeamThread({ teamId, account }: { teamId: string; account: Account }) {
  const { t } = useTranslation();
  const thread = useTeamThread(teamId, true);
  const { mutate: markRead } = useMarkTeamThreadRead(teamId);
  const page = thread.data;
  const messages = page ? [...page.items].reverse() : [];
  const newest = messages.at(-1)?.id;
  const readUpTo = page?.readUpTo ?? null;
  useEffect(() => {
    if (newest && (readUpTo === null || newest > readUpTo)) markRead(newest);
  }, [newest, readUpTo, markRead]);

  if (thread.isPending) return <Pending />;
  if (thread.isError) return <Problem error={thread.error} onRetry={() => void thread.refetch()} />;
  return (
    <section aria-labelledby="team-thread-title" className="thread">
      <h2 id="team-thread-title">{t("teams.thread.title")}</h2>
      <p className="hint">{t("teams.thread.lead")}</p>
      {messages.length === 0 ? (
        <p>{t("thread.none")}</p>
      ) : (
        <ol className="messages">
          {messages.map((m) => (
            <li key={m.id} className={m.senderId === account.id ? "mine" : "theirs"}>
              <p className="meta">
                <strong>{m.senderName}</strong> <time dateTime={m.createdAt}>{dateTime(m.createdAt)}</time>
              </p>
              {m.body && (
                <p className="message" data-user-content>
                  {m.body}
                </p>
              )}
              <FileList files={m.files} />
            </li>
          ))}
        </ol>
      )}
      <Compose teamId={teamId} />
    </section>
  );
}

function Compose({ teamId }: { teamId: string }) {
  const { t } = useTranslation();
  const post = usePostTeamMessage(teamId);
  const [body, setBody] = useState("");
  const [files, setFiles] = useState<StoredFile[]>([]);
  // A new AttachFiles after each message sent, so its list starts empty.
  const [round, setRound] = useState(0);
  const [touched, setTouched] = useState(false);
  const errors = body.length > bodyMax ? [t("validation.maxLength", { max: bodyMax })] : !body.trim() && files.length === 0 ? [t("thread.empty")] : [];
  function send(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (errors.length) return;
    // On failure the text and the files stay, so "send" again retries without retyping.
    post.mutate(
      { body: body.trim(), fileIds: files.map((f) => f.id) },
      { onSuccess: () => (setBody(""), setFiles([]), setRound((r) => r + 1), setTouched(false)) },
    );
  }
  return (
    <form onSubmit={send} noValidate className="form panel" aria-labelledby="team-compose-title">
      <h3 id="team-compose-title">{t("thread.write")}</h3>
      <Field label={t("thread.message")} errors={touched ? errors : []} apiErrors={apiErrorsFor(post.error, "body")}>
        {(p) => <textarea {...p} rows={3} value={body} onChange={(e) => setBody(e.target.value)} />}
      </Field>
      <AttachFiles key={round} onChange={setFiles} />
      <Problem error={post.error} />
      <Submit busy={post.isPending}>{t("thread.send")}</Submit>
    </form>
  );
}
