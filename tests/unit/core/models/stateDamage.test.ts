import { describe, expect, it } from "vitest";
import type { Task } from "../../../../src/core/models/estimator.ts";
import { MODELS, type ModelSpec, modelFromJSON } from "../../../../src/core/models/registry.ts";
import { synthetic } from "./datasets.ts";

// Damaged and tampered artifacts, over every registered model and task: each must be refused
// with a ValidationError whose message starts with the model's tag and names the damaged part,
// never a TypeError, a NotFittedError ("call fit before predict") or a stack overflow.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** A damaged copy: the value at `path` replaced (or deleted when `value` is DELETE). */
const DELETE = Symbol("delete");
function damaged(artifact: Json, path: Path, value: unknown): unknown {
  const copy = structuredClone(artifact) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (value === DELETE) {
    if (Array.isArray(node)) node.length = last as number;
    else delete node[last];
  } else {
    // defineProperty, so that "__proto__" becomes an own key as JSON.parse makes it, not a prototype.
    Object.defineProperty(node, last, { value, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

/** Keys whose JSON null is meaningful: a tree's Infinity threshold and NaN impurity, a missing OOB score or curve. */
const NULL_OK = new Set(["threshold", "impurity", "oob_score", "validation_loss"]);

interface Damage {
  what: string;
  path: Path;
  value: unknown;
  /** A word the message must contain (the damaged key), when the damage is local to it. */
  names?: string;
}

/**
 * The damage table, derived from a real artifact: for every array, a cut copy; for a few entries
 * of every number array (first, middle, last) null, a string, 1e999 (Infinity once parsed) and
 * NaN; for every scalar field a wrong type and a non-finite number; every required key deleted;
 * every object replaced by a string and given a `__proto__` and a `constructor` key.
 */
function damageTable(state: Json): Damage[] {
  const out: Damage[] = [];
  const visit = (node: Json, path: Path, key: string) => {
    if (Array.isArray(node)) {
      if (node.length > 0)
        out.push({ what: `${path.join(".")} cut short`, path: [...path, node.length - 1], value: DELETE });
      const numeric = node.every((v) => typeof v === "number" || v === null);
      if (numeric && node.length > 0) {
        for (const i of new Set([0, node.length >> 1, node.length - 1])) {
          const at = [...path, i];
          if (!NULL_OK.has(key))
            out.push({ what: `${at.join(".")} = null`, path: at, value: null, names: key });
          out.push({ what: `${at.join(".")} = "1"`, path: at, value: "1", names: key });
          out.push({
            what: `${at.join(".")} = 1e999`,
            path: at,
            value: Number.POSITIVE_INFINITY,
            names: key,
          });
          out.push({ what: `${at.join(".")} = NaN`, path: at, value: Number.NaN, names: key });
        }
      } else for (let i = 0; i < node.length; i++) visit(node[i], [...path, i], key);
      return;
    }
    if (node !== null && typeof node === "object") {
      out.push({ what: `${path.join(".")} = "x"`, path, value: "x" });
      for (const bad of ["__proto__", "constructor"]) {
        out.push({
          what: `${path.join(".")} with ${bad}`,
          path: [...path, bad],
          value: { polluted: true },
          names: bad,
        });
      }
      for (const k of Object.keys(node)) {
        out.push({ what: `${[...path, k].join(".")} deleted`, path: [...path, k], value: DELETE, names: k });
        visit(node[k], [...path, k], k);
      }
      return;
    }
    if (typeof node === "number") {
      if (!NULL_OK.has(key)) out.push({ what: `${path.join(".")} = null`, path, value: null, names: key });
      out.push({ what: `${path.join(".")} = "7"`, path, value: "7", names: key });
      out.push({ what: `${path.join(".")} = 1e999`, path, value: Number.POSITIVE_INFINITY, names: key });
    } else if (typeof node === "string")
      out.push({ what: `${path.join(".")} = 5`, path, value: 5, names: key });
    else if (typeof node === "boolean")
      out.push({ what: `${path.join(".")} = "true"`, path, value: "true", names: key });
  };
  visit(state, ["state"], "state");
  return out;
}

/** The error `fromJSON` ends with, after a JSON trip where the damage survives one (1e999 does, as Infinity). */
function refusal(spec: ModelSpec, artifact: unknown): Error | undefined {
  try {
    spec.fromJSON(artifact);
  } catch (err) {
    return err as Error;
  }
  return undefined;
}

const cases = MODELS.flatMap((spec) => spec.tasks.map((task) => ({ id: spec.id, task, spec })));

describe.each(cases)("$id ($task) refuses damaged artifacts", ({ spec, task }) => {
  const { X, y } = synthetic(task as Task, 40, 21);
  // Few trees and iterations keep the table (and the test) small.
  const small: Record<string, Record<string, unknown>> = {
    random_forest: { n_estimators: 2, max_depth: 3 },
    extra_trees: { n_estimators: 2, max_depth: 3 },
    gbdt: { max_iter: 2, max_leaf_nodes: 4 },
    decision_tree: { max_depth: 3 },
    mlp: { hidden_layer_sizes: [3], max_epochs: 2 },
  };
  const type = spec.artifactType ?? spec.id;

  it("in every part of its state", async () => {
    const model = await spec.create(small[spec.id], task as Task).fit(X, y, { seed: 1 });
    const artifact = JSON.parse(JSON.stringify(model.toJSON())) as Json;
    const table = damageTable((artifact as { state: Json }).state);
    expect(table.length).toBeGreaterThan(10);
    for (const d of table) {
      const err = refusal(spec, damaged(artifact, d.path, d.value));
      expect(err, d.what).toBeDefined();
      expect(err!.name, `${d.what}: ${err!.message}`).toBe("ValidationError");
      expect(err!.message, d.what).toMatch(new RegExp(`^${type}: `));
      if (d.names) expect(err!.message, d.what).toContain(d.names);
      expect(err!.message, d.what).not.toMatch(/call fit/);
    }
  });

  it("in its envelope and params", async () => {
    const model = await spec.create(small[spec.id], task as Task).fit(X, y, { seed: 1 });
    const artifact = JSON.parse(JSON.stringify(model.toJSON())) as Record<string, Json>;
    const bad: [string, unknown, RegExp][] = [
      ["null", null, /^not a model artifact: expected an object, got null$/],
      ["an array", [artifact], /^not a model artifact: expected an object, got an array$/],
      [
        "no type",
        { ...artifact, type: undefined },
        new RegExp(`^not a ${type} artifact: its type is undefined$`),
      ],
      ["an extra key", { ...artifact, extra: 1 }, new RegExp(`^${type}: artifact: unexpected key "extra"$`)],
      ["no state", { ...artifact, state: undefined }, new RegExp(`^${type}: state: expected`)],
      [
        "params not an object",
        { ...artifact, params: 3 },
        new RegExp(`^${type}: params: expected an object, got 3$`),
      ],
      [
        "an unknown param",
        { ...artifact, params: { ...(artifact.params as object), nope: 1 } },
        /params: unexpected key "nope"$/,
      ],
      ["a polluting param", JSON.parse(`{"__proto__": {"x": 1}}`), /params: forbidden key "__proto__"$/],
    ];
    bad[7][1] = { ...artifact, params: bad[7][1] };
    const first = Object.keys(artifact.params as object)[0];
    bad.push([
      `params.${first} = 1e999`,
      { ...artifact, params: { ...(artifact.params as object), [first]: Number.POSITIVE_INFINITY } },
      new RegExp(`params.${first}: not a finite number`),
    ]);
    bad.push([
      `params.${first} = {}`,
      { ...artifact, params: { ...(artifact.params as object), [first]: {} } },
      new RegExp(`params.${first}: expected a number, string`),
    ]);
    for (const [what, value, message] of bad) {
      const err = refusal(spec, value);
      expect(err?.name, what).toBe("ValidationError");
      expect(err?.message, what).toMatch(message);
    }
  });

  it("deeply nested or cyclic, without a stack overflow", async () => {
    const model = await spec.create(small[spec.id], task as Task).fit(X, y, { seed: 1 });
    const artifact = JSON.parse(JSON.stringify(model.toJSON())) as Record<string, unknown>;
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 100_000; i++) deep = deep.next = {};
    const cyclic: Record<string, unknown> = { ...(artifact.state as object) };
    cyclic.self = cyclic;
    const params: Record<string, unknown> = { ...(artifact.params as object) };
    params[Object.keys(params)[0]] = params;
    for (const value of [
      { ...artifact, state: root },
      { ...artifact, state: cyclic },
      { ...artifact, params },
    ]) {
      expect(refusal(spec, value)?.name).toBe("ValidationError");
      expect(() => modelFromJSON(value)).toThrow(expect.objectContaining({ name: "ValidationError" }));
    }
  });
});
