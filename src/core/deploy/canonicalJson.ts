/**
 * The content hash of a model file: canonical JSON (keys sorted, no spaces) hashed with SHA-256,
 * and the checks that run on untrusted JSON before anything recursive touches it.
 */
import { ValidationError } from "../errors.ts";
import { sha256Bytes } from "../safe/sha256.ts";

/** Keys refused anywhere in a model file: they could reach an object's prototype. */
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** Deepest nesting a model file may have; a real one is under 15 levels (ensemble member, tree). */
export const MAX_JSON_DEPTH = 64;

/** A path for a message: its start, then how deep it goes ("card.deep.a.a... (64 levels)"). */
function shortPath(path: string): string {
  const parts = path.split(".");
  if (parts.length <= 8) return path || "the top";
  return `${parts.slice(0, 6).join(".")}... (${parts.length} levels)`;
}

/** JSON cannot write NaN or infinities; a number that parsed to one (1e999) was put there by hand. */
function outOfRange(what: string, at: string): never {
  throw new ValidationError(`${what} holds a number out of range (at ${at})`);
}

/**
 * Walks parsed JSON without recursion (so a hostile depth costs no stack) and refuses keys that
 * could reach a prototype, nesting deeper than MAX_JSON_DEPTH and numbers JSON cannot hold
 * (1e999 parses to Infinity), naming the path.
 */
export function checkJsonTree(value: unknown, what = "the file"): void {
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: value, path: "", depth: 0 }];
  while (stack.length > 0) {
    const { v, path, depth } = stack.pop()!;
    if (typeof v !== "object" || v === null) continue;
    if (depth >= MAX_JSON_DEPTH)
      throw new ValidationError(
        `${what} is nested more than ${MAX_JSON_DEPTH} levels deep (at ${shortPath(path)})`,
      );
    if (Array.isArray(v)) {
      // Arrays of numbers are most of a model: skip them quickly.
      for (let i = 0; i < v.length; i++) {
        const x = v[i];
        if (typeof x === "object" && x !== null)
          stack.push({ v: x, path: `${path}[${i}]`, depth: depth + 1 });
        else if (typeof x === "number" && !Number.isFinite(x)) outOfRange(what, `${path}[${i}]`);
      }
      continue;
    }
    for (const key of Object.keys(v)) {
      const at = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key))
        throw new ValidationError(`${what} holds the forbidden key "${key}" (at ${at})`);
      const x = (v as Record<string, unknown>)[key];
      if (typeof x === "object" && x !== null) stack.push({ v: x, path: at, depth: depth + 1 });
      else if (typeof x === "number" && !Number.isFinite(x)) outOfRange(what, at);
    }
  }
}

/**
 * JSON with object keys sorted (UTF-16 order) and no white space: the same text for the same
 * content, whatever order the keys were written in. Undefined object fields are left out and
 * undefined array entries written as null, as JSON.stringify does. Call `checkJsonTree` first on
 * untrusted input: this recursion is bounded by its depth limit.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value))
    return `[${value.map((x) => (x === undefined ? "null" : canonicalJson(x))).join(",")}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined && typeof obj[k] !== "function")
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(",")}}`;
}

/** The part of Web Crypto used here, typed locally so core needs no DOM library. */
interface SubtleDigest {
  digest(algorithm: string, data: Uint8Array): Promise<ArrayBuffer>;
}

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

/**
 * Lower-case hex SHA-256 of the UTF-8 bytes of `text`: Web Crypto where there is one (Node 20,
 * browsers on secure origins and file://), else the app's own implementation (same digest).
 */
export async function sha256Hex(text: string | Uint8Array): Promise<string> {
  const bytes = typeof text === "string" ? new TextEncoder().encode(text) : text;
  const subtle = (globalThis as { crypto?: { subtle?: SubtleDigest } }).crypto?.subtle;
  if (subtle) return hex(new Uint8Array(await subtle.digest("SHA-256", bytes)));
  return hex(sha256Bytes(bytes));
}
