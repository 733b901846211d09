import { useEffect, useState, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { InfiniteData, UseInfiniteQueryResult } from "@tanstack/react-query";
import type { Account, StoredFile } from "../api/client";
import { AttachFiles } from "./AttachFiles";
import { Field } from "./Field";
import { FileList } from "./FileList";
import { dateTime } from "./format";
import { Pending } from "./Pending";
import { Problem } from "./Problem";
import { Submit } from "./Submit";
import { apiErrorsFor } from "./validation";
import { useDraft } from "./drafts";

/** How many pages a thread reads by itself to reach where the unread messages begin (30 messages each). */
const autoPages = 4;

/** A message as a contract's thread and a team's thread both answer it. */
export interface ThreadMessage {
  id: string;
  senderId: string;
  senderName: string;
  createdAt: string;
  body?: string | null;
  files: StoredFile[];
}

/** A page of a thread read newest first (`newestFirst=true`), with the caller's read position. */
export interface ThreadPage {
  items: ThreadMessage[];
  readUpTo?: string | null;
  nextCursor?: string | null;
}

export interface NewMessage {
  body: string;
  fileIds: string[];
}

/** What the thread needs of the feature's mutation that posts a message (a TanStack Query mutation fits it). */
export interface MessagePost {
  mutate(message: NewMessage, options: { onSuccess: () => void }): void;
  isPending: boolean;
  error: Error | null;
}

/**
 * A thread of messages with files — a contract's, between its parties, or a team's, among its members: oldest at the
 * top, newest at the bottom, earlier pages on request, a marker where the unread ones began when the page opened, the
 * read position moved to the newest message shown, and a form to write (kept as a draft).
 */
export function MessageThread({
  id,
  title,
  lead,
  account,
  thread,
  markRead,
  post,
  bodyMax,
}: {
  /** The heading's id, unique on the page. */
  id: string;
  title: string;
  lead?: ReactNode;
  account: Account;
  thread: UseInfiniteQueryResult<InfiniteData<ThreadPage, unknown>, Error>;
  markRead: (upTo: string) => void;
  post: MessagePost;
  bodyMax: number;
}) {
  const { t } = useTranslation();
  // The read position when the page opened: the marker stays where the unread messages began while the person reads.
  const [unreadFrom, setUnreadFrom] = useState<string | null | undefined>(undefined);
  const pages = thread.data?.pages;
  const messages = pages ? pages.flatMap((p) => p.items).reverse() : [];
  const newest = messages.at(-1)?.id;
  const readUpTo = pages?.[0]?.readUpTo ?? null;

  // Kept from the first answer (state set while rendering, as React advises for values derived once from props).
  if (pages && unreadFrom === undefined) setUnreadFrom(readUpTo);
  useEffect(() => {
    if (newest && (readUpTo === null || newest > readUpTo)) markRead(newest);
  }, [newest, readUpTo, markRead]);

  const firstUnread = messages.find((m) => m.senderId !== account.id && (unreadFrom === null || (unreadFrom !== undefined && m.id > unreadFrom)));
  // The oldest message loaded is unread and earlier pages remain: the unread ones may begin on them. Those pages are
  // read (a few at most) so that the marker stands where the unread messages really begin, not at the page's edge.
  const unreadBeyond = !!thread.hasNextPage && firstUnread !== undefined && firstUnread.id === messages[0]?.id;
  const { fetchNextPage, isFetchingNextPage } = thread;
  const pageCount = pages?.length ?? 0;
  useEffect(() => {
    if (unreadBeyond && !isFetchingNextPage && pageCount < autoPages) void fetchNextPage();
  }, [unreadBeyond, isFetchingNextPage, pageCount, fetchNextPage]);

  if (thread.isPending) return <Pending />;
  if (thread.isError) return <Problem error={thread.error} onRetry={() => void thread.refetch()} />;
  return (
    <section aria-labelledby={id} className="thread">
      <h2 id={id}>{title}</h2>
      {lead}
      {thread.hasNextPage && (
        <>
          {unreadBeyond && !isFetchingNextPage && (
            <p className="unread-marker" role="separator">
              {t("thread.unreadEarlier")}
            </p>
          )}
          <button type="button" onClick={() => void thread.fetchNextPage()} disabled={thread.isFetchingNextPage}>
            {t("thread.earlier")}
          </button>
        </>
      )}
      {messages.length === 0 ? (
        <p>{t("thread.none")}</p>
      ) : (
        <ol className="messages">
          {messages.map((m) => (
            <li key={m.id} className={m.senderId === account.id ? "mine" : "theirs"}>
              {m.id === firstUnread?.id && !unreadBeyond && (
                <p className="unread-marker" role="separator">
                  {t("thread.unreadFrom")}
                </p>
              )}
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
      <Compose id={`${id}-compose`} post={post} bodyMax={bodyMax} />
    </section>
  );
}

function Compose({ id, post, bodyMax }: { id: string; post: MessagePost; bodyMax: number }) {
  const { t } = useTranslation();
  // Kept as a draft: a session that expires while the message is written loses none of it.
  const [body, setBody, clearBody] = useDraft(`message:${id}`, "");
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
    <form onSubmit={send} noValidate className="form panel" aria-labelledby={id}>
      <h3 id={id}>{t("thread.write")}</h3>
      <Field label={t("thread.message")} errors={touched ? errors : []} apiErrors={apiErrorsFor(post.error, "body")}>
        {(p) => <textarea {...p} rows={3} value={body} onChange={(e) => setBody(e.target.value)} />}
      </Field>
      <AttachFiles key={round} onChange={setFiles} />
      <Problem error={post.error} />
      <Submit busy={post.isPending}>{t("thread.send")}</Submit>
    </form>
  );
}
