/**
 * The node major the startup snapshot is built on (scripts/bundle.mjs SNAPSHOT_NODE_MAJOR, the
 * Dockerfile's NODE_IMAGE). The suite runs on Node 22 and 24 (.ci/run): the tests that build or
 * start a snapshot run on 24, and on 22 the test that the build refuses, saying why, runs instead.
 */
export const SNAPSHOT_NODE_MAJOR = 24;

export const snapshotBuildsHere = Number(process.versions.node.split(".")[0]) === SNAPSHOT_NODE_MAJOR;
