/*
 * The issue templates career-bot ships (.gitlab/issue_templates/) carry sample people and dates,
 * which the demo and the tests open as they are. A new careers project gets them with placeholders
 * instead: a person is `"@team-member"`, `"@manager"`, ... (a name nobody has, that the bot reports
 * as unknown if it is left in), and a date is left blank, so an issue opened without filling it in
 * is answered with what to fill in rather than run on a made-up date.
 */

/** Fields that name one person; the placeholder is the field's name, as a mention. */
const PERSON_FIELDS = new Set([
  "team_member",
  "manager",
  "host_manager",
  "new_manager",
  "people_business_partner",
]);
/** Fields that list people. */
const PEOPLE_FIELDS = new Map([["reports", '["@report-1", "@report-2"]']]);
/** Fields that hold a date or a quarter: left blank. */
const isDateField = (key: string) => key.endsWith("_date") || key === "quarter";

const FENCE = /^(```|~~~)[ \t]*yaml[ \t]+career[ \t]*$/;
const FIELD = /^([a-z_]+):[ \t]*.*?([ \t]+#.*)?$/;

/** The template with its data block's people and dates replaced by placeholders. */
export function withPlaceholders(template: string): string {
  const lines = template.split("\n");
  let fence: string | undefined;
  return lines
    .map((line) => {
      if (fence === undefined) {
        const open = FENCE.exec(line);
        if (open) fence = open[1];
        return line;
      }
      if (line.trimEnd() === fence) {
        fence = undefined;
        return line;
      }
      return placeholderLine(line);
    })
    .join("\n");
}

function placeholderLine(line: string): string {
  const field = FIELD.exec(line);
  if (!field) return line;
  const [, key = "", comment = ""] = field;
  const replacement = PERSON_FIELDS.has(key)
    ? `"@${key.replaceAll("_", "-")}"`
    : (PEOPLE_FIELDS.get(key) ?? (isDateField(key) ? "" : undefined));
  if (replacement === undefined) return line;
  const head = `${key}:${replacement === "" ? "" : ` ${replacement}`}`;
  if (!comment) return head;
  // Keep the comment in its column where the new value leaves room: the blocks are aligned.
  const text = comment.trimStart();
  return `${head.padEnd(line.length - text.length - 1)} ${withoutSamples(text)}`;
}

/** The comments show how to quote a mention with a sample name ("@alice"): a neutral one instead. */
function withoutSamples(comment: string): string {
  return comment.replace(/"@[a-z]+"/g, '"@username"');
}
