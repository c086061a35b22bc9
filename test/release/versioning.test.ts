import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { configSchemaUrl } from "../../src/npm-package.js";

const run = promisify(execFile);
const ROOT = new URL("../../", import.meta.url).pathname;
const script = (name: string) => join(ROOT, "scripts", name);

/** The files a release touches, copied to a scratch directory. */
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), "career-bot-release-"));
  mkdirSync(join(dir, "templates"));
  for (const file of ["package.json", "CHANGELOG.md", "templates/career-bot.yml", "career-bot.schema.json"])
    copyFileSync(join(ROOT, file), join(dir, file));
  return dir;
}

function node(args: string[]) {
  return run(process.execPath, args).then(
    ({ stdout }) => ({ code: 0, stdout, stderr: "" }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

const componentVersion = (text: string) =>
  (parseAllDocuments(text)[0]!.toJS() as { spec: { inputs: { version: { default: string } } } }).spec.inputs
    .version.default;

describe("one version, package.json's", () => {
  it("is the component's default image tag", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(componentVersion(readFileSync(join(ROOT, "templates/career-bot.yml"), "utf8"))).toBe(pkg.version);
  });

  it("npm version's hook carries it to the component and turns Unreleased into the release's section", async () => {
    const dir = scratch();
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    writeFileSync(join(dir, "package.json"), JSON.stringify({ ...pkg, version: "7.8.9" }));
    const unreleased = /^## Unreleased\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(
      readFileSync(join(dir, "CHANGELOG.md"), "utf8"),
    )![1]!;
    expect((await node([script("version.mjs"), dir, "2026-12-24"])).code).toBe(0);
    const changelog = readFileSync(join(dir, "CHANGELOG.md"), "utf8");
    expect(changelog).toContain(`## Unreleased\n\n## 7.8.9 (2026-12-24)\n${unreleased}`);
    expect(componentVersion(readFileSync(join(dir, "templates/career-bot.yml"), "utf8"))).toBe("7.8.9");
    // The schema's $id is the release's URL of it, so editors fetch this release's schema.
    expect(JSON.parse(readFileSync(join(dir, "career-bot.schema.json"), "utf8")).$id).toBe(
      configSchemaUrl("7.8.9"),
    );

    // The release job takes the tag only when all three agree, and its notes are that section.
    const notes = await node([script("release-notes.mjs"), "7.8.9", dir]);
    expect(notes.code).toBe(0);
    expect(notes.stdout).toBe(`${unreleased.trim()}\n`);
    // Nothing left to release: a second bump is refused.
    writeFileSync(join(dir, "package.json"), JSON.stringify({ ...pkg, version: "7.8.10" }));
    const again = await node([script("version.mjs"), dir]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('no "## Unreleased" section with changes');
  });

  it("the release job refuses a tag that is not the version everywhere", async () => {
    const dir = scratch();
    const { version } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    expect((await node([script("release-notes.mjs"), `v${version}`, dir])).stderr).toContain(
      "is not a semantic version",
    );
    expect((await node([script("release-notes.mjs"), "99.0.0", dir])).stderr).toContain(
      `tag 99.0.0 but package.json says ${version}`,
    );
    // Unreleased is not a release: package.json's version has no section of its own yet.
    const unreleased = await node([script("release-notes.mjs"), version, dir]);
    expect(unreleased.code).toBe(1);
    expect(unreleased.stderr).toContain(`CHANGELOG.md has no section "## ${version}"`);
  });
});
