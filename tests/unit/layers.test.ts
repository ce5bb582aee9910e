import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

// The layer rule of DESIGN.md, checked on the source: ui -> bridges -> workers -> core, and core pure.
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
});
