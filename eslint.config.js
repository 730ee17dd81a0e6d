import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

export default tseslint.config(
  {
    ignores: [
      "node_modules",
      "build",
      "public/build",
      "data",
      "drizzle",
      "test-results",
      "playwright-report",
      ".builds",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["~/routes/*", "../routes/*", "./routes/*"],
              message: "Routes must not import other routes.",
            },
          ],
        },
      ],
    },
  },
  {
    // Tests call route loaders and actions directly.
    files: ["**/*.test.ts", "**/*.test.tsx", "test/**", "e2e/**"],
    rules: { "no-restricted-imports": "off" },
  },
);
