import "../i18n/threadWords";
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";
import type { InfiniteData, UseInfiniteQueryResult } from "@tanstack/react-query";
import type { Account, StoredFile } from "../api/client";
import { AttachFiles, type KeptFile } from "./AttachFiles";
import { Field } from "./Field";
import { FileList } from "./FileList";
import { Linked } from "./Linked";
import { dateTime } from "./format";
import { Pending } from "./Pending";
import { Problem } from "./Problem";
import { Submit } from "./Submit";
import { apiErrorsFor } from "./validation";
import { useDraft } from "./drafts";
import { messagesAnchor } from "./messagesAnchor";

/** How many pages a thread reads by itself to reach where the unread messages begin (30 messages each). */
const autoPages = 4;

/** How long the reader stays on the messages shown before the read position moves to them (one request, not one each). */
export const readDelayMs = 1000;

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
 * read position moved to the newest message that has been on screen, and a form to write (kept as a draft).
 *
 * On a phone the page around the thread is several screens tall. Opened for its messages (`#messages`, as a
 * notification's link opens it), the thread brings its first unread message — the newest when none is unread — into
 * view and gives it focus, once per opening: a refresh every 30 s never moves the reader. While unread messages are out
 * of view, a button at the bottom of the screen goes to the first of them; messages that arrive while the page is open
 * are announced to screen readers.
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
  const location = useLocation();
  // The read position when the page opened: the marker stays where the unread messages began while the person reads.
  const [unreadFrom, setUnreadFrom] = useState<string | null | undefined>(undefined);
  const pages = thread.data?.pages;
  const messages = pages ? pages.flatMap((p) => p.items).reverse() : [];
  const newest = messages.at(-1)?.id;
  const readUpTo = pages?.[0]?.readUpTo ?? null;

  // The newest message when the page opened: those of others after it arrived while the person was here.
  const [newestAtOpen, setNewestAtOpen] = useState<string | null | undefined>(undefined);

  // Kept from the first answer (state set while rendering, as React advises for values derived once from props).
  if (pages && unreadFrom === undefined) setUnreadFrom(readUpTo);
  if (pages && newestAtOpen === undefined) setNewestAtOpen(newest ?? null);

  const unread = messages.filter((m) => m.senderId !== account.id && (unreadFrom === null || (unreadFrom !== undefined && m.id > unreadFrom)));
  const firstUnread = unread[0];
  const arrived = newestAtOpen === undefined ? 0 : messages.filter((m) => m.senderId !== account.id && (newestAtOpen === null || m.id > newestAtOpen)).length;
  // The oldest message loaded is unread and earlier pages remain: the unread ones may begin on them. Those pages are
  // read (a few at most) so that the marker stands where the unread messages really begin, not at the page's edge.
  const unreadBeyond = !!thread.hasNextPage && firstUnread !== undefined && firstUnread.id === messages[0]?.id;
  const { fetchNextPage, isFetchingNextPage } = thread;
  const pageCount = pages?.length ?? 0;
  useEffect(() => {
    if (unreadBeyond && !isFetchingNextPage && pageCount < autoPages) void fetchNextPage();
  }, [unreadBeyond, isFetchingNextPage, pageCount, fetchNextPage]);

  // Each message's element, to bring one into view.
  const elements = useRef(new Map<string, HTMLLIElement>());
  const heading = useRef<HTMLHeadingElement>(null);

  // Opened for its messages: once the pages that reach the first unread message are read, bring it into view. Once per
  // navigation (the location's key), so that neither a refresh nor a new message moves the reader afterwards.
  const settled = !!pages && !isFetchingNextPage && !(unreadBeyond && pageCount < autoPages);
  const wanted = location.hash === `#${messagesAnchor}`;
  const jumpedFor = useRef<string | null>(null);
  const jumpTo = (firstUnread ?? messages.at(-1))?.id;
  useEffect(() => {
    if (!wanted || !settled || jumpedFor.current === location.key) return;
    jumpedFor.current = location.key;
    const target = (jumpTo && elements.current.get(jumpTo)) || heading.current;
    if (target) bringIntoView(target);
  }, [wanted, settled, location.key, jumpTo]);

  // The messages the reader has had on screen: the unread ones not among them are what the "go to the unread" button
  // leads to, and the read position moves only as far as the newest of them. Watched: the unread ones and any newer
  // than the read position (own ones included: the position may pass them, the server never counts them unread).
  const [seen, setSeen] = useState<ReadonlySet<string>>(() => new Set());
  const unseen = unread.filter((m) => !seen.has(m.id));
  const watchedIds = messages
    .filter((m) => !seen.has(m.id) && (readUpTo === null || m.id > readUpTo || unread.includes(m)))
    .map((m) => m.id)
    .join(" ");
  const watching = typeof IntersectionObserver !== "undefined";
  useEffect(() => {
    // Without IntersectionObserver (an old browser) nothing tells what is on screen: no button rather than a wrong one.
    if (!watchedIds || !watching) return;
    const observer = new IntersectionObserver((entries) => {
      const shown = entries.filter((e) => e.isIntersecting).map((e) => (e.target as HTMLElement).dataset.messageId ?? "");
      if (shown.length) setSeen((s) => new Set([...s, ...shown]));
    });
    for (const id of watchedIds.split(" ")) {
      const element = elements.current.get(id);
      if (element) observer.observe(element);
    }
    return () => observer.disconnect();
  }, [watchedIds, watching]);

  // A trial: opening a thread marked every message read, the 20 below the screen and those a refresh brought while the
  // reader was elsewhere too. The read position moves to the newest message that has been on screen, once the reader
  // has been still for a moment (one request for a screenful, not one per message), and at once when the page is left.
  // Without IntersectionObserver nothing tells what was seen: the newest shown counts as read, as before.
  const readTo = watching ? [...seen].reduce<string | undefined>((a, b) => (a === undefined || b > a ? b : a), undefined) : newest;
  const marked = useRef<string | null>(null);
  const pending = useRef<string | null>(null);
  const send = useRef(markRead);
  useEffect(() => {
    send.current = markRead;
  });
  useEffect(() => {
    const ahead = (upTo: string | null | undefined): upTo is string =>
      !!upTo && (readUpTo === null || upTo > readUpTo) && (marked.current === null || upTo > marked.current);
    // What an earlier run left waiting is this run's to send or to drop (the server's position may have passed it).
    pending.current = null;
    if (!ahead(readTo)) return;
    const mark = () => {
      pending.current = null;
      marked.current = readTo;
      send.current(readTo);
    };
    if (!watching) {
      mark();
      return;
    }
    pending.current = readTo;
    const timer = setTimeout(mark, readDelayMs);
    return () => clearTimeout(timer);
  }, [readTo, readUpTo, watching]);
  useEffect(
    () => () => {
      const upTo = pending.current;
      if (upTo && (marked.current === null || upTo > marked.current)) send.current(upTo);
    },
    [],
  );

  if (thread.isPending) return <Pending />;
  if (thread.isError) return <Problem error={thread.error} onRetry={() => void thread.refetch()} />;
  return (
    <section aria-labelledby={id} className="thread" id={messagesAnchor}>
      <h2 id={id} ref={heading} tabIndex={-1}>
        {title}
      </h2>
      {lead}
      {watching && unseen.length > 0 && (
        <button type="button" className="primary jump-unread" onClick={() => bringIntoView(elements.current.get(unseen[0]!.id))}>
          {t("thread.jumpToUnread", { count: unseen.length })}
        </button>
      )}
      <p role="status" className="visually-hidden">
        {arrived > 0 ? t("thread.arrived", { count: arrived }) : ""}
      </p>
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
            <li
              key={m.id}
              className={m.senderId === account.id ? "mine" : "theirs"}
              data-message-id={m.id}
              tabIndex={-1}
              ref={(element) => {
                if (element) elements.current.set(m.id, element);
                else elements.current.delete(m.id);
              }}
            >
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
                  <Linked text={m.body} />
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

/**
 * Scrolls a message (or the thread's heading) to the top of the screen and moves focus to it, so that a screen reader
 * reads it and the keyboard goes on from there. Content above the thread may still be loading (the contract, the
 * tasks) and grow after the jump; browsers without scroll anchoring (Safari) would then push the message down out of
 * view, so for a few seconds, until the reader scrolls, taps or types, it is brought back.
 */
function bringIntoView(element: HTMLElement | undefined) {
  if (!element) return;
  element.scrollIntoView?.({ block: "start" });
  element.focus({ preventScroll: true });
  if (typeof ResizeObserver === "undefined") return;
  const at = element.getBoundingClientRect().top;
  const observer = new ResizeObserver(() => {
    if (element.isConnected && Math.abs(element.getBoundingClientRect().top - at) > 1) element.scrollIntoView?.({ block: "start" });
  });
  const reader = ["wheel", "touchstart", "keydown", "pointerdown"] as const;
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
    for (const kind of reader) window.removeEventListener(kind, stop);
  };
  const timer = setTimeout(stop, 5000);
  for (const kind of reader) window.addEventListener(kind, stop, { passive: true });
  observer.observe(document.body);
}

function Compose({ id, post, bodyMax }: { id: string; post: MessagePost; bodyMax: number }) {
  const { t } = useTranslation();
  // Kept as a draft: a session that expires while the message is written loses none of it.
  const [body, setBody, clearBody] = useDraft(`message:${id}`, "");
  // The files with it too: they are uploaded as soon as they are picked and referenced by id, so a reload (or a sign-in
  // again) gives them back; one still uploading is named, to be chosen again (AttachFiles).
  const [kept, keep, forgetFiles] = useDraft<KeptFile[]>(`message:${id}:files`, []);
  const [files, setFiles] = useState<StoredFile[]>(() => kept.flatMap((k) => (k.stored ? [k.stored] : [])));
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
      { onSuccess: () => (clearBody(), forgetFiles(), setFiles([]), setRound((r) => r + 1), setTouched(false)) },
    );
  }
  return (
    <form onSubmit={send} noValidate className="form panel" aria-labelledby={id}>
      <h3 id={id}>{t("thread.write")}</h3>
      <Field label={t("thread.message")} errors={touched ? errors : []} apiErrors={apiErrorsFor(post.error, "body")}>
        {(p) => <textarea {...p} rows={3} value={body} onChange={(e) => setBody(e.target.value)} />}
      </Field>
      <AttachFiles key={round} onChange={setFiles} kept={kept} onKeep={keep} />
      <Problem error={post.error} />
      <Submit busy={post.isPending}>{t("thread.send")}</Submit>
    </form>
  );
}
