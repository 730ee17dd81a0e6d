import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // The same aliases as tsconfig.json: ~/ is app/, ~db/ is db/, ~emails/ is emails/.
    alias: [
      { find: /^~db\//, replacement: `${path.resolve(__dirname, "db")}/` },
      { find: /^~emails\//, replacement: `${path.resolve(__dirname, "emails")}/` },
      { find: /^~\//, replacement: `${path.resolve(__dirname, "app")}/` },
    ],
  },
  test: {
    include: [
      "app/**/*.test.{ts,tsx}",
      "test/**/*.test.{ts,tsx}",
      "emails/**/*.test.{ts,tsx}",
      "db/**/*.test.ts",
    ],
    globalSetup: ["test/global-setup.ts"],
    setupFiles: ["test/setup.ts"],
    pool: "forks",
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
