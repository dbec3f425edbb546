import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // The bot's tests, and the workspace packages' own tests (the emulator's).
    include: ["test/**/*.test.ts", "packages/*/test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 20_000,
    // Tests share one Redis (each under its own prefix) and start servers: keep the load bounded.
    maxWorkers: 2,
  },
});
