import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import Handlebars from "handlebars";
import { embeddedAssets } from "../assets.js";
import {
  mention,
  neutraliseQuickActions,
  RENDERED_VALUE_LENGTH,
  safeInline,
  stripCommentOpeners,
} from "./safe-text.js";

/** `templates/` at the package root: the same distance from src/engine and dist/engine. */
export const TEMPLATE_DIR = fileURLToPath(new URL("../../templates/", import.meta.url));

export type TemplateName = string;

/**
 * Renders the bot's messages from the Handlebars files in `templates/`. Templates are compiled
 * without HTML escaping (they are Markdown); instead every string in the data is made safe first
 * (`safeInline`), and the result gets a last pass that neutralises quick actions and comments.
 */
export class Renderer {
  private readonly hbs = Handlebars.create();
  private readonly compiled = new Map<string, Handlebars.TemplateDelegate>();
  readonly names: Set<string>;
  private readonly read: (name: string) => string;

  /** `source`: a templates directory, or name -> text (what the bundle embeds). */
  constructor(
    source: string | Readonly<Record<string, string>> = embeddedAssets()?.templates ?? TEMPLATE_DIR,
  ) {
    if (typeof source === "string") {
      this.names = new Set(listTemplates(source));
      this.read = (name) => readFileSync(join(source, `${name}.hbs`), "utf8");
    } else {
      this.names = new Set(Object.keys(source));
      this.read = (name) => source[name]!;
    }
    this.hbs.registerHelper("eq", (a: unknown, b: unknown) => a === b);
    for (const name of this.names) {
      if (name.startsWith("partials/")) {
        this.hbs.registerPartial(name.slice("partials/".length), this.read(name));
      }
    }
  }

  has(name: TemplateName): boolean {
    return this.names.has(name);
  }

  /**
   * Renders a template. `data` is escaped; `trusted` holds only text the bot composed itself (a
   * reply, the diagram, command usage); `mentions` are usernames from the data block, checked.
   */
  render(
    name: TemplateName,
    data: Record<string, unknown>,
    trusted: Record<string, unknown> = {},
    mentions: string[] = [],
  ): string {
    const template = this.template(name);
    const context = {
      ...(sanitize(data) as Record<string, unknown>),
      ...trusted,
      mentions: mentions.map(mention).join(" "),
    };
    const text = template(context)
      .replace(/\n{3,}/g, "\n\n")
      .trim();
    return neutraliseQuickActions(stripCommentOpeners(text));
  }

  private template(name: TemplateName): Handlebars.TemplateDelegate {
    let template = this.compiled.get(name);
    if (!template) {
      if (!this.names.has(name)) throw new Error(`unknown template ${name}`);
      template = this.hbs.compile(this.read(name), { noEscape: true });
      this.compiled.set(name, template);
    }
    return template;
  }
}

function listTemplates(dir: string): string[] {
  const names: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".hbs")) continue;
    const path = join(entry.parentPath, entry.name);
    names.push(
      relative(dir, path)
        .split(sep)
        .join("/")
        .replace(/\.hbs$/, ""),
    );
  }
  return names;
}

/** Every string made safe, at any depth; numbers and booleans pass through. */
export function sanitize(value: unknown, depth = 0): unknown {
  if (depth > 8) return "";
  if (typeof value === "string") return safeInline(value, RENDERED_VALUE_LENGTH);
  if (Array.isArray(value)) return value.slice(0, 200).map((v) => sanitize(v, depth + 1));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sanitize(v, depth + 1)]));
  }
  return value;
}
