#!/usr/bin/env node
// The release job's check and notes (.gitlab-ci.yml `release`): a tag is released only when it is
// a semantic version and package.json, the component's version default and CHANGELOG.md all say
// the same (`npm version` made them so); prints the tag's CHANGELOG section, the release's notes.
// Usage: node scripts/release-notes.mjs TAG [ROOT]
import { readFileSync } from "node:fs";
import { join } from "node:path";

const [tag, root = process.cwd()] = process.argv.slice(2);
const fail = (message) => {
  console.error(`release-notes: ${message}`);
  process.exit(1);
};
if (!tag || !/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(tag))
  fail(`tag ${JSON.stringify(tag ?? "")} is not a semantic version such as 1.2.3 (make it with npm version)`);

const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
if (version !== tag) fail(`tag ${tag} but package.json says ${version}`);

const component = readFileSync(join(root, "templates", "career-bot.yml"), "utf8");
const pinned = /^ {4}version:\n(?: {6}.*\n)*? {6}default: "([^"]*)"$/m.exec(component)?.[1];
if (pinned !== tag) fail(`tag ${tag} but the component's version input defaults to ${pinned}`);

const changelog = readFileSync(join(root, "CHANGELOG.md"), "utf8");
const escaped = tag.replaceAll(".", "\\.");
const section = new RegExp(`^## ${escaped}(?: \\(.*\\))?\\n([\\s\\S]*?)(?=^## |(?![\\s\\S]))`, "m").exec(
  changelog,
);
if (!section || section[1].trim() === "") fail(`CHANGELOG.md has no section "## ${tag}"`);
process.stdout.write(`${section[1].trim()}\n`);
