import { readFileSync } from "node:fs";
import { UsageError } from "../errors.js";

/** GitLab's webhook bodies are capped at 25 MB; a career event is a few kilobytes. */
const MAX_PAYLOAD_BYTES = 25 * 1024 * 1024;

/**
 * The event text: `--payload FILE`, `--payload -` (stdin), or `$TRIGGER_PAYLOAD`, which GitLab CI
 * passes as a file-type variable (a path); JSON in the variable itself is accepted too.
 */
export async function readPayload(option: string | undefined, env: NodeJS.ProcessEnv): Promise<string> {
  if (option === "-") return readStdin();
  if (option !== undefined) return readLimited(option);
  const variable = env.TRIGGER_PAYLOAD;
  if (!variable)
    throw new UsageError("no event: pass --payload FILE (or - for stdin), or set TRIGGER_PAYLOAD");
  return variable.trimStart().startsWith("{") ? variable : readLimited(variable);
}

async function readLimited(path: string): Promise<string> {
  try {
    // Sync, as the config file (src/config/load.ts): one small file, read before any other work.
    const text = readFileSync(path, "utf8");
    if (text.length > MAX_PAYLOAD_BYTES)
      throw new UsageError(`${path} is larger than 25 MB; not a GitLab event`);
    return text;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(
      `cannot read the event file ${path}: ${(error as NodeJS.ErrnoException).code ?? "error"}`,
    );
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > MAX_PAYLOAD_BYTES) throw new UsageError("the event on stdin is larger than 25 MB");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}
