import type { Pipelines } from "@gitbeaker/core";
import * as z from "zod";
import type { ProjectRef, RecentPipeline, RecentPipelineQuery } from "./port.js";
import { PipelineResponse } from "./schema.js";

/** The gitbeaker resource pacing reads (gitbeaker.ts builds it on first use). */
export interface PipelinesApi {
  readonly Pipelines: Pipelines;
}

/**
 * `GET /projects/:id/pipelines?username=&updated_after=&per_page=100`, one page, newest first (GitLab
 * orders by id, descending). `updated_after` (GitLab 12.6+) rather than `created_after`, which older
 * GitLab drops: a pipeline is updated at or after its creation, so the answer holds every pipeline
 * created since then (and some older ones still running, filtered out here by `created_at`).
 */
export async function listRecentPipelines(
  api: PipelinesApi,
  project: ProjectRef,
  query: RecentPipelineQuery,
): Promise<RecentPipeline[]> {
  const since = Date.parse(query.createdAfter);
  const answer = await api.Pipelines.all(project, {
    username: query.username,
    updatedAfter: query.createdAfter,
    perPage: 100,
    maxPages: 1,
  });
  return z
    .array(PipelineResponse)
    .parse(answer)
    .filter((pipeline) => Date.parse(pipeline.created_at) >= since)
    .map((pipeline) => ({ id: pipeline.id, createdAt: pipeline.created_at, source: pipeline.source ?? "" }));
}
