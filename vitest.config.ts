import { defineConfig } from "vitest/config";

// End-to-end files share one build of the sample per run (test/helpers/sampleSite.ts), keyed by this id.
process.env.TEST_RUN_ID ??= String(Date.now());

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 1_200_000,
    pool: "forks",
    // two cores: one worker each; most of a browser or CLI test is waiting on another process
    maxWorkers: 2,
    globalSetup: ["test/helpers/globalSetup.ts"],
    env: { TZ: "Asia/Shanghai", OBSERVABLE_TELEMETRY_DISABLE: "true", TEST_RUN_ID: process.env.TEST_RUN_ID },
    reporters: ["default", "json"],
    outputFile: { json: "data/test-results.json" },
  },
});
