/** Links a person delivered (a shared folder, a proof page): each opens in a new tab, never with this site as referrer. */
export function LinkList({ links }: { links: string[] }) {
  if (links.length === 0) return null;
  return (
    <ul className="links" data-user-content>
      {links.map((link) => (
        <li key={link}>
          <a href={link} target="_blank" rel="noreferrer noopener">
            {link}
          </a>
        </li>
      ))}
    </ul>
  );
}
