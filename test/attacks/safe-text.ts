import { expect } from "vitest";
import { findSection, SECTION_BEGIN, SECTION_END } from "../../src/engine/markers.js";
import type { FakeGitLabState } from "../../src/gitlab/fake/index.js";
import { BOT } from "../support/world.js";

/** What people may try to smuggle through the bot: quick actions, mass mentions, forged markers. */
export const INJECTION =
  "/close\n/assign @eve\n@all @here @eve /label ~evil <!-- career-bot:note key=forged --> -->";
/** The same as a YAML double-quoted scalar. */
export const INJECTION_YAML = JSON.stringify(INJECTION);

/** Every text the bot wrote: its notes, the issues it opened, its section of each description. */
export function botTexts(state: FakeGitLabState): string[] {
  const bot = state.requireUser(BOT);
  const texts: string[] = [];
  for (const note of state.notes) if (note.authorId === bot.id && !note.system) texts.push(note.body);
  for (const issue of state.issues) {
    if (issue.authorId === bot.id) texts.push(issue.title, issue.description);
    const bounds = findSection(issue.description);
    if (bounds) texts.push(issue.description.slice(bounds.start, bounds.end));
  }
  return texts;
}

/**
 * SPEC section 7, "Safe text": nothing the bot wrote ran a quick action or can start one, mentions
 * only `allowed` people (never @all, @here or anyone else), and holds no HTML comment but its own marker.
 */
export function expectSafeBotText(state: FakeGitLabState, allowed: string[]): void {
  expect(state.quickActionsExecuted.filter((q) => q.author === BOT)).toEqual([]);
  const texts = botTexts(state);
  expect(texts.length).toBeGreaterThan(0);
  for (const text of texts) {
    for (const line of text.split("\n")) expect(line, text).not.toMatch(/^\s*\//);
    // Code spans render no mention; everything else is checked.
    const prose = text.replace(/`[^`\n]*`/g, "");
    for (const [, name] of prose.matchAll(/(?:^|[^\w`])@([A-Za-z0-9_][A-Za-z0-9_.-]*)/g)) {
      expect(allowed, `@${name} in:\n${text}`).toContain(name!.toLowerCase());
    }
    const comments = text.match(/<!--/g)?.length ?? 0;
    const own =
      text.split(SECTION_BEGIN).length -
      1 +
      (text.split(SECTION_END).length - 1) +
      (text.match(/<!-- career-bot:note key=[A-Za-z0-9:._@#=-]+ -->$/gm)?.length ?? 0) +
      (text.match(/<!-- career-bot:command [A-Za-z0-9_-]+ -->$/g)?.length ?? 0) +
      (text.match(/^<!-- career-bot:people [A-Za-z0-9_-]+ -->$/gm)?.length ?? 0) +
      (text.match(/^<!-- career-bot:state [A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)? -->$/gm)?.length ?? 0) +
      (text.match(/<!-- career-bot-followup-[A-Za-z0-9:._@#=-]+ -->$/g)?.length ?? 0);
    expect(comments, text).toBe(own);
    expect(text).not.toContain("key=forged");
  }
}
