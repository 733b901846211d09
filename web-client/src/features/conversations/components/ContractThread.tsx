import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Account, StoredFile } from "../../../api/client";
import { limits } from "../../../api/limits.gen";
import { AttachFiles } from "../../../ui/AttachFiles";
import { FileList } from "../../../ui/FileList";
import { dateTime } from "../../../ui/format";
import { Field } from "../../../ui/Field";
import { Pending } from "../../../ui/Pending";
import { Problem } from "../../../ui/Problem";
import { Submit } from "../../../ui/Submit";
import { apiErrorsFor } from "../../../ui/validation";
import { useMarkThreadRead, usePostMessage, useThread } from "../api";
import { useDraft } from "../../../ui/drafts";

const bodyMax = limits["Conversations.PostMessage.Command"].body.maxLength;

/** The contract's message thread: oldest at the top, newest at the bottom, a marker where the unread ones begin. */
export function ContractThread({ contractId, account }: { contractId: string; account: Account }) {
  const { t } = useTranslation();
  const thread = useThread(contractId);
  const markRead = useMarkThreadRead(contractId);
  // The read position when the page opened: the marker stays where the unread messages began while the person reads.
  const [unreadFrom, setUnreadFrom] = useState<string | null | undefined>(undefined);
  const pages = thread.data?.pages;
  const messages = pages ? pages.flatMap((p) => p.items).reverse() : [];
  const newest = messages.at(-1)?.id;
  const readUpTo = pages?.[0]?.readUpTo ?? null;

  // Kept from the first answer (state set while rendering, as React advises for values derived once from props).
  if (pages && unreadFrom === undefined) setUnreadFrom(readUpTo);
  const { mutate } = markRead;
  useEffect(() => {
    if (newest && (readUpTo === null || newest > readUpTo)) mutate(newest);
  }, [newest, readUpTo, mutate]);

  if (thread.isPending) return <Pending />;
  if (thread.isError) return <Problem error={thread.error} onRetry={() => void thread.refetch()} />;
  const firstUnread = messages.find((m) => m.senderId !== account.id && (unreadFrom === null || (unreadFrom !== undefined && m.id > unreadFrom)));
  return (
    <section aria-labelledby="thread-title" className="thread">
      <h2 id="thread-title">{t("thread.title")}</h2>
      {thread.hasNextPage && (
        <button type="button" onClick={() => void thread.fetchNextPage()} disabled={thread.isFetchingNextPage}>
          {t("thread.earlier")}
        </button>
      )}
      {messages.length === 0 ? (
        <p>{t("thread.none")}</p>
      ) : (
        <ol className="messages">
          {messages.map((m) => (
            <li key={m.id} className={m.senderId === account.id ? "mine" : "theirs"}>
              {m.id === firstUnread?.id && (
                <p className="unread-marker" role="separator">
                  {t("thread.unreadFrom")}
                </p>
              )}
              <p className="meta">
                <strong>{m.senderName}</strong> <time dateTime={m.createdAt}>{dateTime(m.createdAt)}</time>
              </p>
              {m.body && <p className="message">{m.body}</p>}
              <FileList files={m.files} />
            </li>
          ))}
        </ol>
      )}
      <Compose contractId={contractId} />
    </section>
  );
}

function Compose({ contractId }: { contractId: string }) {
  const { t } = useTranslation();
  const post = usePostMessage(contractId);
  // Kept as a draft: a session that expires while the message is written loses none of it.
  const [body, setBody, clearBody] = useDraft("message", "");
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
      { onSuccess: () => (clearBody(), setFiles([]), setRound((r) => r + 1), setTouched(false)) },
    );
  }
  return (
    <form onSubmit={send} noValidate className="form panel" aria-labelledby="compose-title">
      <h3 id="compose-title">{t("thread.write")}</h3>
      <Field label={t("thread.message")} errors={touched ? errors : []} apiErrors={apiErrorsFor(post.error, "body")}>
        {(p) => <textarea {...p} rows={3} value={body} onChange={(e) => setBody(e.target.value)} />}
      </Field>
      <AttachFiles key={round} onChange={setFiles} />
      <Problem error={post.error} />
      <Submit busy={post.isPending}>{t("thread.send")}</Submit>
    </form>
  );
}
