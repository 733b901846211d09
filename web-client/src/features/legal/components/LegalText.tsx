import type { ReactNode } from "react";

/**
 * The operator's Markdown, as far as legal texts use it: headings (#, ##, ###), paragraphs, numbered and bulleted lists
 * and quoted notes. Rendered as React elements from text, never as HTML, so a text can show nothing but text. It is
 * the operator's own writing, in whatever words it chooses: marked as such for the site's language checks.
 */
export function LegalText({ markdown, lang }: { markdown: string; lang: string }) {
  const blocks: ReactNode[] = [];
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const heading = /^(#{1,3})\s+(.*)$/.exec(line);
    if (!line.trim()) {
      i++;
    } else if (heading) {
      // The page's own title is the h1: the document's headings sit below it.
      const level = heading[1]!.length;
      const text = heading[2];
      blocks.push(level === 1 ? <h2 key={i}>{text}</h2> : level === 2 ? <h3 key={i}>{text}</h3> : <h4 key={i}>{text}</h4>);
      i++;
    } else if (/^\s*(\d+\.|[-*])\s+/.test(line)) {
      const ordered = /^\s*\d+\./.test(line);
      const items: string[] = [];
      while (i < lines.length && /^\s*(\d+\.|[-*])\s+/.test(lines[i]!)) items.push(lines[i++]!.replace(/^\s*(\d+\.|[-*])\s+/, ""));
      const children = items.map((item, n) => <li key={n}>{item}</li>);
      blocks.push(ordered ? <ol key={i}>{children}</ol> : <ul key={i}>{children}</ul>);
    } else if (line.startsWith(">")) {
      const quoted: string[] = [];
      while (i < lines.length && lines[i]!.startsWith(">")) quoted.push(lines[i++]!.replace(/^>\s?/, ""));
      blocks.push(
        <blockquote key={i} className="notice">
          {quoted.join(" ")}
        </blockquote>,
      );
    } else {
      const paragraph: string[] = [];
      while (i < lines.length && lines[i]!.trim() && !/^(#{1,3}\s|>|\s*(\d+\.|[-*])\s+)/.test(lines[i]!)) paragraph.push(lines[i++]!);
      blocks.push(<p key={i}>{paragraph.join(" ")}</p>);
    }
  }
  return (
    <div className="legal-text" lang={lang} data-user-content>
      {blocks}
    </div>
  );
}
