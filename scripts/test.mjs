// `npm test`: the whole suite — lint, typecheck, unit + integration (vitest), build, end-to-end (Playwright).
// Installs dependencies and a browser when they are missing.
import { ensureDependencies, ensureTestTools, freePort, run } from "./lib.mjs";

process.chdir(new URL("..", import.meta.url).pathname);
const started = Date.now();
ensureDependencies();
ensureTestTools();
run("npx eslint .");
run("npx prettier --check .");
run("npx tsc --noEmit");
run("npx vitest run");
run("npx remix build");
const port = process.env.E2E_PORT ?? String(await freePort());
run("npx playwright test", { env: { ...process.env, E2E_PORT: port } });
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
