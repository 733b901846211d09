import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";
import { loadLanguage } from "./i18n";

// Components are tested in both languages: English is loaded on demand in the app, up front here.
await loadLanguage("en");

afterEach(() => {
  cleanup();
  // Forms keep drafts in sessionStorage (ui/drafts.ts): each test starts without any.
  sessionStorage.clear();
});
