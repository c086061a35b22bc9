import type { CommandRunner } from "./command.js";
import type { CommandName } from "./definitions.js";

/**
 * Each command's runner, loaded only when that command runs (so `handle` loads nothing of serve,
 * setup or the demo). Keyed by every name of definitions.ts: a command without a runner is a type
 * error. The runners import from the command layer's leaves (options, settings, context, ...), never
 * from this file or run-command.ts, so the layer has no import cycle (test/cli/import-cycles.test.ts).
 */
export const RUNNERS: Record<CommandName, () => Promise<CommandRunner>> = {
  handle: async () => (await import("./handle-command.js")).runHandle,
  sweep: async () => (await import("./sweep-command.js")).runSweep,
  serve: async () => (await import("./serve.js")).runServe,
  setup: async () => (await import("./setup.js")).runSetupCommand,
  validate: async () => (await import("./validate-command.js")).runValidate,
  demo: async () => (await import("./demo.js")).runDemo,
  init: async () => (await import("./init.js")).runInit,
  report: async () => (await import("./report-command.js")).runReport,
  ladder: async () => (await import("./ladder-command.js")).runLadder,
  schema: async () => (await import("./schema-command.js")).runSchema,
};
