import type { WorkflowDefinition } from "../workflows/types.js";

/**
 * A Mermaid flowchart of the workflow's stages with the current one highlighted. Node ids are
 * generated (stage ids hold dashes Mermaid would read as edges); labels are the bot's own titles.
 */
export function stageDiagram(definition: WorkflowDefinition, current: string | undefined): string {
  const ids = new Map(definition.stages.map((stage, index) => [stage.id, `s${index}`]));
  const lines = ["graph LR"];
  for (const stage of definition.stages) lines.push(`  ${ids.get(stage.id)}["${stage.title}"]`);
  const seen = new Set<string>();
  for (const t of definition.transitions) {
    const edge = `${ids.get(t.from)} --> ${ids.get(t.to)}`;
    if (seen.has(edge)) continue;
    seen.add(edge);
    lines.push(`  ${edge}`);
  }
  const id = current ? ids.get(current) : undefined;
  if (id) lines.push(`  style ${id} fill:#1f75cb,color:#fff,stroke:#0b4a8b,stroke-width:3px`);
  return lines.join("\n");
}
