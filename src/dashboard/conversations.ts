import type { Config } from "../config/schema.js";
import { conversationToken } from "../conversations/roster.js";
import { type Day, dayOf, quarterOf } from "../engine/dates.js";
import { followUpMarker } from "../engine/markers.js";
import { conversation } from "../workflows/conversation.js";
import type { WorkflowView } from "./view.js";

export interface ConversationRow {
  manager: string;
  /** This quarter's conversation issue, if one is found. */
  view?: WorkflowView;
  done: boolean;
}

/**
 * This quarter's conversation issue of each roster manager, open or closed: the one the sweep made
 * (it carries the quarter's token), else one a person opened for that manager this quarter (its
 * state names the manager). Done: closed, or at the final stage.
 */
export function conversationRows(
  views: WorkflowView[],
  config: Config,
  today: Day,
  botId: number,
): ConversationRow[] {
  const quarter = quarterOf(today);
  const ours = views.filter((v) => v.definition.id === conversation.id);
  return [...config.conversations.roster]
    .sort((a, b) => a.manager.localeCompare(b.manager))
    .map((entry) => {
      const token = followUpMarker(conversationToken(entry.manager, quarter.id));
      const manager = entry.manager.toLowerCase();
      const view =
        // Only the bot's own issue counts by its token: anyone can paste the token into an issue.
        ours.find((v) => v.issue.author.id === botId && v.issue.description.includes(token)) ??
        ours.find(
          (v) =>
            v.member?.toLowerCase() === manager &&
            dayOf(v.issue.createdAt, config.timezone) >= quarter.firstDay,
        );
      const done =
        view !== undefined &&
        (view.issue.state === "closed" ||
          view.definition.stages.find((s) => s.id === view.stageId)?.final === true);
      return { manager: entry.manager, ...(view ? { view } : {}), done };
    });
}
