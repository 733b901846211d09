import { useEffect } from "react";
import { useLocation, useNavigationType } from "react-router";

/**
 * A page opened by a link or after a form starts at its top, as a page of a classic site does: the router changes the
 * page without a load, so the window kept the scroll position of the page before (a new job opened at its bottom, below
 * 募集を取り消す, after the long post-job form). Back and forward (POP) are left to the browser, which restores where
 * the reader was.
 */
export function PageTop() {
  const { pathname } = useLocation();
  const navigation = useNavigationType();
  useEffect(() => {
    if (navigation !== "POP") window.scrollTo(0, 0);
  }, [pathname, navigation]);
  return null;
}
