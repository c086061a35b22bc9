import { packageVersion } from "../assets.js";

/**
 * career-bot's version, from package.json, the one place it lives: read from the checkout (or the
 * installed package), or, in the single-file bundle, copied out of package.json when it was built
 * (scripts/bundle.mjs).
 */
export function version(): string {
  return packageVersion();
}
