/**
 * Builds one column from field bytes as they stream by. A column starts numeric (Float64 blocks)
 * and switches for good to dictionary codes at the first value that is neither a number nor a
 * missing marker; the numbers read so far become their shortest text ("1.50" reads back as
 * "1.5"). Which of the final kinds it is gets decided once every row is in (`inferColumn`).
 */
import { ByteDict } from "./byteDict.ts";
import { Float64Chunks, Int32Chunks } from "./chunkedArray.ts";
import type { Encoding } from "./csvTypes.ts";
import { unescapeQuoted } from "./decode.ts";
import { isMissingBytes, trimEnd, trimStart } from "./missing.ts";
import { parseNumberBytes } from "./parseNumber.ts";
import { FIELD_ESCAPED, FIELD_QUOTED, type RecordFields } from "./tokenizer.ts";

/** What the builders share: how to read values and where to report bad bytes. */
export interface BuildContext {
  decimalComma: boolean;
  encoding: Encoding;
  /** A field whose bytes were not UTF-8 (read as windows-1252). */
  onBadBytes(row: number, column: string): void;
}

/** A finished column before its kind is decided. */
export type BuiltColumn =
  | { type: "float"; values: Float64Array; missing: number }
  | {
      type: "dict";
      codes: Int32Array;
      levels: string[];
      /** Cells per level. */
      counts: Int32Array;
      /** File line where each level was first seen (0 for numbers read before the switch). */
      firstRows: Int32Array;
      missing: number;
    };

/** Accumulates one column's cells (numeric blocks, then dictionary codes if a word appears). */
export class ColumnBuilder {
  private numeric = true;
  private values: Float64Chunks | null = new Float64Chunks();
  private codes: Int32Chunks | null = null;
  private dict: ByteDict | null = null;
  private missing = 0;
  private scratch = new Uint8Array(256);

  constructor(
    readonly name: string,
    private readonly ctx: BuildContext,
  ) {}

  /**
   * Adds field `k` of the tokenizer's current record (in `buf`), read on file line `row`.
   * The value is read from `fields.numbers` here rather than passed in: a double argument to a
   * call that is not inlined gets boxed, one heap allocation per cell.
   */
  add(buf: Uint8Array, fields: RecordFields, k: number, row: number): void {
    if (this.numeric) {
      const v = fields.numbers[k];
      if (!Number.isNaN(v)) {
        this.values!.push(v);
        return;
      }
    }
    this.addBytes(buf, fields.starts[k], fields.ends[k], fields.flags[k], row);
  }

  /** Any cell that is not a tokenizer-parsed number in a numeric column. */
  private addBytes(buf: Uint8Array, start: number, end: number, flags: number, row: number): void {
    if (flags & FIELD_ESCAPED) {
      if (this.scratch.length < end - start) this.scratch = new Uint8Array((end - start) * 2);
      end = unescapeQuoted(buf, start, end, this.scratch);
      buf = this.scratch;
      start = 0;
    } else if (!(flags & FIELD_QUOTED)) {
      // Unquoted values lose surrounding spaces ("a, b" files); quoted ones keep them.
      while (start < end && (buf[start] === 0x20 || buf[start] === 0x09)) start++;
      while (end > start && (buf[end - 1] === 0x20 || buf[end - 1] === 0x09)) end--;
    }
    if (this.numeric) {
      const v = parseNumberBytes(buf, start, end, this.ctx.decimalComma);
      if (!Number.isNaN(v)) {
        this.values!.push(v);
        return;
      }
      if (this.isMissing(buf, start, end)) {
        this.values!.push(Number.NaN);
        this.missing++;
        return;
      }
      this.switchToDict();
    } else if ((end - start <= 4 || flags & FIELD_QUOTED) && this.isMissing(buf, start, end)) {
      // Unquoted fields are trimmed already, so only short ones can be markers.
      this.codes!.push(-1);
      this.missing++;
      return;
    }
    const dict = this.dict!;
    let code = dict.find(buf, start, end);
    if (code < 0) code = dict.add(buf, start, end, row, this.ctx.encoding);
    if (dict.badBytes[code]) this.ctx.onBadBytes(row, this.name);
    dict.counts[code]++;
    this.codes!.push(code);
  }

  /** A cell the row did not have (a short ragged row). */
  addMissing(): void {
    if (this.numeric) this.values!.push(Number.NaN);
    else this.codes!.push(-1);
    this.missing++;
  }

  private isMissing(buf: Uint8Array, start: number, end: number): boolean {
    const s = trimStart(buf, start, end);
    return isMissingBytes(buf, s, trimEnd(buf, s, end));
  }

  /** Re-reads the numbers so far as their shortest text; later cells are dictionary codes. */
  private switchToDict(): void {
    const values = this.values!.finish();
    this.values = null;
    this.numeric = false;
    const dict = new ByteDict();
    const codes = new Int32Chunks();
    let bytes = new Uint8Array(32);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (Number.isNaN(v)) {
        codes.push(-1);
        continue;
      }
      const text = String(v);
      if (text.length > bytes.length) bytes = new Uint8Array(text.length * 2);
      for (let k = 0; k < text.length; k++) bytes[k] = text.charCodeAt(k);
      let code = dict.find(bytes, 0, text.length);
      // Row 0: these numbers never need a row in a message (only non-numbers are reported).
      if (code < 0) code = dict.add(bytes, 0, text.length, 0, "utf-8");
      dict.counts[code]++;
      codes.push(code);
    }
    this.dict = dict;
    this.codes = codes;
  }

  /** The column's storage; the builder is spent afterwards. */
  finish(): BuiltColumn {
    if (this.numeric) {
      const values = this.values!.finish();
      this.values = null;
      return { type: "float", values, missing: this.missing };
    }
    const codes = this.codes!.finish();
    this.codes = null;
    const dict = this.dict!;
    this.dict = null;
    const levels = dict.finish();
    const n = levels.length;
    return {
      type: "dict",
      codes,
      levels,
      counts: dict.counts.subarray(0, n),
      firstRows: dict.firstRows.subarray(0, n),
      missing: this.missing,
    };
  }
}
