import { execFile } from "node:child_process";
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { writeForeignBlob } from "../support/foreign-blob.js";
import { SNAPSHOT_NODE_MAJOR, snapshotBuildsHere } from "../support/snapshot-node.js";

const run = promisify(execFile);
const ROOT = new URL("../../", import.meta.url).pathname;
const WRAPPER = join(ROOT, "scripts/image/career-bot.sh");

/** The Dockerfile as instructions, each with its stage (no Docker engine here to build it). */
interface Instruction {
  stage: number;
  op: string;
  args: string;
}
function instructions(): Instruction[] {
  const text = readFileSync(join(ROOT, "Dockerfile"), "utf8").replace(/\\\n/g, " ");
  let stage = -1;
  return text
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.trimStart().startsWith("#"))
    .map((line) => {
      const [op = "", ...rest] = line.trim().split(/\s+/);
      if (op === "FROM") stage += 1;
      return { stage, op, args: rest.join(" ") };
    });
}

/** A directory with what the given COPY steps copy from the checkout, plus its node_modules. */
function buildContext(steps: Instruction[]): string {
  const context = mkdtempSync(join(tmpdir(), "career-bot-image-context-"));
  for (const step of steps.filter((s) => s.op === "COPY" && !s.args.startsWith("--from"))) {
    const [dest = "", ...sourcesReversed] = step.args.split(/\s+/).reverse();
    for (const source of sourcesReversed.reverse()) {
      const target = dest.endsWith("/") && !source.endsWith("/") ? join(dest, basename(source)) : dest;
      cpSync(join(ROOT, source), join(context, target), { recursive: true });
    }
  }
  symlinkSync(join(ROOT, "node_modules"), join(context, "node_modules"));
  return context;
}

/** `career-bot` as the image runs it, with CAREER_BOT_HOME in place of /opt/career-bot. */
function careerBot(home: string, args: string[], extra: NodeJS.ProcessEnv = {}) {
  const env = { PATH: `${dirname(process.execPath)}:${process.env.PATH}`, CAREER_BOT_HOME: home, ...extra };
  return run("sh", [WRAPPER, ...args], { env, cwd: home, timeout: 60_000 }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
  );
}

describe("the Dockerfile", () => {
  const steps = instructions();
  const final = Math.max(...steps.map((step) => step.stage));

  it("builds on Node 24, and the snapshot on the very node that runs it", () => {
    expect(steps[0]).toEqual({ stage: -1, op: "ARG", args: "NODE_IMAGE=node:24-alpine" });
    const froms = steps.filter((step) => step.op === "FROM").map((step) => step.args);
    // One base; every later stage starts from it, so the build stage's node is the final one's.
    expect(froms).toEqual([`\${NODE_IMAGE} AS base`, "base AS build", "base"]);
    // The node scripts/bundle.mjs builds snapshots on is this one.
    const bundleScript = readFileSync(new URL("../../scripts/bundle.mjs", import.meta.url), "utf8");
    expect(/^const SNAPSHOT_NODE_MAJOR = (\d+);$/m.exec(bundleScript)?.[1]).toBe(String(SNAPSHOT_NODE_MAJOR));
    expect(steps[0]?.args).toBe(`NODE_IMAGE=node:${SNAPSHOT_NODE_MAJOR}-alpine`);
  });

  it.runIf(!snapshotBuildsHere)(
    `refuses to build the snapshot on a node other than ${SNAPSHOT_NODE_MAJOR}, saying why (Node 22's builder aborts)`,
    async () => {
      const out = mkdtempSync(join(tmpdir(), "career-bot-no-snapshot-"));
      const result = await run(process.execPath, [
        new URL("../../scripts/bundle.mjs", import.meta.url).pathname,
        "--outfile",
        join(out, "career-bot.mjs"),
      ]).then(
        () => ({ code: 0, stderr: "" }),
        (error: { code: number; stderr: string }) => error,
      );
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`the startup snapshot is built on Node ${SNAPSHOT_NODE_MAJOR}`);
      expect(result.stderr).toContain("--no-snapshot");
    },
    60_000,
  );

  it("runs no npm in the final image: it copies the bundle, the snapshot and the career-bot command", () => {
    const last = steps.filter((step) => step.stage === final);
    expect(last.map((step) => step.op)).toEqual(["FROM", "COPY", "COPY", "USER", "CMD"]);
    expect(last[1]!.args).toBe("--from=build /opt/career-bot/ /opt/career-bot/");
    expect(last[2]!.args).toBe("--chmod=755 scripts/image/career-bot.sh /usr/local/bin/career-bot");
    expect(last[3]!.args).toBe("node");
    expect(statSync(WRAPPER).mode & 0o111).not.toBe(0);
  });

  it("copies only files that exist and that .dockerignore keeps", () => {
    const ignored = readFileSync(join(ROOT, ".dockerignore"), "utf8")
      .split("\n")
      .filter((line) => line && !line.startsWith("#"));
    for (const step of steps.filter((s) => s.op === "COPY" && !s.args.startsWith("--from"))) {
      const sources = step.args
        .split(/\s+/)
        .filter((arg) => !arg.startsWith("--"))
        .slice(0, -1);
      for (const source of sources) {
        expect(existsSync(join(ROOT, source)), source).toBe(true);
        expect(ignored, source).not.toContain(source.replace(/\/$/, ""));
      }
    }
  });

  // The build stage's RUN, on this machine's node: the files the final image copies, built as the
  // image build builds them, then run through the image's command.
  // The image builds its snapshot on its own node, 24: run here on that node only.
  describe.runIf(snapshotBuildsHere)("its build step and the image's career-bot command, run here", () => {
    const home = mkdtempSync(join(tmpdir(), "career-bot-image-"));
    beforeAll(async () => {
      const build = steps.find((step) => step.op === "RUN" && step.args.includes("scripts/bundle.mjs"))!;
      const script = build.args
        .replaceAll("/opt/career-bot", home)
        .replace(/\bnode\b/g, `"${process.execPath}"`);
      // In a directory holding only what the build stage copies (and npm ci's node_modules), so a
      // file the bundle needs but the Dockerfile forgets fails here as it would in the image build.
      const context = buildContext(steps.filter((step) => step.stage === 1));
      await run("sh", ["-ec", script], { cwd: context, timeout: 120_000 });
    }, 180_000);

    it("starts from the snapshot and validates with the templates inside", async () => {
      const help = await careerBot(home, ["--help"]);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain("career-bot init [dir]");
      const project = mkdtempSync(join(tmpdir(), "career-bot-image-project-"));
      const validate = await run("sh", [WRAPPER, "validate"], {
        cwd: project,
        env: { PATH: `${dirname(process.execPath)}:${process.env.PATH}`, CAREER_BOT_HOME: home },
      });
      expect(validate.stdout).toContain("8 workflow(s)");
    });
  });
});

describe("the image's career-bot command (scripts/image/career-bot.sh)", () => {
  // A stand-in bundle and snapshot that print how they were started and exit with $EXIT_CODE.
  const home = mkdtempSync(join(tmpdir(), "career-bot-wrapper-"));
  const report =
    "console.log(WHO + ' ' + process.argv.slice(ARGS).join(' '));\n" +
    "process.exitCode = Number(process.env.EXIT_CODE ?? 0);\n";
  beforeAll(async () => {
    writeFileSync(join(home, "career-bot.mjs"), report.replace("WHO", "'bundle'").replace("ARGS", "2"));
    const entry = join(home, "entry.cjs");
    writeFileSync(
      entry,
      `require("node:v8").startupSnapshot.setDeserializeMainFunction(() => {\n${report
        .replace("WHO", "'snapshot'")
        .replace("ARGS", "1")}});\n`,
    );
    await run(process.execPath, ["--snapshot-blob", "career-bot.blob", "--build-snapshot", entry], {
      cwd: home,
    });
  }, 60_000);

  it("starts from the snapshot, passes every argument to career-bot and keeps its exit code", async () => {
    expect(await careerBot(home, ["handle"])).toEqual({ code: 0, stdout: "snapshot handle\n" });
    expect(await careerBot(home, ["--help"])).toEqual({ code: 0, stdout: "snapshot --help\n" });
    expect(await careerBot(home, ["sweep", "--group", "a b"])).toEqual({
      code: 0,
      stdout: "snapshot sweep --group a b\n",
    });
    expect(await careerBot(home, ["handle"], { EXIT_CODE: "1" })).toEqual({
      code: 1,
      stdout: "snapshot handle\n",
    });
    expect(await careerBot(home, ["handle"], { EXIT_CODE: "2" })).toEqual({
      code: 2,
      stdout: "snapshot handle\n",
    });
  });

  it("runs the bundle when node refuses the snapshot (exit 14) or there is none, and only then", async () => {
    const foreign = mkdtempSync(join(tmpdir(), "career-bot-wrapper-"));
    copyFileSync(join(home, "career-bot.mjs"), join(foreign, "career-bot.mjs"));
    writeForeignBlob(join(home, "career-bot.blob"), join(foreign, "career-bot.blob"));
    expect(await careerBot(foreign, ["handle"])).toEqual({ code: 0, stdout: "bundle handle\n" });
    expect(await careerBot(foreign, ["handle"], { EXIT_CODE: "2" })).toEqual({
      code: 2,
      stdout: "bundle handle\n",
    });
    const none = mkdtempSync(join(tmpdir(), "career-bot-wrapper-"));
    copyFileSync(join(home, "career-bot.mjs"), join(none, "career-bot.mjs"));
    expect(await careerBot(none, ["sweep"])).toEqual({ code: 0, stdout: "bundle sweep\n" });
  });
});
