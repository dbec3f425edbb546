// Lint: ESLint's and typescript-eslint's recommended rules, without type information (fast enough for every CI run).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** grammY's Composer is replaced by src/bot/composer.ts, which runs the same middleware without its per-update cost. */
const composerPath = { name: "grammy", importNames: ["Composer"], message: "Import Composer from src/bot/composer.ts." };

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "test/artifacts/", "tools/preview/web/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: "module" },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "max-len": ["error", { code: 140, ignoreUrls: true, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true }],
      // A file past 500 lines holds more than one concern: split it.
      "max-lines": ["error", { max: 500 }],
    },
  },
  {
    files: ["src/**/*.ts"],
    ignores: ["src/bot/composer.ts"],
    rules: { "no-restricted-imports": ["error", { paths: [composerPath] }] },
  },
  {
    // A feature uses the shared layers (src/ui, src/bot, src/store, src/event, src/delivery), never another feature:
    // behaviour one feature lends another is registered at wiring time (src/bot/index.ts, src/app/start.ts).
    files: ["src/features/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [composerPath],
          patterns: [
            {
              regex: "^\\.\\./(?!\\.\\./)",
              message: "A feature imports no other feature: move the shared part to src/ui, or register it at wiring time.",
            },
            {
              regex: "(^|/)features/",
              message: "A feature imports no other feature: move the shared part to src/ui, or register it at wiring time.",
            },
          ],
        },
      ],
    },
  },
  {
    // The shared layers know no feature: features register their jobs, erasers and screens with them.
    files: ["src/delivery/**/*.ts", "src/ui/**/*.ts", "src/store/**/*.ts", "src/event/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [composerPath],
          patterns: [{ regex: "(^|/)features/", message: "Shared code imports no feature: let the feature register with it." }],
        },
      ],
    },
  },
);
