import type { Column, Frame } from "../data/frame.ts";
import { sha256Hex } from "./canonicalJson.ts";

/**
 * A column's values as bytes that depend on the values only, not on how they are stored; written
 * into `scratch` (8 bytes a row) where they fit, which the caller hashes before the next column.
 */
function columnBytes(col: Column, scratch: ArrayBuffer): Uint8Array {
  if (col.data.type === "float") {
    // One NaN bit pattern for every missing value, whatever produced it.
    const v = col.data.values;
    const out =
      v.length * 8 <= scratch.byteLength
        ? new Float64Array(scratch, 0, v.length)
        : new Float64Array(v.length);
    for (let i = 0; i < v.length; i++) out[i] = Number.isNaN(v[i]) ? Number.NaN : v[i];
    return new Uint8Array(out.buffer, 0, out.byteLength);
  }
  // Codes renumbered by first appearance, then the levels in that order: the same values in the
  // same rows give the same bytes whatever the level order of the reader.
  const { codes, levels } = col.data;
  const renumber = new Int32Array(levels.length).fill(-1);
  const seen: string[] = [];
  const out =
    codes.length * 4 <= scratch.byteLength
      ? new Int32Array(scratch, 0, codes.length)
      : new Int32Array(codes.length);
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
  bytes.set(new Uint8Array(out.buffer, 0, out.byteLength), 0);
  bytes.set(tail, out.byteLength);
  return bytes;
}

/**
 * SHA-256 (hex) of a frame's content: each column's name, kind and values in row order, hashed
 * column by column (memory stays one column: every column's bytes are made in one buffer, each
 * hashed before the next, rather than ~8 MB of garbage per column of a million rows) and then
 * together. Same rows, same fingerprint, in Node and in the browser; a changed value, row order
 * or column name gives another.
 */
export async function dataFingerprint(frame: Frame): Promise<string> {
  const parts: string[] = [`rows=${frame.rows}`];
  const scratch = new ArrayBuffer(frame.rows * 8);
  for (const col of frame.columns) {
    parts.push(`${JSON.stringify(col.name)}:${col.kind}:${await sha256Hex(columnBytes(col, scratch))}`);
  }
  return sha256Hex(parts.join("\n"));
}
