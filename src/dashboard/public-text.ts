/*
 * What a dashboard made non-confidential shows instead of its content. The content names people,
 * their workflows' stages and outcomes, and links their (confidential) issues; once everybody in
 * the project can read the dashboard, none of that may stay. This text says only why it is empty
 * and how to get it back: no name, no link to a workflow issue, no line starting with `/` (it is a
 * description the bot writes, and GitLab would run such a line as a quick action).
 */
export const PUBLIC_DASHBOARD_TEXT = [
  ":lock: **This dashboard is not confidential, so career-bot has removed its content.**",
  "",
  "It lists people's career workflows, which only the people who can read confidential issues may see,",
  "and this issue was made readable by everyone in the project.",
  "",
  'To restore it, make this issue confidential again (the "Confidentiality" setting in the sidebar):',
  "the next run of career-bot writes the full dashboard back.",
].join("\n");
