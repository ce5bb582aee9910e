import { execFile } from "node:child_process";
import { readFile, stat } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../../", import.meta.url));

/** Runs bin/automl-playground.mjs with AUTOML_CLI_BUNDLE=`mode` ("only": the bundle, "off": tsx). */
function cli(
  mode: "only" | "off",
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["bin/automl-playground.mjs", ...args],
      { cwd: root, env: { ...process.env, AUTOML_CLI_BUNDLE: mode }, maxBuffer: 1 << 24 },
      (err, stdout, stderr) => {
        const code = err ? ((err as { code?: number }).code ?? 1) : 0;
        resolve({ code: typeof code === "number" ? code : 1, stdout, stderr });
      },
    );
  });
}

/** The --json leaderboard without its timings. */
function untimed(stdout: string) {
  const json = JSON.parse(stdout) as { leaderboard: { fit_seconds?: number }[] };
  for (const e of json.leaderboard) delete e.fit_seconds;
  return json;
}

describe("the command line's bundle (bin/cliBundle.mjs)", () => {
  it("trains on a fold thread to the same leaderboard as the sources through tsx", async () => {
    // gbdt and the decision tree train on the pool's thread (the bundled foldThread.mjs); logistic here.
    const args = [
      "train",
      "tests/fixtures/penguins.csv",
      "--target",
      "species",
      "--models",
      "gbdt,decision_tree,logistic",
      "--folds",
      "3",
      "--tune",
      "off",
      "--threads",
      "2",
      "--json",
    ];
    const bundled = await cli("only", ...args);
    expect(bundled.stderr).toBe("");
    expect(bundled.code).toBe(0);
    const viaTsx = await cli("off", ...args);
    expect(viaTsx.code).toBe(0);
    const board = untimed(bundled.stdout);
    expect(board).toEqual(untimed(viaTsx.stdout));
    expect(board.leaderboard.map((e) => (e as { model: string }).model).sort()).toEqual([
      "decision_tree",
      "ensemble",
      "gbdt",
      "logistic",
    ]);
  }, 120_000);

  it("records the bundle it built with every input's size and time, the fold thread's entry beside main", async () => {
    const help = await cli("only", "help");
    expect(help.code).toBe(0);
    const manifest = JSON.parse(await readFile(`${root}node_modules/.automl-cli.json`, "utf8")) as {
      dir: string;
      inputs: [string, number, number][];
    };
    const files = manifest.inputs.map((i) => i[0]);
    expect(files).toContain("src/cli/main.ts");
    expect(files).toContain("src/cli/foldThread.ts");
    expect(files).toContain("bin/cliBundle.mjs");
    const [, size, mtime] = manifest.inputs.find((i) => i[0] === "src/cli/train.ts")!;
    const s = await stat(`${root}src/cli/train.ts`);
    expect([size, mtime]).toEqual([s.size, s.mtimeMs]);
    for (const entry of ["main.mjs", "foldThread.mjs"])
      expect((await stat(`${root}node_modules/${manifest.dir}/${entry}`)).isFile()).toBe(true);
  }, 60_000);
});
