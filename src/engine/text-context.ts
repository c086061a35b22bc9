import type { Config } from "../config/schema.js";
import { handbookLink } from "../workflows/handbook-sections.js";
import type { Action, TextContext } from "./actions.js";

export function textContext(config: Config, workflowId: string, stageId?: string): TextContext {
  const handbook = handbookLink(config, workflowId, stageId);
  return handbook ? { config, handbook } : { config };
}

/** Every note, follow-up and section of a plan gets the text context (a note's own data wins). */
export function withTextContext(actions: Action[], texts: TextContext): Action[] {
  return actions.map((action) => {
    switch (action.kind) {
      case "note":
      case "follow-up":
        return { ...action, data: { ...texts, ...action.data } };
      case "section":
        return { ...action, model: { ...action.model, texts } };
      default:
        return action;
    }
  });
}
