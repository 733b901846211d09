/** A text with stretches marked, from ranges the API computed (UTF-16 offsets): rendered as text, never as HTML. */
export function Marked({ text, highlights }: { text: string; highlights?: { start: number; length: number }[] | null }) {
  const parts: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const h of [...(highlights ?? [])].sort((a, b) => a.start - b.start)) {
    const start = Math.max(h.start, at);
    const end = Math.min(h.start + h.length, text.length);
    if (end <= start) continue;
    if (start > at) parts.push({ text: text.slice(at, start), marked: false });
    parts.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false });
  return (
    <>
      {parts.map((p, i) => (p.marked ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </>
  );
}

/** An in-app path to return to after signing in or up; anything else (another site, "//host") goes home. */
export function safeNext(next: string | null): string {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}
