import { JSDOM } from "jsdom";
import type { Mermaid } from "mermaid";

/**
 * Mermaid's own parser, as GitLab's Mermaid sandbox runs it, so a picture GitLab cannot draw fails the
 * suite. Mermaid reads `window` and `document` when it loads (DOMPurify needs a DOM), so a jsdom
 * window stands in for the browser; `parse` draws nothing, it only reads the source.
 */
let loading: Promise<Mermaid> | undefined;

function mermaid(): Promise<Mermaid> {
  loading ??= (async () => {
    const dom = new JSDOM("<!doctype html><html><body></body></html>");
    const global = globalThis as Record<string, unknown>;
    global.window ??= dom.window;
    global.document ??= dom.window.document;
    const { default: loaded } = await import("mermaid");
    loaded.initialize({ startOnLoad: false, securityLevel: "strict" });
    return loaded;
  })();
  return loading;
}

/** Throws Mermaid's own error when the source is not a diagram Mermaid can draw. */
export async function parseMermaid(source: string): Promise<string> {
  // Without `suppressErrors`, parse rejects on a diagram it cannot read.
  return (await (await mermaid()).parse(source)).diagramType;
}

/** The sources of every ```mermaid block of a Markdown text. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm)].map((match) => match[1] ?? "");
}
