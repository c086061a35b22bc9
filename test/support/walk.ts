import { afterEach, beforeEach, expect } from "vitest";
import { TICK_NOTE_FORMATS, type TickNoteFormat, type WebhookPayload } from "../../src/gitlab/fake/index.js";
import { PROJECT, templateDescription, World } from "./world.js";

/** How the scenario walks begin: a world per test, an issue opened from its template, a checklist ticked. */

/**
 * A fresh, started World for every test of the file (stopped after it). The returned object stands
 * for the current test's world, so a file can keep writing `world.handle(...)` as with a `let`.
 */
export function worldPerTest(options: ConstructorParameters<typeof World>[0] = {}): World {
  let current: World | undefined;
  beforeEach(async () => {
    current = await new World(options).start();
  });
  afterEach(() => current?.stop());
  const live = (): World => {
    if (!current) throw new Error("the world exists only while a test runs");
    return current;
  };
  return new Proxy({} as World, {
    get(_, key) {
      const world = live();
      const value = Reflect.get(world, key, world);
      return typeof value === "function" ? value.bind(world) : value;
    },
    set(_, key, value) {
      return Reflect.set(live(), key, value);
    },
  });
}

/** Every wording of tick notes GitLab has used; walks run once per wording (`describe.each`). */
export const TICK_NOTE_WORDINGS = TICK_NOTE_FORMATS;

/**
 * Within the calling `describe`, the fake GitLab words tick notes as `format` says (set after the
 * world of the test is made, so it holds from the first tick).
 */
export function tickNotesWorded(format: TickNoteFormat, world: () => World): void {
  beforeEach(() => {
    world().state.tickNoteFormat = format;
  });
}

/** `author` (alice unless said) opens an issue from `.gitlab/issue_templates/<template>.md` with `fields` replaced. */
export function openFromTemplate(
  world: World,
  template: string,
  title: string,
  fields: Record<string, string | null> = {},
  author = "alice",
) {
  const opened = world.state
    .as(author)
    .openIssue({ title, description: templateDescription(template, fields) });
  return { opened, iid: opened.issue.iid };
}

/** `actor` ticks every one of `items` (no bot run); the last tick's event. */
export function tickEach(world: World, actor: string, iid: number, items: readonly string[]): WebhookPayload {
  if (items.length === 0) throw new Error("nothing to tick");
  const person = world.state.as(actor);
  let last: WebhookPayload | undefined;
  for (const item of items) last = person.tick(PROJECT, iid, item).payload;
  return last!;
}

/**
 * `actor` ticks every one of `items`, then the bot handles the last tick's event (exiting 0).
 * Returns that event, to replay it.
 */
export async function tickAll(
  world: World,
  actor: string,
  iid: number,
  items: readonly string[],
): Promise<WebhookPayload> {
  const payload = tickEach(world, actor, iid, items);
  expect((await world.handle(payload)).code).toBe(0);
  return payload;
}
