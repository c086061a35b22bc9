import { readFileSync } from "node:fs";
import { join } from "node:path";
import { embeddedAssets, PACKAGE_ROOT } from "../assets.js";

/**
 * career-bot's version, from package.json, the one place it lives: read from the checkout (or the
 * installed package), or, in the single-file bundle, copied out of package.json when it was built
 * (scripts/bundle.mjs).
 */
export function version(): string {
  const embedded = embeddedAssets()?.version;
  if (embedded !== undefined) return embedded;
  const manifest = JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as {
    version?: unknown;
  };
  return String(manifest.version);
}
