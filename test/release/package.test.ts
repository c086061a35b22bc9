import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { NPM_PACKAGE } from "../../src/npm-package.js";

const run = promisify(execFile);
const ROOT = new URL("../../", import.meta.url).pathname;
const PKG = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as Record<string, unknown>;
const out = mkdtempSync(join(tmpdir(), "career-bot-pack-"));
let tarball: string;
let listing: string[];

beforeAll(async () => {
  const { stdout } = await run(process.execPath, [join(ROOT, "scripts/pack.mjs"), "--out", out], {
    cwd: ROOT,
  });
  tarball = stdout.trim();
  listing = (await run("tar", ["-tzf", tarball])).stdout.trim().split("\n").sort();
}, 120_000);

/** A directory with nothing of career-bot in it, and the package installed there from the tarball. */
async function installed(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "career-bot-installed-"));
  // No registry needed: the package has no dependencies to fetch.
  await run("npm", ["install", "--offline", "--no-audit", "--no-fund", "--no-package-lock", tarball], {
    cwd: dir,
    env: { ...process.env, npm_config_loglevel: "error" },
  });
  return dir;
}

describe("the npm package (scripts/pack.mjs)", () => {
  it("holds the bundle, the config's JSON Schema, the README, the license and its manifest, and nothing else", () => {
    expect(listing).toEqual([
      "package/LICENSE",
      "package/README.md",
      "package/career-bot.schema.json",
      "package/dist/career-bot.mjs",
      "package/package.json",
    ]);
  });

  it("is public, MIT, for Node 22 and later, with no dependencies, scripts or development half", async () => {
    const { stdout } = await run("tar", ["-xzOf", tarball, "package/package.json"]);
    const manifest = JSON.parse(stdout);
    expect(manifest).toMatchObject({
      name: NPM_PACKAGE,
      version: PKG.version,
      license: "MIT",
      bin: { "career-bot": "dist/career-bot.mjs" },
      engines: { node: ">=22" },
      // A scoped package is published restricted unless it says public.
      publishConfig: { access: "public" },
    });
    for (const key of ["private", "dependencies", "devDependencies", "scripts"])
      expect(manifest).not.toHaveProperty(key);
    // The same `files` as the repository's package.json, so `npm pack` there agrees.
    expect(manifest.files).toEqual(PKG.files);
    expect(PKG).not.toHaveProperty("private");
    expect(PKG).not.toHaveProperty("dependencies");
  });

  it("runs `career-bot demo` from a clean directory", async () => {
    const dir = await installed();
    // The package alone: nothing else was installed with it.
    const packages = readdirSync(join(dir, "node_modules")).filter((name) => !name.startsWith("."));
    expect(packages).toEqual(["@career-bot"]);
    expect(readdirSync(join(dir, "node_modules/@career-bot"))).toEqual(["cli"]);
    const elsewhere = mkdtempSync(join(tmpdir(), "career-bot-clean-"));
    const { stdout } = await run(join(dir, "node_modules/.bin/career-bot"), ["demo"], {
      cwd: elsewhere,
      env: { PATH: process.env.PATH },
      timeout: 60_000,
    });
    expect(stdout).toContain("== Mon 2026-01-05 ==");
    expect(stdout).toMatch(/#1 closed after \d+ days: stage done, career-outcome::promoted/);
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it("makes a careers project with `career-bot init`, its issue templates and config inside the bundle", async () => {
    const dir = await installed();
    const project = join(dir, "careers");
    mkdirSync(project);
    await run(join(dir, "node_modules/.bin/career-bot"), ["init", project], {
      env: { PATH: process.env.PATH },
    });
    expect(readdirSync(join(project, ".gitlab/issue_templates"))).toEqual(
      readdirSync(join(ROOT, ".gitlab/issue_templates")),
    );
    const { stdout } = await run(join(dir, "node_modules/.bin/career-bot"), ["validate"], {
      cwd: project,
      env: { PATH: process.env.PATH },
    });
    expect(stdout).toContain(".gitlab/career-bot.yml: ok");
  });

  it("is named in the project's scope, and `npx <package spec>` runs its one command, career-bot", async () => {
    // The bare name `career-bot` is not the project's on the registry: anyone could publish it.
    expect(PKG.name).toBe(NPM_PACKAGE);
    expect(NPM_PACKAGE).toMatch(/^@[a-z0-9-]+\/[a-z0-9-]+$/);
    // What `npx @career-bot/cli@1.2.3 validate` does, from this tarball instead of the registry:
    // npx runs a package's only bin whatever its name.
    const elsewhere = mkdtempSync(join(tmpdir(), "career-bot-npx-"));
    const { stdout } = await run("npx", ["--offline", "--yes", `file:${tarball}`, "--version"], {
      cwd: elsewhere,
      env: { ...process.env, npm_config_loglevel: "error" },
      timeout: 60_000,
    });
    expect(stdout.trim()).toBe(PKG.version);
  });
});
