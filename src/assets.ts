import { readFileSync } from "node:fs";
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
  /** package.json's version when the bundle was built (`career-bot --version`). */
  version?: string;
}

declare const __CAREER_BOT_ASSETS__: EmbeddedAssets | undefined;

export function embeddedAssets(): EmbeddedAssets | undefined {
  return typeof __CAREER_BOT_ASSETS__ === "undefined" ? undefined : __CAREER_BOT_ASSETS__;
}

/** The package root: the same distance from src/ and dist/. */
export const PACKAGE_ROOT = fileURLToPath(new URL("../", import.meta.url));

/** An issue template of `.gitlab/issue_templates/`, e.g. `Interim manager`. */
export function issueTemplate(name: string): string {
  const embedded = embeddedAssets()?.issueTemplates[name];
  if (embedded !== undefined) return embedded;
  return readFileSync(join(PACKAGE_ROOT, ".gitlab", "issue_templates", `${name}.md`), "utf8");
}
