/**
 * Task-list items in a description (`- [ ]`, `- [x]`, `1. [ ]`), outside code fences. GitLab writes
 * "marked the checklist item **X** as completed" notes from the difference between two versions,
 * pairing items by position; that note is the only record of who ticked a box.
 */

export interface ChecklistItem {
  text: string;
  checked: boolean;
}

const ITEM = /^(\s*(?:[-*+]|\d+[.)])\s+\[)([ xX~])(\]\s+)(.*)$/;
const FENCE = /^ {0,3}(```|~~~)/;

export function checklistItems(description: string): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  forEachItemLine(description, (match) => {
    const mark = match[2]!;
    if (mark === "~") return;
    items.push({ text: match[4]!.trim(), checked: mark !== " " });
  });
  return items;
}

/**
 * Items whose state differs between two versions, as `Taskable.get_updated_tasks` finds them: the
 * n-th item of one version is paired with the n-th of the other (`[~]` items are not counted), and
 * only a pair with the same source whose box changed is a tick. A reordered or reworded list
 * therefore makes no tick note, even where a box changed.
 */
export function checklistChanges(before: string, after: string): ChecklistItem[] {
  const previous = checklistItems(before);
  return checklistItems(after).filter((item, index) => {
    const old = previous[index];
    return old !== undefined && old.text === item.text && old.checked !== item.checked;
  });
}

/**
 * The description with the first item of that text set to `checked`, or null when there is none to
 * change. A person clicks the box beside the words they read, so `text` names an item also when the
 * line goes on after a " · " (the bot's note of who ticks it).
 */
export function setChecklistItem(description: string, text: string, checked: boolean): string | null {
  const lines = description.split("\n");
  const words = text.trim();
  let done = false;
  forEachItemLine(description, (match, index) => {
    const line = match[4]!.trim();
    if (done || (line !== words && !line.startsWith(`${words} · `)) || match[2] === "~") return;
    if ((match[2] !== " ") === checked) return;
    const carriage = lines[index]!.endsWith("\r") ? "\r" : "";
    lines[index] = `${match[1]}${checked ? "x" : " "}${match[3]}${match[4]}${carriage}`;
    done = true;
  });
  return done ? lines.join("\n") : null;
}

function forEachItemLine(description: string, visit: (match: RegExpExecArray, index: number) => void): void {
  let inFence = false;
  description.split("\n").forEach((line, index) => {
    if (FENCE.test(line)) {
      inFence = !inFence;
      return;
    }
    if (inFence) return;
    const match = ITEM.exec(line.replace(/\r$/, ""));
    if (match) visit(match, index);
  });
}
