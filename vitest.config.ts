import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 600_000,
    pool: "forks",
    env: { TZ: "Asia/Shanghai", OBSERVABLE_TELEMETRY_DISABLE: "true" },
    reporters: ["default", "json"],
    outputFile: { json: "data/test-results.json" },
  },
});
