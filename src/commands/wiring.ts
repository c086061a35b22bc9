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

export const defaultWiring: Wiring = { connect };
