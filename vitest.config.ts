import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Temporary folders: one per test file inside one per run, all removed (test/support/temp-*.ts).
    globalSetup: ["test/support/temp-suite.ts"],
    setupFiles: ["test/support/temp-file.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    reporters: process.env.CI ? ["default", "junit"] : ["default"],
    outputFile: { junit: "junit.xml" },
  },
});
