import type { Config } from "../config/schema.js";
import type { User } from "../gitlab/port.js";
import type { Problem, WorkflowDefinition } from "../workflows/types.js";
import { botAsPerson } from "./bot-person.js";
import type { DataBlock } from "./data-block.js";
import { safeInline } from "./safe-text.js";

export type Validated = { ok: true; data: unknown } | { ok: false; problems: Problem[] };

/**
 * Checks a data block against the workflow's schema, its own rules and the GitLab instance's users.
 * `users` holds the people looked up for this run (null: no such user); names not in it were not
 * looked up and are taken as they are. `botUsername`, when given, may not be one of the people.
 */
export function validateData(
  definition: WorkflowDefinition,
  block: DataBlock,
  config: Config,
  users: ReadonlyMap<string, User | null>,
  botUsername?: string,
): Validated {
  if (block.kind === "untagged") {
    return {
      ok: false,
      problems: [
        {
          field: "(details at the top)",
          message:
            'the yaml code block has no "career" tag: its first line must read three backticks, then "yaml career"',
        },
      ],
    };
  }
  if (block.kind === "missing") {
    return {
      ok: false,
      problems: [
        {
          field: "(details at the top)",
          message: `no "yaml career" code block found; copy the block from the "${definition.title}" issue template into the description`,
        },
      ],
    };
  }
  if (block.kind === "invalid")
    return { ok: false, problems: [{ field: "(details at the top)", message: block.problem }] };
  const parsed = definition.schema.safeParse(block.data);
  if (!parsed.success) {
    return {
      ok: false,
      problems: [
        ...parsed.error.issues.map((issue) => {
          if (issue.code === "unrecognized_keys") {
            return {
              field: issue.keys.join(", "),
              message: `unknown field(s); remove them or check the spelling against the issue template`,
            };
          }
          const field = issue.path.join(".") || "(details at the top)";
          const value = issue.path.reduce<unknown>(
            (obj, key) => (obj as Record<PropertyKey, unknown>)?.[key as PropertyKey],
            block.data,
          );
          return { field, value, message: issue.message };
        }),
        ...unknownPeople(definition, block.data, users),
      ],
    };
  }
  const problems: Problem[] = [
    ...(definition.check?.(parsed.data as never, config) ?? []),
    ...samePerson(definition, parsed.data),
    ...unknownPeople(definition, parsed.data, users),
    ...(botUsername === undefined ? [] : botAsPerson(definition, parsed.data, botUsername)),
  ];
  return problems.length > 0 ? { ok: false, problems } : { ok: true, data: parsed.data };
}

/** The team member cannot be their own manager: every decision would be theirs. */
function samePerson(definition: WorkflowDefinition, data: unknown): Problem[] {
  const people = definition.people(data as never);
  const member = people.team_member?.toLowerCase();
  if (!member) return [];
  return Object.entries(people)
    .filter(
      ([field, name]) => field !== "team_member" && /manager$/.test(field) && name?.toLowerCase() === member,
    )
    .map(([field, name]) => ({ field, value: name, message: "must be someone other than the team member" }));
}

/** People fields naming no user of the instance; works on a block that failed the schema too. */
function unknownPeople(
  definition: WorkflowDefinition,
  data: unknown,
  users: ReadonlyMap<string, User | null>,
): Problem[] {
  let people: Record<string, string | undefined>;
  try {
    people = definition.people(data as never);
  } catch {
    return [];
  }
  return Object.entries(people).flatMap(([field, username]) => {
    if (typeof username !== "string") return [];
    if (users.get(username.replace(/^@/, "").toLowerCase()) !== null) return [];
    return [
      {
        field,
        value: username,
        message:
          "no GitLab user has this username; use the username shown on their profile, with or without the leading at sign",
      },
    ];
  });
}

/** One line per problem, safe to render: the field, the value as written, the fix. */
export function describeProblem(problem: Problem): string {
  const value =
    problem.value === undefined
      ? ""
      : ` (is ${safeInline(typeof problem.value === "string" ? problem.value : JSON.stringify(problem.value), 80)})`;
  return `${safeInline(problem.field, 80)}${value}: ${safeInline(problem.message, 400)}`;
}
