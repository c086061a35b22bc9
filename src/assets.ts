import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Files the bot reads at run time (Handlebars templates, issue templates). From a checkout they come
 * from disk; the single-file bundle (`npm run bundle`) carries them inside, put there by esbuild's
 * `define`, so it runs with no repository files and no node_modules.
 */
export interface EmbeddedAssets {
  /** Template name (`interim-manager/setup`) -> Handlebars text. */
  templates: Record<string, string>;
  /** Issue template name (`Interim manager`) -> Markdown. */
  issueTemplates: Record<string, string>;
  /** What `career-bot init` writes besides the issue templates: `scaffold/` file name -> text. */
  scaffold: Record<string, string>;
  /** `.gitlab/career-bot.yml`: every key at its default, commented with its schema description. */
  config: string;
  /** package.json's version, the one place it is kept. */
  version: string;
  /**
   * Where the release that built this bundle lives (scripts/bundle.mjs takes them from the release
   * job's CAREER_BOT_COMPONENT and CAREER_BOT_IMAGE): what `init` points a careers project at.
   */
  home: { component?: string; image?: string };
}

declare const __CAREER_BOT_ASSETS__: EmbeddedAssets | undefined;

export function embeddedAssets(): EmbeddedAssets | undefined {
  return typeof __CAREER_BOT_ASSETS__ === "undefined" ? undefined : __CAREER_BOT_ASSETS__;
}

/** The package root: the same distance from src/ and dist/. */
export const PACKAGE_ROOT = fileURLToPath(new URL("../", import.meta.url));

/**
 * `.gitlab/career-bot.yml`, the commented config: every key at its default, each comment the key's
 * schema description (test/cli/schema-descriptions.test.ts keeps them equal). `init` writes it.
 */
export function commentedConfig(): string {
  const embedded = embeddedAssets()?.config;
  if (embedded !== undefined) return embedded;
  return readFileSync(join(PACKAGE_ROOT, ".gitlab", "career-bot.yml"), "utf8");
}

/** A file of `scaffold/`, e.g. `career-bot.yml`. */
export function scaffoldFile(name: string): string {
  const embedded = embeddedAssets()?.scaffold[name];
  if (embedded !== undefined) return embedded;
  return readFileSync(join(PACKAGE_ROOT, "scaffold", name), "utf8");
}

/** Every issue template by name, e.g. `Interim manager`. */
export function issueTemplateNames(): string[] {
  const embedded = embeddedAssets()?.issueTemplates;
  if (embedded) return Object.keys(embedded).sort();
  return readdirSync(join(PACKAGE_ROOT, ".gitlab", "issue_templates"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => name.slice(0, -".md".length))
    .sort();
}

/** career-bot's version: package.json's, read once. */
export function packageVersion(): string {
  const embedded = embeddedAssets()?.version;
  if (embedded !== undefined) return embedded;
  const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string };
  return pkg.version;
}

/** An issue template of `.gitlab/issue_templates/`, e.g. `Interim manager`. */
export function issueTemplate(name: string): string {
  const embedded = embeddedAssets()?.issueTemplates[name];
  if (embedded !== undefined) return embedded;
  return readFileSync(join(PACKAGE_ROOT, ".gitlab", "issue_templates", `${name}.md`), "utf8");
}
