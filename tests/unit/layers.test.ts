import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ENGINE_MODULES, engineModulesIn } from "../../build/engineModules.ts";

// The layer rules of DESIGN.md, checked on the source: ui -> bridges -> workers -> core, core
// pure, framing below prep and profile, no import cycles, and a main thread without engine code.
const root = join(import.meta.dirname, "..", "..");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function offenders(dir: string, pattern: RegExp): string[] {
  return sources(join(root, dir))
    .filter((file) => pattern.test(readFileSync(file, "utf8")))
    .map((file) => relative(root, file));
}

/** One relative import of a file: the repository path it names and whether it is erased at runtime. */
interface Edge {
  to: string;
  typeOnly: boolean;
  /** A worker entry (`new URL("./x.worker.ts", import.meta.url)`): its own bundle, not this thread's. */
  worker?: boolean;
}

const STATIC = /^(?:import|export)\s+(type\s+)?([^;]*?)\s*from\s+["']([^"']+)["']/gm;
const BARE = /^import\s+["']([^"']+)["']/gm;
const DYNAMIC = /import\(\s*["']([^"']+)["']/g;
const WORKER = /new URL\(\s*["']([^"']+)["']/g;

/** Every relative import of a file (static, side-effect, dynamic and `new URL` worker entries). */
function importsOf(file: string): Edge[] {
  const text = readFileSync(file, "utf8");
  const at = (spec: string) => relative(root, resolve(dirname(file), spec.split("?")[0]));
  const edges: Edge[] = [];
  for (const m of text.matchAll(STATIC)) {
    if (!m[3].startsWith(".")) continue;
    const names = m[2].trim();
    const allTypes =
      /^\{[\s\S]*\}$/.test(names) &&
      names
        .slice(1, -1)
        .split(",")
        .map((n) => n.trim())
        .filter(Boolean)
        .every((n) => n.startsWith("type "));
    edges.push({ to: at(m[3]), typeOnly: Boolean(m[1]) || allTypes });
  }
  for (const m of text.matchAll(BARE))
    if (m[1].startsWith(".")) edges.push({ to: at(m[1]), typeOnly: false });
  for (const m of text.matchAll(DYNAMIC))
    if (m[1].startsWith(".")) edges.push({ to: at(m[1]), typeOnly: false });
  for (const m of text.matchAll(WORKER))
    if (m[1].startsWith(".")) edges.push({ to: at(m[1]), typeOnly: false, worker: true });
  return edges;
}

const graph = new Map<string, Edge[]>();
for (const dir of ["src", "workers"])
  for (const file of sources(join(root, dir))) graph.set(relative(root, file), importsOf(file));

/** "from -> to" for every import of a file under `from` that names a path under one of `to`. */
function crossings(from: string, to: readonly string[]): string[] {
  const out: string[] = [];
  for (const [file, edges] of graph) {
    if (!file.startsWith(`${from}/`)) continue;
    for (const e of edges) if (to.some((t) => e.to.startsWith(`${t}/`))) out.push(`${file} -> ${e.to}`);
  }
  return out;
}

/** Strongly connected groups of more than one file (Tarjan), over every import, types included. */
function cycles(files: readonly string[]): string[][] {
  const inSet = new Set(files);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const { to: w } of graph.get(v) ?? []) {
      if (!inSet.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) out.push(group.sort());
    }
  };
  for (const f of files) if (!index.has(f)) visit(f);
  return out;
}

/** Files the UI loads at runtime: its value imports, followed transitively (type imports are erased). */
function runtimeClosure(entries: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const todo = [...entries];
  while (todo.length > 0) {
    const f = todo.pop()!;
    if (seen.has(f) || !existsSync(join(root, f))) continue;
    seen.add(f);
    for (const e of graph.get(f) ?? []) if (!e.typeOnly && !e.worker && /\.tsx?$/.test(e.to)) todo.push(e.to);
  }
  return seen;
}

describe("layers", () => {
  it("keeps src/core free of DOM, Solid, idb, Comlink, tfjs backends and Node built-ins", () => {
    const forbidden =
      /from\s+["'](solid-js[^"']*|idb|comlink|@tensorflow\/tfjs-backend-[a-z]+|node:[a-z/]+|fs|path)["']|\b(document|window|localStorage|indexedDB)\./;
    expect(offenders("src/core", forbidden)).toEqual([]);
  });

  it("never calls Math.random in src/core (one seeded generator drives every random choice)", () => {
    expect(offenders("src/core", /Math\.random/)).toEqual([]);
  });

  it("imports worker modules into the UI as types only", () => {
    const valueImport = /^import\s+(?!type\b)[^;]*from\s+["'][./]*workers\//m;
    expect(offenders("src/ui", valueImport)).toEqual([]);
  });

  it("keeps idb inside src/persist", () => {
    const files = [...sources(join(root, "src")), ...sources(join(root, "workers"))].filter(
      (f) => !f.includes(`${join("src", "persist")}`),
    );
    expect(files.filter((f) => /from\s+["']idb["']/.test(readFileSync(f, "utf8")))).toEqual([]);
  });

  it("sees the imports it checks (the graph is not empty)", () => {
    expect(graph.get("src/core/pipeline/stepRegistry.ts")?.map((e) => e.to)).toContain(
      "src/core/prep/steps/impute.ts",
    );
  });

  it("imports one way: core nothing from persist, ui, workers or cli; persist nothing from ui or workers; workers nothing from ui", () => {
    expect(crossings("src/core", ["src/persist", "src/ui", "workers", "src/cli"])).toEqual([]);
    expect(crossings("src/persist", ["src/ui", "workers"])).toEqual([]);
    expect(crossings("workers", ["src/ui"])).toEqual([]);
  });

  it("keeps framing below prep, profile, pipeline, automl and the models", () => {
    const above = ["prep", "profile", "pipeline", "automl", "models", "features", "eval"].map(
      (d) => `src/core/${d}`,
    );
    expect(crossings("src/core/framing", above)).toEqual([]);
  });

  it("has no import cycles among src/core files, type imports included", () => {
    const core = [...graph.keys()].filter((f) => f.startsWith("src/core/"));
    expect(cycles(core)).toEqual([]);
  });

  it("has no import cycles among the folders of src/core (prep <-> features and the like)", () => {
    const folder = (f: string) => f.split("/").slice(0, 3).join("/");
    const edges = new Map<string, Set<string>>();
    for (const [file, list] of graph) {
      if (!file.startsWith("src/core/") || file.split("/").length < 4) continue;
      for (const e of list) {
        if (!e.to.startsWith("src/core/") || e.to.split("/").length < 4) continue;
        if (folder(e.to) === folder(file)) continue;
        if (!edges.has(folder(file))) edges.set(folder(file), new Set());
        edges.get(folder(file))!.add(folder(e.to));
      }
    }
    const reaches = (from: string, target: string, seen = new Set<string>()): boolean =>
      [...(edges.get(from) ?? [])].some(
        (n) => n === target || (!seen.has(n) && seen.add(n) && reaches(n, target, seen)),
      );
    const looped = [...edges.keys()].filter((f) => reaches(f, f));
    expect(looped).toEqual([]);
  });

  it("loads no engine implementation on the main thread (the UI imports catalogues only)", () => {
    const ui = [...graph.keys()].filter((f) => f.startsWith("src/ui/"));
    const loaded = runtimeClosure(ui);
    // The closure does reach the catalogues, so an empty answer below is not for want of edges.
    expect(loaded.has("src/core/pipeline/stepCatalogue.ts")).toBe(true);
    expect(engineModulesIn(loaded)).toEqual([]);
  });

  it("counts every step and model implementation as engine code", () => {
    const impl = [...graph.keys()].filter((f) =>
      /^export const \w+: StepDef<|^export class \w+ implements \w*Estimator/m.test(
        readFileSync(join(root, f), "utf8"),
      ),
    );
    expect(impl.length).toBeGreaterThan(20);
    expect(impl.filter((f) => !ENGINE_MODULES.some((re) => re.test(f)))).toEqual([]);
  });
});
