// REMIX_OUT builds into another folder (e.g. several engineers building and running e2e at once);
// server.mjs reads the same variable.
const out = process.env.REMIX_OUT;

/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ...(out
    ? {
        serverBuildPath: `${out}/server/index.js`,
        assetsBuildDirectory: `${out}/public/build`,
        cacheDirectory: `${out}/.cache`,
      }
    : {}),
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}", "**/*.server.test.{ts,tsx}"],
  serverModuleFormat: "esm",
  tailwind: true,
  postcss: true,
  // npm packages stay external in the server build (runtime packages belong in dependencies).
  serverDependenciesToBundle: [],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
};
