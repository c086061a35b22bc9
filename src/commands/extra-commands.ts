import { UsageError } from "../errors.js";
import type { RunSummary } from "../run/summary.js";
import type { GlobalOptions, Io } from "./run-command.js";

/** serve, setup and demo: loaded only when asked for, so `handle` starts fast. */
export async function runExtraCommand(
  name: string,
  _options: GlobalOptions,
  _env: NodeJS.ProcessEnv,
  _secrets: string[],
  _io: Io,
): Promise<RunSummary | undefined> {
  throw new UsageError(`${name}: not yet available in this build`);
}
