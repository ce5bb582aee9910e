import type { Column, Frame } from "../data/frame.ts";
import { sha256Hex } from "./canonicalJson.ts";

/** A column's values as bytes that depend on the values only, not on how they are stored. */
function columnBytes(col: Column): Uint8Array {
  if (col.data.type === "float") {
    // One NaN bit pattern for every missing value, whatever produced it.
    const v = col.data.values;
    const out = new Float64Array(v.length);
    for (let i = 0; i < v.length; i++) out[i] = Number.isNaN(v[i]) ? Number.NaN : v[i];
    return new Uint8Array(out.buffer);
  }
  // Codes renumbered by first appearance, then the levels in that order: the same values in the
  // same rows give the same bytes whatever the level order of the reader.
  const { codes, levels } = col.data;
  const renumber = new Int32Array(levels.length).fill(-1);
  const seen: string[] = [];
  const out = new Int32Array(codes.length);
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    if (c < 0) {
      out[i] = -1;
      continue;
    }
    if (renumber[c] < 0) {
      renumber[c] = seen.length;
      seen.push(levels[c]);
    }
    out[i] = renumber[c];
  }
  const tail = new TextEncoder().encode(JSON.stringify(seen));
  const bytes = new Uint8Array(out.byteLength + tail.length);
  bytes.set(new Uint8Array(out.buffer), 0);
  bytes.set(tail, out.byteLength);
  return bytes;
}

/**
 * SHA-256 (hex) of a frame's content: each column's name, kind and values in row order, hashed
 * column by column (memory stays one column) and then together. Same rows, same fingerprint, in
 * Node and in the browser; a changed value, row order or column name gives another.
 */
export async function dataFingerprint(frame: Frame): Promise<string> {
  const parts: string[] = [`rows=${frame.rows}`];
  for (const col of frame.columns) {
    parts.push(`${JSON.stringify(col.name)}:${col.kind}:${await sha256Hex(columnBytes(col))}`);
  }
  return sha256Hex(parts.join("\n"));
}
