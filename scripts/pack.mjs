#!/usr/bin/env node
// Makes the npm package: the single-file bundle (templates inside, no dependencies to install),
// README.md, LICENSE and a package.json without the development half (scripts, devDependencies):
// an installed package needs neither, and npm warns about a `prepare` script in a package a team
// installs. The release job publishes the tarball this prints (.gitlab-ci.yml `npm-publish`).
// Usage: node scripts/pack.mjs [--out DIR]   (default .tmp/pack; prints the tarball's path)
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const out = resolve(args.includes("--out") ? args[args.indexOf("--out") + 1] : join(root, ".tmp", "pack"));
const stage = join(out, "package");

const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const { scripts: _scripts, devDependencies: _dev, ...manifest } = pkg;
if (manifest.dependencies)
  throw new Error("pack: the bundle carries its dependencies; package.json must list none");

rmSync(stage, { recursive: true, force: true });
mkdirSync(join(stage, "dist"), { recursive: true });
// The bundle is built fresh from the sources, without the snapshot: a snapshot fits only the node
// that built it, so it ships in the image and as a release asset, not in the package.
execFileSync(
  process.execPath,
  [join(root, "scripts/bundle.mjs"), "--outfile", join(stage, "dist/career-bot.mjs"), "--no-snapshot"],
  {
    stdio: ["ignore", "ignore", "inherit"],
  },
);
writeFileSync(join(stage, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
// The config's JSON Schema, at the URL its `$id` and init's `yaml-language-server` line give.
for (const file of ["README.md", "LICENSE", "career-bot.schema.json"])
  copyFileSync(join(root, file), join(stage, file));

const [packed] = JSON.parse(
  execFileSync("npm", ["pack", "--json", "--pack-destination", out], { cwd: stage, encoding: "utf8" }),
);
const files = packed.files.map((file) => file.path).sort();
const expected = [...manifest.files, "LICENSE", "README.md", "package.json"].sort();
if (JSON.stringify(files) !== JSON.stringify(expected))
  throw new Error(`pack: the package holds ${files.join(", ")}; expected ${expected.join(", ")}`);
console.error(
  `pack: ${packed.filename}: ${packed.entryCount} files, ${(packed.size / 1024).toFixed(0)} KiB packed, ` +
    `${(packed.unpackedSize / 1024).toFixed(0)} KiB unpacked`,
);
console.log(join(out, packed.filename));
