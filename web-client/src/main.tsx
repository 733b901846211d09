import { StrictMode, startTransition } from "react";
import { createRoot } from "react-dom/client";
import { languageReady } from "./i18n";
import "./styles.css";
import { App } from "./app/App";
import { startLanding } from "./app/landing";
import { createQueryClient } from "./app/queryClient";

const client = createQueryClient();
startLanding(client, window.location);

// Once the reader's words are there (at once in Japanese), the first render as a transition: React renders it in slices
// of a few milliseconds and lets the browser breathe in between, instead of one long task that keeps a slow phone from
// answering a tap (Lighthouse's Total Blocking Time). Not a top-level await: that makes the bundler split the entry's
// modules into many small files, each one more request on the first load.
void languageReady.then(() =>
  startTransition(() => {
    createRoot(document.getElementById("root")!).render(
      <StrictMode>
        <App client={client} />
      </StrictMode>,
    );
  }),
);
