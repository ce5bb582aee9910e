import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { PREDICTOR_BUNDLE } from "../../../src/cli/predictorBundle.ts";
import type { ModelFile } from "../../../src/core/deploy/modelFile.ts";
import { copyOf, PENGUINS, resealed, trainedFile } from "../core/deploy/modelFiles.ts";
import { parseHtml } from "../core/safe/parsedHtml.ts";
import { runCli } from "./runCli.ts";

const dir = mkdtempSync(join(tmpdir(), "export-cli-"));
const at = (name: string) => join(dir, name);
let file: ModelFile;

beforeAll(async () => {
  file = await trainedFile("gbdt", "species");
  // What `train --out` writes: the bare pipeline.
  writeFileSync(at("bare.json"), JSON.stringify(file.pipeline));
  writeFileSync(at("model.json"), JSON.stringify(file));
});

describe("export", () => {
  it("writes the model file of a bare pipeline, with its card from --data, and predict reads both alike", async () => {
    const res = await runCli(
      "export",
      at("bare.json"),
      "--format",
      "json",
      "--out",
      at("out.json"),
      "--data",
      PENGUINS,
    );
    expect(res.stderr).toBe("");
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/^Wrote the model file to .*out\.json \(\d+ kB\)\.$/);
    const written = JSON.parse(readFileSync(at("out.json"), "utf8")) as ModelFile;
    expect(written.format).toBe("automl-playground-model");
    expect(written.card.training_rows).toBe(344);
    expect(written.card.inputs).toEqual(file.card.inputs);
    expect(written.card.data_fingerprint).toBe(file.card.data_fingerprint);
    expect(written.card.app_version).toBe(JSON.parse(readFileSync("package.json", "utf8")).version);
    const fromBare = await runCli("predict", at("bare.json"), PENGUINS);
    const fromFile = await runCli("predict", at("out.json"), PENGUINS);
    expect(fromBare.code).toBe(0);
    expect(fromFile.stdout).toBe(fromBare.stdout);
    expect(fromFile.stdout.split("\n")[0]).toBe("prediction,proba_Adelie,proba_Chinstrap,proba_Gentoo");
  });

  it("says when a bare pipeline gets only a minimal card", async () => {
    const res = await runCli("export", at("bare.json"), "--format", "json", "--out", at("minimal.json"));
    expect(res.code).toBe(0);
    expect(res.stderr).toBe(
      "Note: This is a bare pipeline file without a model card: the card shows only what the pipeline says.",
    );
    expect(JSON.parse(readFileSync(at("minimal.json"), "utf8")).card.training_rows).toBe(0);
  });

  it("writes a single-file HTML predictor with its own policy, the model inside as text", async () => {
    const res = await runCli("export", at("model.json"), "--format=html", "--out", at("p.html"));
    expect(res.stderr).toBe("");
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/^Wrote the HTML predictor to .*p\.html \(\d+ kB\)\.$/);
    const parsed = parseHtml(readFileSync(at("p.html"), "utf8"));
    const scripts = parsed.elements.filter((e) => e.tagName === "script");
    expect(scripts).toHaveLength(1);
    const code = (scripts[0].childNodes[0] as { value: string }).value;
    // The predictor script as built, allowed by its hash and by nothing else.
    expect(code === readFileSync(PREDICTOR_BUNDLE, "utf8")).toBe(true);
    const hash = createHash("sha256").update(code).digest("base64");
    expect(parsed.csp).toBe(
      `default-src 'none'; script-src 'sha256-${hash}'; style-src 'unsafe-inline'; img-src data:; connect-src 'none'; form-action 'none'; base-uri 'none'; object-src 'none'; frame-src 'none'`,
    );
  }, 120_000);

  it("exits 2 with one sentence for bad arguments and for damaged or foreign files", async () => {
    const tampered = copyOf(file);
    tampered.pipeline.model.state.trees[0].left[1] = 4096;
    writeFileSync(at("nodes.json"), JSON.stringify(await resealed(tampered)));
    const changed = copyOf(file);
    changed.card.scores.cv_mean = 1;
    writeFileSync(at("changed.json"), JSON.stringify(changed));
    writeFileSync(at("newer.json"), JSON.stringify(await resealed({ ...copyOf(file), format_version: 9 })));
    writeFileSync(at("text.json"), "not json");
    const cases: [string[], RegExp][] = [
      [
        ["export", at("model.json"), "--out", at("x")],
        /^--format must be html, json or onnx \(got nothing\)\.$/,
      ],
      [
        ["export", at("model.json"), "--format", "pdf", "--out", at("x")],
        /^--format must be html, json or onnx \(got "pdf"\)\.$/,
      ],
      [["export", at("model.json"), "--format", "json"], /^export needs --out FILE/],
      [["export", "--format", "json", "--out", at("x")], /^export needs a model file/],
      [
        ["export", at("model.json"), "--format", "json", "--out", at("x"), "--nope"],
        /^Unknown option "--nope"/,
      ],
      [["export", at("none.json"), "--format", "json", "--out", at("x")], /there is no such file\.$/],
      [
        ["export", at("nodes.json"), "--format", "html", "--out", at("x")],
        /^Cannot use ".*nodes\.json" as a model: gbdt: .*left.*4096/,
      ],
      [["predict", at("nodes.json"), PENGUINS], /^Cannot use ".*nodes\.json" as a model: gbdt: .*left.*4096/],
      [
        ["predict", at("changed.json"), PENGUINS],
        /^Cannot use ".*changed\.json" as a model: the file was changed after export \(checksum mismatch\)\.$/,
      ],
      [
        ["predict", at("newer.json"), PENGUINS],
        /^Cannot use ".*newer\.json" as a model: this model file was made by a newer version of the app \(format 9; this app reads 1\)\.$/,
      ],
      [
        ["predict", at("text.json"), PENGUINS],
        /^Cannot use ".*text\.json" as a model: the file is not JSON\.$/,
      ],
    ];
    for (const [args, message] of cases) {
      const res = await runCli(...args);
      expect(res.code, args.join(" ")).toBe(2);
      expect(res.stdout, args.join(" ")).toBe("");
      expect(res.stderr, args.join(" ")).toMatch(message);
      expect(res.stderr.split("\n"), args.join(" ")).toHaveLength(1);
    }
  });
});
