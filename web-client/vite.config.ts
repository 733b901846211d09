import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

// The API serves the built site from its wwwroot, so one process (and one origin) serves both.
export default defineConfig({
  plugins: [react()],
  build: { outDir: "../api/wwwroot", emptyOutDir: true, sourcemap: false },
  server: { proxy: { "/api": "http://localhost:5080" } },
  test: {
    environment: "jsdom",
    globals: true,
    setupFiles: ["./src/test-setup.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
  },
});
