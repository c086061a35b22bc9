import { UsageError } from "../errors.js";
import type { RunSummary } from "../run/summary.js";
import type { GlobalOptions, Io } from "./run-command.js";

/** serve, setup, demo and init: loaded only when asked for, so `handle` starts fast. */
export async function runExtraCommand(
  name: string,
  options: GlobalOptions,
  env: NodeJS.ProcessEnv,
  secrets: string[],
  io: Io,
): Promise<RunSummary | undefined> {
  switch (name) {
    case "setup": {
      const { setupCommand } = await import("./setup.js");
      return setupCommand(options, env, secrets, io);
    }
    case "serve": {
      const { serveCommand } = await import("./serve.js");
      return serveCommand(options, env, secrets, io);
    }
    case "demo": {
      const { demoCommand } = await import("./demo.js");
      return demoCommand(options, io);
    }
    case "init": {
      const { initCommand } = await import("./init.js");
      return initCommand(options.dir ?? ".", env, io);
    }
    default:
      throw new UsageError(`unknown command ${name}`);
  }
}
