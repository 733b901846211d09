import { Link } from "react-router";

/**
 * A page whose thing the reader may not see or that is not there (the API answers 404 for both and says not which):
 * what it was, why it may be so, and a way on, instead of a bare "not found" with nowhere to go. The job page (app/JobPage)
 * writes the same inline: it is in the first load, which this would grow past main's size for no reader's gain.
 */
export function Gone({ title, text, to, link }: { title: string; text: string; to: string; link: string }) {
  return (
    <section>
      <h1>{title}</h1>
      <p>{text}</p>
      <p>
        <Link to={to}>{link}</Link>
      </p>
    </section>
  );
}
