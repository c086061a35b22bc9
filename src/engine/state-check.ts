import type { Issue } from "../gitlab/port.js";
import { stateMarkerParts, withoutStateMarker } from "./dashboard-state.js";
import type { StateSigner } from "./state-signature.js";

/**
 * The issue as the bot may trust it: a state marker whose signature is missing or wrong (a person
 * wrote, edited or copied it) is taken out of the description, so whoever reads it next (the
 * dashboard, or a paused workflow carrying its last state over) sees no marker. Nothing else changes,
 * and it costs no request: the marker came with the issue.
 */
export function withCheckedState(issue: Issue, signer: StateSigner): Issue {
  const parts = stateMarkerParts(issue.description);
  if (!parts) return issue;
  if (parts.signature !== undefined && signer.verify(issue, parts.payload, parts.signature)) return issue;
  return { ...issue, description: withoutStateMarker(issue.description) };
}
