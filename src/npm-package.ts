/**
 * career-bot's name on the npm registry: a scoped name, so nobody but the scope's owners can publish
 * under it (the bare `career-bot` is not ours). package.json's `name`; a test keeps them the same.
 * The command stays `career-bot` (package.json's `bin`), which `npx` runs as the package's one bin.
 */
export const NPM_PACKAGE = "@career-bot/cli";

/** The command that runs this very release from npm, e.g. `npx @career-bot/cli@1.2.3 validate`. */
export function npxCommand(version: string, args: string): string {
  return `npx ${NPM_PACKAGE}@${version} ${args}`;
}

/**
 * Where a release's JSON Schema of the config is, for editors (`# yaml-language-server: $schema=`):
 * the file career-bot.schema.json of the npm package, served by a CDN that mirrors the registry.
 * One URL per release that never changes, public even when career-bot's GitLab is not. The
 * schema's `$id` says the same; `npm version` (scripts/version.mjs) rewrites it.
 */
export function configSchemaUrl(version: string): string {
  return `https://cdn.jsdelivr.net/npm/${NPM_PACKAGE}@${version}/career-bot.schema.json`;
}
