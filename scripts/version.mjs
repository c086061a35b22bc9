#!/usr/bin/env node
// npm's `version` hook (package.json): after `npm version x.y.z` wrote package.json and before it
// commits and tags, carries the version to the two places that must say it in the release commit:
// - CHANGELOG.md: "## Unreleased" becomes "## x.y.z (date)", under a new empty "## Unreleased";
// - templates/career-bot.yml: the component's `version` input default, the image tag a careers
//   project gets when it pins the component at @x.y.z (GitLab gives a component no way to read its
//   own version without a feature flag, so the release writes it; a test keeps the two equal);
// - career-bot.schema.json: its `$id`, the release's URL of the schema (src/npm-package.ts).
// Usage: node scripts/version.mjs [ROOT] [DATE]  (defaults: the current directory, today in UTC)
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = process.argv[2] ?? process.cwd();
const date = process.argv[3] ?? new Date().toISOString().slice(0, 10);
const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));

const changelogPath = join(root, "CHANGELOG.md");
const changelog = readFileSync(changelogPath, "utf8");
const unreleased = /^## Unreleased\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(changelog);
if (!unreleased || unreleased[1].trim() === "") {
  console.error('version: CHANGELOG.md has no "## Unreleased" section with changes to release');
  process.exit(1);
}
writeFileSync(
  changelogPath,
  changelog.replace(/^## Unreleased\n/m, `## Unreleased\n\n## ${version} (${date})\n`),
);

const componentPath = join(root, "templates", "career-bot.yml");
const component = readFileSync(componentPath, "utf8");
const input = /^( {4}version:\n(?: {6}.*\n)*? {6}default: )"[^"]*"$/m;
if (!input.test(component)) {
  console.error("version: no `version` input with a quoted default in templates/career-bot.yml");
  process.exit(1);
}
writeFileSync(componentPath, component.replace(input, `$1"${version}"`));
const schemaPath = join(root, "career-bot.schema.json");
const schema = readFileSync(schemaPath, "utf8");
const id = /^( {2}"\$id": "[^"]*@)[^/"]+(\/career-bot\.schema\.json",)$/m;
if (!id.test(schema)) {
  console.error("version: no `$id` with a version in career-bot.schema.json");
  process.exit(1);
}
writeFileSync(schemaPath, schema.replace(id, `$1${version}$2`));
console.log(`version: CHANGELOG.md, templates/career-bot.yml and career-bot.schema.json say ${version}`);
