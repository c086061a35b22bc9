import type { GitLabPort } from "../gitlab/port.js";
import type { RunClock } from "../run/trigger-mode.js";
import { connect } from "./connect.js";
import type { Settings } from "./settings.js";

/**
 * What the commands connect to: the real GitLab adapter (connect.ts), unless the caller gives another
 * port. The snapshot's warm-up runs the whole CLI through `main` on an in-memory GitLab this way
 * (scripts/snapshot/entry.ts).
 */
export interface Wiring {
  connect: (settings: Settings, env: NodeJS.ProcessEnv) => GitLabPort;
  /** The pacer's clocks in trigger mode (default: the real ones); tests give ones that never wait. */
  clock?: RunClock;
}

/** The real clocks: monotonic milliseconds, a timer and the wall clock. */
export const systemClock: RunClock = {
  // process.hrtime, not performance.now(): the global `performance` loads perf_hooks on first use.
  now: () => Number(process.hrtime.bigint()) / 1e6,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  wallMs: () => Date.now(),
};

export const defaultWiring: Wiring = { connect, clock: systemClock };
