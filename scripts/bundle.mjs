#!/usr/bin/env node
// Builds dist/career-bot.mjs: the whole CLI in one file, with the Handlebars templates and the issue
// templates inside, so a CI job runs it on a plain node image with no `npm ci` (`.gitlab-ci.yml`).
// Usage: node scripts/bundle.mjs [--outfile PATH]
import { readdirSync, readFileSync } from "node:fs";
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

const assets = {
  templates: filesUnder(join(root, "templates"), ".hbs"),
  issueTemplates: filesUnder(join(root, ".gitlab", "issue_templates"), ".md"),
};

const result = await build({
  entryPoints: [join(root, "src", "entry.ts")],
  outfile,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  // Dependencies written as CommonJS call require() for Node's own modules; ESM has none, so give one.
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __careerBotRequire } from 'node:module';\nconst require = __careerBotRequire(import.meta.url);",
  },
  define: { __CAREER_BOT_ASSETS__: JSON.stringify(assets) },
  legalComments: "none",
  logLevel: "warning",
  metafile: true,
});

const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
console.log(
  `bundled ${relative(process.cwd(), outfile) || outfile}: ${(bytes / 1024).toFixed(0)} KiB, ` +
    `${Object.keys(assets.templates).length} templates, ${Object.keys(assets.issueTemplates).length} issue templates`,
);
