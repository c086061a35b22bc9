import type { RecentPipeline } from "../port.js";
import { parseIso } from "./dates.js";
import { requireRole } from "./settings-ops.js";
import type { FakeGitLabState } from "./state.js";
import type { FakePipeline, FakeProject, FakeUser } from "./types.js";

/*
 * `GET /projects/:id/pipelines` as GitLab answers it (lib/api/ci/pipelines.rb,
 * app/finders/ci/pipelines_finder.rb): `read_pipeline` and `read_build` (Reporter on a private
 * project, else 403), the filters pacing uses, newest first (`order_by=id`, `sort=desc`).
 */

export interface PipelineFilter {
  /** Pipelines of this user; an unknown username matches none. */
  username?: string;
  source?: string;
  /** Both inclusive, as GitLab's `updated_after`/`created_after` (`gteq`). */
  updatedAfter?: string;
  createdAfter?: string;
}

export function projectPipelines(
  state: FakeGitLabState,
  user: FakeUser,
  project: FakeProject,
  filter: PipelineFilter,
): FakePipeline[] {
  requireRole(state, user, project, "reporter");
  const username = filter.username;
  const owner = username === undefined ? undefined : (state.findUser(username)?.id ?? null);
  const after = (iso: string, bound: string | undefined) =>
    bound === undefined || parseIso(iso) >= parseIso(bound);
  return state.pipelines
    .filter(
      (pipeline) =>
        pipeline.projectId === project.id &&
        (owner === undefined || pipeline.userId === owner) &&
        (filter.source === undefined || pipeline.source === filter.source) &&
        after(pipeline.updatedAt, filter.updatedAfter) &&
        after(pipeline.createdAt, filter.createdAfter),
    )
    .sort((a, b) => b.id - a.id);
}

/** `Entities::Ci::PipelineBasic` (what the list shows). */
export function restPipeline(state: FakeGitLabState, pipeline: FakePipeline): Record<string, unknown> {
  const project = state.requireProject(pipeline.projectId);
  return {
    id: pipeline.id,
    iid: pipeline.id,
    project_id: pipeline.projectId,
    sha: "0".repeat(40),
    ref: pipeline.ref,
    status: "success",
    source: pipeline.source,
    created_at: pipeline.createdAt,
    updated_at: pipeline.updatedAt,
    web_url: `${state.webUrl}/${project.path}/-/pipelines/${pipeline.id}`,
  };
}

export function portPipeline(pipeline: FakePipeline): RecentPipeline {
  return { id: pipeline.id, createdAt: pipeline.createdAt, source: pipeline.source };
}
