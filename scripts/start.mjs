// `npm start`: install what is missing, build, and run the app with embedded defaults
// (SQLite under ./data, embedded S3, email outbox + dev mailbox, seeded demo organisation).
import { ensureDependencies, run } from "./lib.mjs";

process.chdir(new URL("..", import.meta.url).pathname);
ensureDependencies();
run("npx remix build");
const env = { ...process.env, NODE_ENV: process.env.NODE_ENV ?? "production" };
run("node --enable-source-maps server.mjs", { env });
