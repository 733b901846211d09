// Lint: typescript-eslint's recommended rules, the Rules of React (react-hooks), and the import boundaries of
// bulletproof-react (apps/react-vite/.eslintrc.cjs): a feature never imports another feature, shared code
// (api, ui, i18n) never imports a feature or the app, and only the app composes features.
import { readdirSync } from "node:fs";
import js from "@eslint/js";
import { createNodeResolver, importX } from "eslint-plugin-import-x";
import reactHooks from "eslint-plugin-react-hooks";
import { defineConfig, globalIgnores } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";

// Every folder under src/features is a feature; a new one is fenced in without editing this file.
const features = readdirSync(new URL("./src/features/", import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const boundaries = [
  ...features.map((feature) => ({
    target: `./src/features/${feature}`,
    from: "./src/features",
    except: [`./${feature}`],
    message: "A feature never imports another feature: compose them in src/app, or move the shared part to src/ui or src/api.",
  })),
  {
    target: "./src/features",
    from: "./src/app",
    message: "Features sit below the app: the app imports features, never the other way round.",
  },
  {
    target: ["./src/api", "./src/ui", "./src/i18n"],
    from: ["./src/features", "./src/app"],
    message: "Shared code (api, ui, i18n) sits below the features and the app and never imports them.",
  },
];

export default defineConfig([
  globalIgnores(["dist/", "node_modules/", "src/api/schema.d.ts"]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ["src/**/*.{ts,tsx}"],
    languageOptions: { globals: globals.browser },
    extends: [reactHooks.configs.flat.recommended],
    plugins: { "import-x": importX },
    settings: {
      "import-x/resolver-next": [createNodeResolver({ extensions: [".ts", ".tsx", ".js", ".json"] })],
    },
    rules: {
      "import-x/no-restricted-paths": ["error", { zones: boundaries }],
    },
  },
  {
    files: ["*.{js,ts}", "scripts/**/*.mjs"],
    languageOptions: { globals: globals.node },
  },
]);
