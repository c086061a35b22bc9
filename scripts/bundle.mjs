#!/usr/bin/env node
// Builds dist/career-bot.mjs: the whole CLI in one file, with the Handlebars templates and the issue
// templates inside, so a CI job runs it on a plain node image with no `npm ci` (`.gitlab-ci.yml`).
// Then dist/career-bot.blob: a V8 startup snapshot of the same CLI (scripts/snapshot/entry.ts), which
// the bot jobs start from: `node --snapshot-blob dist/career-bot.blob handle` (docs/maintaining.md "Performance").
// The blob fits only the node binary that built it (same version, platform and V8 flags); any other
// node refuses it with exit code 14 before running anything, and the jobs then run the .mjs.
// Usage: node scripts/bundle.mjs [--outfile PATH] [--no-snapshot]
//   the blob goes beside PATH: career-bot.mjs -> career-bot.blob
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Every file under `dir` whose name ends with `ext`, keyed by its path without the extension. */
function filesUnder(dir, ext) {
  const files = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(ext)) continue;
    const path = join(entry.parentPath, entry.name);
    files[relative(dir, path).split(sep).join("/").slice(0, -ext.length)] = readFileSync(path, "utf8");
  }
  return files;
}

const args = process.argv.slice(2);
const at = args.indexOf("--outfile");
const outfile = at >= 0 ? args[at + 1] : join(root, "dist", "career-bot.mjs");
const blob = join(dirname(outfile), "career-bot.blob");
const shown = (path) => relative(process.cwd(), path) || path;

const assets = {
  templates: filesUnder(join(root, "templates"), ".hbs"),
  issueTemplates: filesUnder(join(root, ".gitlab", "issue_templates"), ".md"),
  // `career-bot init`'s files, whole names: career-bot.yml, gitlab-ci.yml.
  scaffold: Object.fromEntries(
    Object.entries(filesUnder(join(root, "scaffold"), ".yml")).map(([name, text]) => [`${name}.yml`, text]),
  ),
  config: readFileSync(join(root, ".gitlab", "career-bot.yml"), "utf8"),
  version: JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version,
  // Set by the release jobs of .gitlab-ci.yml: where this career-bot's component and image are.
  home: {
    component: process.env.CAREER_BOT_COMPONENT || undefined,
    image: process.env.CAREER_BOT_IMAGE || undefined,
  },
};
/*
 * Two dependencies of dependencies, cut to what the bot runs; every module a bundle holds is parsed
 * at each start and, in the snapshot, deserialized at each start (docs/maintaining.md "Performance"):
 * - rate-limiter-flexible's index requires its 25 limiters (Redis, Mongo, Cluster, ...); gitbeaker's
 *   requester-utils imports only RateLimiterMemory and RateLimiterQueue, so the bundle takes those
 *   two files.
 * - handlebars' code generator uses source-map's SourceNode when `require("source-map")` gives one
 *   and its own string-only SourceNode otherwise (handlebars/dist/cjs/handlebars/compiler/code-gen.js),
 *   which is all the bot needs: it never asks for a source map. The precompiler, which needs it, is
 *   not in the bundle.
 */
const trimDependencies = {
  name: "trim-dependencies",
  setup(build) {
    build.onResolve({ filter: /^(rate-limiter-flexible|source-map)$/ }, (args) => ({
      path: args.path,
      namespace: "trimmed",
      pluginData: { resolveDir: args.resolveDir },
    }));
    build.onLoad({ filter: /.*/, namespace: "trimmed" }, (args) => ({
      contents:
        args.path === "source-map"
          ? "module.exports = {};"
          : 'module.exports = { RateLimiterMemory: require("rate-limiter-flexible/lib/RateLimiterMemory.js"), RateLimiterQueue: require("rate-limiter-flexible/lib/RateLimiterQueue.js") };',
      resolveDir: args.pluginData.resolveDir,
      loader: "js",
    }));
  },
};

const common = {
  bundle: true,
  plugins: [trimDependencies],
  platform: "node",
  // The oldest node the bundle is tested on (.ci/run); the release image runs node 24.
  target: "node20",
  define: { __CAREER_BOT_ASSETS__: JSON.stringify(assets) },
  legalComments: "none",
  logLevel: "warning",
};

const result = await build({
  ...common,
  entryPoints: [join(root, "src", "entry.ts")],
  outfile,
  format: "esm",
  // Dependencies written as CommonJS call require() for Node's own modules; ESM has none, so give one.
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __careerBotRequire } from 'node:module';\nconst require = __careerBotRequire(import.meta.url);",
  },
  metafile: true,
});

const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
console.log(
  `bundled ${shown(outfile)}: ${(bytes / 1024).toFixed(0)} KiB, ` +
    `${Object.keys(assets.templates).length} templates, ${Object.keys(assets.issueTemplates).length} issue templates`,
);

const SNAPSHOT_BANNER = `var __careerBotMeta = {
  get url() {
    const i = process.execArgv.findIndex((a) => a === "--snapshot-blob" || a.startsWith("--snapshot-blob="));
    const blob = i < 0 ? undefined : process.execArgv[i].includes("=") ? process.execArgv[i].split("=").slice(1).join("=") : process.execArgv[i + 1];
    const path = require("node:path");
    const file = blob ? path.join(path.dirname(path.resolve(blob)), "career-bot.mjs") : __filename;
    return require("node:url").pathToFileURL(file).href;
  },
  resolve(specifier) {
    throw Object.assign(new Error("Cannot find module '" + specifier + "'"), { code: "ERR_MODULE_NOT_FOUND" });
  },
};`;

/**
 * The node major the startup snapshot is built on: the release image's (Dockerfile NODE_IMAGE, the
 * bundle job). A snapshot fits only the node that built it, and Node 22's snapshot builder aborts on
 * this bundle (node:http and node:module are not supported in its user-land snapshots: a fatal
 * "CheckGlobalAndEternalHandles failed" or std::length_error), so on another node there is none to
 * build; the bundle runs without it. test/release/image.test.ts keeps this and the Dockerfile equal.
 */
const SNAPSHOT_NODE_MAJOR = 24;

if (!args.includes("--no-snapshot")) {
  const major = Number(process.versions.node.split(".")[0]);
  if (major !== SNAPSHOT_NODE_MAJOR) {
    console.error(
      `bundle: the startup snapshot is built on Node ${SNAPSHOT_NODE_MAJOR}, the release image's node, not on ${process.version}: ` +
        `run this with Node ${SNAPSHOT_NODE_MAJOR}, or pass --no-snapshot for the bundle alone`,
    );
    process.exit(2);
  }
  await snapshot();
}

/**
 * The snapshot is built from one CommonJS script that requires only Node's own modules. ESM code in
 * it reads `import.meta.url` (yargs, when it loads for help or usage errors): it gets the URL of the
 * .mjs beside the blob, as in dist/career-bot.mjs; `import.meta.resolve` (yargs' `extends`, unused)
 * throws, as it does for a name that does not resolve.
 */
async function snapshot() {
  // Beside the blob while it is built (stack traces name it), removed after.
  const dir = dirname(blob);
  const script = join(dir, "career-bot.snapshot.cjs");
  try {
    await build({
      ...common,
      entryPoints: [join(root, "scripts", "snapshot", "entry.ts")],
      outfile: script,
      format: "cjs",
      define: {
        ...common.define,
        "import.meta.url": "__careerBotMeta.url",
        "import.meta.resolve": "__careerBotMeta.resolve",
      },
      banner: { js: SNAPSHOT_BANNER },
      // Less to load at every start (whitespace alone: 9.3 -> 7.6 MiB); identifiers keep their names,
      // so stack frames from a job stay readable (docs/maintaining.md "Performance").
      minifyWhitespace: true,
      minifySyntax: true,
    });
    const started = performance.now();
    const run = spawnSync(process.execPath, ["--snapshot-blob", blob, "--build-snapshot", script], {
      cwd: dir,
      encoding: "utf8",
    });
    const stderr = run.stderr;
    if (run.status !== 0 || run.error) {
      console.error(stderr || run.error);
      throw new Error(`building the snapshot failed (exit ${run.status})`);
    }
    if (stderr.trim()) process.stderr.write(stderr);
    console.log(
      `snapshot ${shown(blob)}: ${(statSync(blob).size / 1024 / 1024).toFixed(1)} MiB, ` +
        `node ${process.version} ${process.platform}-${process.arch}, ` +
        `${Math.round(performance.now() - started)} ms`,
    );
  } finally {
    // KEEP_SNAPSHOT_SCRIPT=1 keeps it, to read the lines a profile of a snapshot run names.
    if (!process.env.KEEP_SNAPSHOT_SCRIPT) rmSync(script, { force: true });
  }
}
