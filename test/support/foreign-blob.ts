import { readFileSync, writeFileSync } from "node:fs";

/**
 * Writes a copy of a startup snapshot that reads as if another Node.js version had built it: the
 * blob's header names the node version that made it, and every node refuses a blob from another
 * version with exit code 14 before running anything (what a bot job meets when its image's node
 * moved on). Node 20 also refused a blob when started with other V8 flags; Node 24 no longer does,
 * so the version is the one refusal both have.
 */
export function writeForeignBlob(blob: string, copy: string): void {
  const bytes = Buffer.from(readFileSync(blob));
  const version = Buffer.from(process.versions.node);
  const at = bytes.subarray(0, 64).indexOf(version);
  if (at < 0) throw new Error(`${blob}: no node version ${process.versions.node} in the header`);
  for (let i = at; i < at + version.length; i += 1) if (bytes[i] !== 0x2e) bytes[i] = 0x39; // digits -> 9
  writeFileSync(copy, bytes);
}
