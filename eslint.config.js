import js from "@eslint/js";
import importX from "eslint-plugin-import-x";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const testFiles = [
  "**/*.test.ts",
  "**/*.test.tsx",
  "**/*.testing.ts",
  "test/**",
  "e2e/**",
  "vitest.config.ts",
  "playwright.config.ts",
];

/** Imports no module may make (each block below adds its own; ESLint keeps one list per file). */
const routeImports = {
  group: ["~/routes/*", "../routes/*", "./routes/*"],
  message: "Routes must not import other routes.",
};
const testImports = {
  group: ["**/test/**", "**/e2e/**", "**/*.test", "**/*.testing", "vitest", "@playwright/test"],
  message: "Source files must not import tests, test helpers or test runners.",
};
const relativeOutOfFolder = {
  group: ["../**/app/*", "../**/db/*", "../**/emails/*"],
  message: "Use the path aliases across top-level folders: ~/ (app), ~db/ (db), ~emails/ (emails).",
};
/**
 * Browser code is every app module that is not `.server`: the Remix compiler puts it into client chunks.
 * Table definitions pull drizzle's sqlite-core (~25 KB) and the schema into the browser; enums and
 * constants live in db/schema/*.constants.ts, which import nothing.
 */
const serverOnlyInBrowser = {
  group: [
    "drizzle-orm",
    "drizzle-orm/*",
    "better-sqlite3",
    "node:*",
    "@aws-sdk/*",
    "nodemailer",
    "pdf-lib",
    "~emails/*",
  ],
  message:
    "Server-only in browser code: import enums from ~db/schema/*.constants, or move this into a .server module.",
};
const tablesInBrowser = {
  regex: "^~db/schema(/(?!.*\\.constants$).*)?$",
  message: "Table definitions in browser code: import enums from ~db/schema/*.constants instead.",
};

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
    plugins: { "react-hooks": reactHooks, "import-x": importX },
    settings: { "import-x/internal-regex": "^~(db|emails)?/" },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": [
        "error",
        { prefer: "type-imports", fixStyle: "inline-type-imports", disallowTypeAnnotations: true },
      ],
      "import-x/no-duplicates": ["error", { "prefer-inline": true }],
      "import-x/order": [
        "error",
        {
          groups: ["builtin", "external", "internal", "parent", "sibling", "index"],
          alphabetize: { order: "asc", caseInsensitive: true },
        },
      ],
      "no-restricted-imports": ["error", { patterns: [routeImports, testImports, relativeOutOfFolder] }],
    },
  },
  {
    files: ["app/**/*.ts", "app/**/*.tsx"],
    ignores: ["app/**/*.server.ts", "app/**/*.server.tsx", "app/**/*.cli.ts", "app/**/*.d.ts", ...testFiles],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [routeImports, testImports, relativeOutOfFolder, serverOnlyInBrowser, tablesInBrowser] },
      ],
    },
  },
  {
    // Components render in the browser, where a .server module is empty: they take what they show as
    // props and may import .server modules only for types (erased from the bundle).
    files: ["app/ui/**/*.tsx", "app/*/ui/**/*.tsx"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/*.server", "~/*/*.server"],
              allowTypeImports: true,
              message: "Components may import .server modules only with `import type`.",
            },
          ],
        },
      ],
    },
  },
  {
    // Tests call route loaders and actions directly and import their helpers.
    files: testFiles,
    rules: { "no-restricted-imports": ["error", { patterns: [relativeOutOfFolder] }] },
  },
  {
    // A focused test (it.only, describe.only, test.only) silently skips the rest of the suite.
    files: testFiles,
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "CallExpression[callee.type='MemberExpression'][callee.property.name='only'][callee.object.name=/^(it|test|describe)$/]",
          message: "Focused test: remove .only before committing.",
        },
        {
          selector:
            "CallExpression[callee.type='MemberExpression'][callee.property.name='only'][callee.object.type='MemberExpression'][callee.object.object.name=/^(test|describe)$/]",
          message: "Focused test: remove .only before committing.",
        },
      ],
    },
  },
);
