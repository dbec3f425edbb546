import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Tests share one Redis (each under its own prefix) and start servers: keep the load bounded.
    maxWorkers: 2,
  },
});
