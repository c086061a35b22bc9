/** The in-memory GitLab for tests and benchmarks: state, port adapter, HTTP server, human actions. */
export { FakeGitLab, toIssueFilter } from "./adapter.js";
export type { Duration } from "./dates.js";
export type { ApiAnswer, ApiRequest } from "./http-api.js";
export { FakeGitLabApi } from "./http-api.js";
export type { FakeServerOptions, Fault, FaultHook, FaultRequest, RunningServer } from "./http-server.js";
export { FakeGitLabServer } from "./http-server.js";
export type { HumanCommentResult, HumanIssueResult, NewHumanIssue } from "./human.js";
export { HumanActor } from "./human.js";
export { inProcessTransport } from "./in-process-transport.js";
export { FakeApiError } from "./ops.js";
export type { HookLabel, HookUser, IssueHookPayload, NoteHookPayload, WebhookPayload } from "./payloads.js";
export type { FakeStateSeed } from "./state.js";
export { FakeGitLabState } from "./state.js";
export { TICK_NOTE_FORMATS, type TickNoteFormat } from "./tick-notes.js";
export type { FakeIssue, FakeLabel, FakeNote, FakeProject, FakeUser, QuickActionRecord } from "./types.js";
