import { Fragment } from "react";

// The characters a URL is written with (RFC 3986, plus "%"): a URL ends at the first space or the first character
// outside ASCII, so Japanese written right after it (「…を見てください」) and full-width punctuation (。、）」) stay text.
const url = /https?:\/\/[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+/gi;

// Sentence punctuation that closes a sentence after a URL rather than belonging to it.
const trailing = /[.,;:!?'"*]$/;

/** A URL as written, without the punctuation that follows it in a sentence; a ")" or "]" stays when the URL opened one. */
function trimmed(found: string) {
  let end = found;
  for (;;) {
    const last = end.at(-1);
    const unbalanced = (open: string, close: string) => last === close && end.split(open).length < end.split(close).length;
    if (last !== undefined && (trailing.test(last) || unbalanced("(", ")") || unbalanced("[", "]"))) end = end.slice(0, -1);
    else return end;
  }
}

// Not URL.canParse: Safari has it only since 17, and phones keep older ones.
function parses(link: string) {
  try {
    return new URL(link).hostname !== "";
  } catch {
    return false;
  }
}

/** A message's text cut into text and http(s) links, in order; the pieces joined are the text unchanged. */
export function linkParts(text: string): { text: string; href?: string }[] {
  const parts: { text: string; href?: string }[] = [];
  let at = 0;
  for (const match of text.matchAll(url)) {
    const link = trimmed(match[0]);
    // "https://" alone, or a host the URL parser refuses, stays text.
    if (!parses(link)) continue;
    if (match.index > at) parts.push({ text: text.slice(at, match.index) });
    parts.push({ text: link, href: link });
    at = match.index + link.length;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}

/**
 * Text someone wrote, with its http:// and https:// URLs as links that open in a new tab. Built as React elements, never
 * as HTML: the rest is text exactly as written (its line breaks kept by the surrounding element's white-space). The
 * links are the writer's, not the site's: no referrer, no access to this page, no ranking given (nofollow ugc).
 */
export function Linked({ text }: { text: string }) {
  return (
    <>
      {linkParts(text).map((p, i) =>
        p.href ? (
          <a key={i} href={p.href} target="_blank" rel="noopener noreferrer nofollow ugc">
            {p.text}
          </a>
        ) : (
          <Fragment key={i}>{p.text}</Fragment>
        ),
      )}
    </>
  );
}
