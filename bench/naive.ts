import { defaultConfig } from "../src/config/schema.js";
import { Renderer } from "../src/engine/render.js";
import { GitbeakerGitLab } from "../src/gitlab/gitbeaker.js";
import type { Issue } from "../src/gitlab/port.js";
import type { RunContext } from "../src/run/context.js";
import { processIssue } from "../src/run/process-issue.js";
import { workflowFor } from "../src/workflows/index.js";
import { PROJECT } from "./seed.js";

/**
 * The sweep a bot without due dates would need: list every open issue, then read each one's notes and
 * decide, through the same gitbeaker adapter and engine. Issues are worked `parallel` at a time so
 * the benchmark finishes; its request counts do not depend on that.
 */
export async function naiveSweep(options: { url: string; token: string; now: Date; parallel: number }) {
  // gitbeaker's default client-side limit (3000 requests a minute) would only slow this down.
  const port = new GitbeakerGitLab({ host: options.url, token: options.token, rateLimits: {} });
  const ctx: RunContext = {
    port,
    config: { ...defaultConfig(), people_ops: ["carol"] },
    renderer: new Renderer(),
    bot: await port.currentUser(),
    now: options.now,
    dryRun: false,
    budget: { limit: Number.MAX_SAFE_INTEGER, used: 0 },
    reporter: { info: () => {} },
    userCache: new Map(),
  };
  const issues = (await port.listIssues(PROJECT, { state: "opened" })).filter((i) => workflowFor(i.labels));
  let writes = 0;
  const queue: Issue[] = [...issues];
  const worker = async () => {
    for (let issue = queue.shift(); issue; issue = queue.shift()) {
      const outcome = await processIssue(ctx, issue.projectId, issue, { verifyUsers: false });
      writes += outcome.writes.length;
    }
  };
  await Promise.all(Array.from({ length: options.parallel }, worker));
  return { issues: issues.length, writes };
}
