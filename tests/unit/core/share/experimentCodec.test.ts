import { describe, expect, it } from "vitest";
import { gzip } from "../../../../src/core/share/compress.ts";
import { EXPERIMENT_FORMAT, type SharedExperiment } from "../../../../src/core/share/experiment.ts";
import {
  experimentFile,
  linkPayload,
  packExperiment,
  readExperimentFile,
  readLinkPayload,
} from "../../../../src/core/share/experimentCodec.ts";
import type { ShareProblem } from "../../../../src/core/share/shareError.ts";

const known = { phases: ["frame", "data", "prepare", "train"], models: ["baseline", "linear", "gbdt"] };

const experiment: SharedExperiment = {
  format: EXPERIMENT_FORMAT,
  version: 1,
  name: "Iris — lesson 1",
  phase: "train",
  data: {
    name: "iris.csv",
    csv: 'a,b,target\n1.5,x,y\n2,"q, r",n\n',
    rows: 2,
    columns: [
      { name: "a", kind: "numeric" },
      { name: "b", kind: "categorical" },
      { name: "target", kind: "categorical" },
    ],
    sha256: "a".repeat(64),
  },
  framing: { target: "target", metric: "accuracy", criterion: "accuracy >= 0.9", positiveClass: null },
  recipe: {
    version: 1,
    target: "target",
    steps: [{ id: "s1", type: "impute", enabled: true, columns: "auto", params: { strategy: "median" } }],
  },
  split: { type: "holdout", stratify: "target", testFraction: 0.25, folds: 3, seed: 42 },
  run: { models: ["baseline", "gbdt"], mlpEpochs: null, ensemble: false, tune: "thorough" },
  teacher: {
    locked: ["framing", "split"],
    hidden: ["prepare"],
    hideAdvanced: true,
    notes: { train: "Which model wins, and by how much?" },
  },
};

const packed = await packExperiment(experiment);
const payload = linkPayload(packed);
const file = experimentFile(packed);

/** The experiment as JSON with one change, packed into a link payload. */
async function linkWith(change: (e: Record<string, unknown>) => void): Promise<string> {
  const e = structuredClone(experiment) as unknown as Record<string, unknown>;
  change(e);
  return linkPayload(await gzip(new TextEncoder().encode(JSON.stringify(e))));
}
/** Replaces the character at `at` with another base64url character. */
const flip = (s: string, at: number) => s.slice(0, at) + (s[at] === "A" ? "B" : "A") + s.slice(at + 1);
const data = (e: Record<string, unknown>) => e.data as Record<string, unknown>;

describe("experiment link and file", () => {
  it("round-trips through a link payload and a file, field for field", async () => {
    expect(payload).toMatch(/^1\.\d+\.[A-Za-z0-9_-]+$/);
    expect(await readLinkPayload(payload, known)).toEqual(experiment);
    expect(await readExperimentFile(file, known)).toEqual(experiment);
  });

  it("round-trips an experiment without teacher, framing, recipe, split or run", async () => {
    const bare = { ...experiment, framing: null, recipe: null, split: null, run: null, teacher: null };
    expect(await readLinkPayload(linkPayload(await packExperiment(bare)), known)).toEqual(bare);
  });

  // Each damaged input, the kind of problem it is, and words the message must contain.
  const cases: [string, () => Promise<string>, ShareProblem, RegExp][] = [
    ["empty payload", async () => "", "truncated", /holds no experiment/],
    ["not our link", async () => "hello-world", "not-experiment", /does not hold/],
    [
      "newer version in the link",
      async () => payload.replace(/^1\./, "2."),
      "too-new",
      /newer version.*format 2/,
    ],
    ["version 0", async () => payload.replace(/^1\./, "0."), "damaged", /format 0/],
    [
      "cut short by 10 characters",
      async () => payload.slice(0, -10),
      "truncated",
      /cut short: it has \d+ of its \d+ bytes/,
    ],
    ["cut in half", async () => payload.slice(0, payload.length / 2), "truncated", /cut short/],
    [
      "a character not in base64url",
      async () => `${payload.slice(0, 20)}*${payload.slice(21)}`,
      "damaged",
      /"\*" at position/,
    ],
    [
      "a changed character in the middle",
      async () => flip(payload, Math.floor(payload.length / 2)),
      "damaged",
      /damaged and does not unpack/,
    ],
    [
      "a changed character near the end (checksum)",
      async () => flip(payload, payload.length - 8),
      "damaged",
      /damaged/,
    ],
    ["bytes added", async () => `${payload}AAAA`, "damaged", /bytes more than it says/],
    [
      "gzip of text that is not JSON",
      async () => linkPayload(await gzip(new TextEncoder().encode("{not json"))),
      "damaged",
      /not readable JSON/,
    ],
    [
      "JSON without the experiment tag",
      async () => linkPayload(await gzip(new TextEncoder().encode('{"a":1}'))),
      "not-experiment",
      /not an AutoML Playground experiment/,
    ],
    [
      "newer version inside",
      () =>
        linkWith((e) => {
          e.version = 7;
        }),
      "too-new",
      /format 7/,
    ],
    [
      "no data",
      () =>
        linkWith((e) => {
          delete e.data;
        }),
      "invalid",
      /^data: expected an object, got nothing/,
    ],
    [
      "CSV not text",
      () =>
        linkWith((e) => {
          data(e).csv = 12;
        }),
      "invalid",
      /^data\.csv: expected text, got 12/,
    ],
    [
      "unknown column kind",
      () =>
        linkWith((e) => {
          (data(e).columns as { kind: string }[])[1].kind = "colour";
        }),
      "invalid",
      /^data\.columns\[1\]\.kind: expected one of numeric/,
    ],
    [
      "hash not a SHA-256",
      () =>
        linkWith((e) => {
          data(e).sha256 = "xyz";
        }),
      "invalid",
      /^data\.sha256: expected 64 hexadecimal/,
    ],
    [
      "rows negative",
      () =>
        linkWith((e) => {
          data(e).rows = -3;
        }),
      "invalid",
      /^data\.rows: expected a whole number/,
    ],
    [
      "unknown phase to open",
      () =>
        linkWith((e) => {
          e.phase = "party";
        }),
      "invalid",
      /^phase: expected one of frame/,
    ],
    [
      "opens on a hidden phase",
      () =>
        linkWith((e) => {
          e.phase = "prepare";
        }),
      "invalid",
      /^phase: expected a phase the teacher did not hide/,
    ],
    [
      "recipe step without a type",
      () =>
        linkWith((e) => {
          (e.recipe as { steps: Record<string, unknown>[] }).steps[0].type = 5;
        }),
      "invalid",
      /^recipe: step 1: type: expected a step type, got 5/,
    ],
    [
      "seed out of range",
      () =>
        linkWith((e) => {
          (e.split as Record<string, unknown>).seed = -1;
        }),
      "invalid",
      /^split: The seed must be a whole number/,
    ],
    [
      "unknown split kind",
      () =>
        linkWith((e) => {
          (e.split as Record<string, unknown>).type = "random";
        }),
      "invalid",
      /^split: Unknown kind of split/,
    ],
    [
      "unknown model",
      () =>
        linkWith((e) => {
          (e.run as { models: string[] }).models = ["gpt"];
        }),
      "invalid",
      /^run\.models\[0\]: expected a model of this app/,
    ],
    [
      "no models",
      () =>
        linkWith((e) => {
          (e.run as { models: string[] }).models = [];
        }),
      "invalid",
      /^run\.models: expected at least one model/,
    ],
    [
      "ensemble not a boolean",
      () =>
        linkWith((e) => {
          (e.run as Record<string, unknown>).ensemble = "yes";
        }),
      "invalid",
      /^run\.ensemble: expected true or false/,
    ],
    [
      "unknown tuning preset",
      () =>
        linkWith((e) => {
          (e.run as Record<string, unknown>).tune = "forever";
        }),
      "invalid",
      /^run\.tune: expected one of off, quick, thorough, got "forever"/,
    ],
    [
      "too many trials",
      () =>
        linkWith((e) => {
          (e.run as Record<string, unknown>).tune = 5000;
        }),
      "invalid",
      /^run\.tune: expected a whole number from 0 to 200, got 5000/,
    ],
    [
      "unknown lock",
      () =>
        linkWith((e) => {
          (e.teacher as { locked: string[] }).locked = ["data"];
        }),
      "invalid",
      /^teacher\.locked\[0\]: expected one of framing/,
    ],
    [
      "note for an unknown phase",
      () =>
        linkWith((e) => {
          (e.teacher as { notes: object }).notes = { lunch: "x" };
        }),
      "invalid",
      /^teacher\.notes \(a key\)/,
    ],
    [
      "note far too long",
      () =>
        linkWith((e) => {
          (e.teacher as { notes: object }).notes = { train: "x".repeat(5000) };
        }),
      "invalid",
      /^teacher\.notes\.train: expected at most 2000 characters/,
    ],
  ];

  it.each(cases)("refuses a link: %s", async (_, make, problem, words) => {
    const err = await readLinkPayload(await make(), known).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: "ShareError", problem });
    expect((err as Error).message).toMatch(words);
  });

  const fileCases: [string, () => Uint8Array, ShareProblem, RegExp][] = [
    [
      "a CSV renamed .automl",
      () => new TextEncoder().encode("a,b\n1,2\n"),
      "not-experiment",
      /not an AutoML Playground experiment/,
    ],
    [
      "a damaged first line",
      () => {
        const f = file.slice();
        f[20] = 0x78;
        return f;
      },
      "damaged",
      /first line is damaged/,
    ],
    [
      "a newer format",
      () => {
        const f = file.slice();
        f[18] = 0x39;
        return f;
      },
      "too-new",
      /format 9/,
    ],
    ["cut short", () => file.subarray(0, file.length - 100), "truncated", /file is cut short/],
    [
      "a changed byte",
      () => {
        const f = file.slice();
        f[f.length - 30] ^= 0xff;
        return f;
      },
      "damaged",
      /damaged/,
    ],
  ];

  it.each(fileCases)("refuses a file: %s", async (_, make, problem, words) => {
    const err = await readExperimentFile(make(), known).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: "ShareError", problem });
    expect((err as Error).message).toMatch(words);
  });

  it("refuses a payload that unpacks to more than the limit without unpacking it all", async () => {
    const bomb = linkPayload(await gzip(new Uint8Array(8 * 2 ** 20)));
    expect(bomb.length).toBeLessThan(20_000);
    const err = await readLinkPayload(bomb, known, 2 ** 20).catch((e: unknown) => e);
    expect(err).toMatchObject({ problem: "invalid" });
    expect((err as Error).message).toMatch(/more than 1 MiB/);
  });
});
