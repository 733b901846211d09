import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

// The API serves the built site from its wwwroot, so one process (and one origin) serves both.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "../api/wwwroot",
    emptyOutDir: true,
    sourcemap: false,
    // .vite/manifest.json: which files each module of the app became. The API reads it to name the job page's code in
    // the page it sends for /jobs/{id} (api/Jobs/ShowJobPage.cs), so that a shared job link loads that code at once.
    manifest: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // The libraries every page runs on, in one file: one request on a first visit, and a file that stays cached
            // (its name is its hash) across releases that change only the app's own code. Pages are chunks of their own
            // (React.lazy in app/App.tsx); libraries only some pages use (qrcode) stay with those pages.
            {
              name: "framework",
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack|i18next|react-i18next|openapi-fetch|use-sync-external-store)[\\/]/,
            },
          ],
        },
      },
    },
  },
  server: { proxy: { "/api": "http://localhost:5080" } },
  test: {
    environment: "jsdom",
    globals: true,
    setupFiles: ["./src/test-setup.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
    // Form tests type into jsdom keystroke by keystroke; on a 2-core CI machine under load one takes
    // several seconds, so the default 5 s limit failed good code now and then.
    testTimeout: 30_000,
  },
});
