#!/usr/bin/env node
// Bundles the benchmark (bench/run.ts and the src it drives) into dist/bench/run.mjs with esbuild.
// Packages stay external (resolved from node_modules); dist/bench/ sits two levels below the root,
// like dist/engine/, so the Renderer finds templates/ where it looks for them.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
await build({
  entryPoints: [join(root, "bench", "run.ts")],
  outfile: join(root, "dist", "bench", "run.mjs"),
  bundle: true,
  packages: "external",
  platform: "node",
  target: "node20",
  format: "esm",
  logLevel: "warning",
});
