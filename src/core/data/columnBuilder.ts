/**
 * Builds one column from field bytes as they stream by. A column starts numeric (Float64 blocks)
 * and switches for good to dictionary codes at the first value that is neither a number nor a
 * missing marker; the numbers read so far become their shortest text ("1.50" reads back as
 * "1.5"). Which of the final kinds it is gets decided once every row is in (`inferColumn`).
 *
 * Cells arrive as runs of one column across a batch of records (see `FieldBatch`), so each column
 * runs one tight loop: a numeric column mostly copies the values the tokenizer already parsed.
 */
import { Float64Chunks, type RowEstimate } from "./chunkedArray.ts";
import type { Encoding } from "./csvTypes.ts";
import { unescapeQuoted } from "./decode.ts";
import { type DistinctStats, distinctOfDecimals } from "./distinct.ts";
import { DECIMALS_SHIFT, FIELD_ESCAPED, FIELD_QUOTED, type FieldBatch } from "./fieldBatch.ts";
import { isMissingBytes, trimEnd, trimStart } from "./missing.ts";
import { lastParse, parseNumberBytes } from "./parseNumber.ts";
import { StringColumn } from "./stringColumn.ts";
import type { TextSums } from "./textSums.ts";

/** What the builders share: how to read values. */
export interface BuildContext {
  decimalComma: boolean;
  encoding: Encoding;
  /** The table's expected rows, so a column's storage can be one block of about that size. */
  estimate: RowEstimate;
}

/** A finished column before its kind is decided. */
export type BuiltColumn =
  | {
      type: "float";
      values: Float64Array;
      missing: number;
      /** Distinct count, min and max when the builder could get them cheaply; else null. */
      stats: DistinctStats | null;
      /** Cells that read as ±infinity ("inf", "-Infinity", "1e999"): now missing; null when none. */
      infinite: InfiniteCells | null;
    }
  | {
      type: "dict";
      codes: Int32Array;
      levels: string[];
      /** Cells per level. */
      counts: Int32Array;
      /** File line where each level was first seen (0 for numbers read before the switch). */
      firstRows: Int32Array;
      missing: number;
      /** Level lengths and spaces, summed over the cells (else inference sums them). */
      text?: TextSums;
    };

/** Infinite values found in a numeric column: how many, and the file lines of the first few. */
export interface InfiniteCells {
  count: number;
  lines: number[];
}

/** File lines kept per column for the problem message; the count says the rest. */
const INFINITE_LINES = 10;

/** Accumulates one column's cells (numeric blocks, then dictionary codes if a word appears). */
export class ColumnBuilder {
  private numeric = true;
  private values: Float64Chunks | null;
  private strings: StringColumn | null = null;
  /** Missing cells while numeric (the string column counts its own). */
  private missing = 0;
  /**
   * While every number came from the tokenizer: their min, max and largest flags (which hold the
   * count of decimals), for `distinctOfDecimals`. `exact` turns false at any other number.
   */
  private exact = true;
  private min = Number.POSITIVE_INFINITY;
  private max = Number.NEGATIVE_INFINITY;
  private maxFlags = 0;
  private scratch = new Uint8Array(256);
  private infinite: InfiniteCells | null = null;
  /** Each infinite cell's own text, in order: should the column turn to text, "inf" stays "inf". */
  private infiniteTexts: string[] = [];

  /**
   * `onBadBytes` hears of every cell whose bytes were not UTF-8 (read as windows-1252), by its
   * record index in the batch being added.
   */
  constructor(
    readonly name: string,
    private readonly ctx: BuildContext,
    private readonly onBadBytes: (rec: number) => void,
  ) {
    this.values = new Float64Chunks(ctx.estimate);
  }

  /** Distinct strings so far (0 while numeric). */
  get levels(): number {
    return this.strings === null ? 0 : this.strings.size;
  }

  /**
   * Adds a run of cells: field `k0 + i * stride` of batch record `rec0 + i`, for i < n (a run of
   * one cell for a record of unusual length).
   */
  addRun(buf: Uint8Array, b: FieldBatch, rec0: number, k0: number, stride: number, n: number): void {
    let i = 0;
    if (this.numeric) {
      i = this.addNumbers(buf, b, rec0, k0, stride, n);
      if (i === n) return;
      this.switchToDict();
    }
    this.strings!.encodeRun(buf, b, rec0 + i, k0 + i * stride, stride, n - i, this.onBadBytes);
  }

  /**
   * The numeric loop: copies the tokenizer's numbers, reading only the other cells' bytes. Returns
   * how many cells it took: fewer than n when a cell is a word and the column must switch. The run
   * comes as the same positional arguments as `StringColumn.encodeRun`'s (a hot loop per column
   * and batch: no object per run).
   */
  private addNumbers(
    buf: Uint8Array,
    b: FieldBatch,
    rec0: number,
    k0: number,
    stride: number,
    n: number,
  ): number {
    const { numbers, flags } = b;
    const values = this.values!;
    let block = values.block;
    let pos = values.pos;
    let min = this.min;
    let max = this.max;
    let maxFlags = this.maxFlags;
    let i = 0;
    for (let k = k0; i < n; i++, k += stride) {
      if (pos === block.length) {
        values.pos = pos;
        block = values.next();
        pos = values.pos;
      }
      const v = numbers[k];
      // Not NaN: a number the tokenizer read.
      if (!Number.isNaN(v)) {
        block[pos++] = v;
        if (v < min) min = v;
        if (v > max) max = v;
        if (flags[k] > maxFlags) maxFlags = flags[k];
        continue;
      }
      // The rare cell read from its bytes: hand over the state it may update, then take it back.
      values.pos = pos;
      this.min = min;
      this.max = max;
      this.maxFlags = maxFlags;
      if (!this.addNumberBytes(buf, b.starts[k], b.ends[k], flags[k], b.lines[rec0 + i])) break;
      ({ block, pos } = values);
      ({ min, max, maxFlags } = this);
    }
    if (i === n) values.pos = pos;
    this.min = min;
    this.max = max;
    this.maxFlags = maxFlags;
    return i;
  }

  /**
   * A cell the tokenizer did not read as a number (quoted, exponent, spaces, a word, missing).
   * Adds it and returns true when it is a number or missing; false for anything else. An infinite
   * value is kept as it is, with its text and line; `finish` makes it missing if the column stays
   * numeric.
   */
  private addNumberBytes(buf: Uint8Array, start: number, end: number, flags: number, line: number): boolean {
    if (flags & FIELD_ESCAPED) {
      if (this.scratch.length < end - start) this.scratch = new Uint8Array((end - start) * 2);
      end = unescapeQuoted(buf, start, end, this.scratch);
      buf = this.scratch;
      start = 0;
    } else if (!(flags & FIELD_QUOTED)) {
      start = trimStart(buf, start, end);
      end = trimEnd(buf, start, end);
    }
    const v = parseNumberBytes(buf, start, end, this.ctx.decimalComma);
    if (v === Number.POSITIVE_INFINITY || v === Number.NEGATIVE_INFINITY) {
      this.values!.push(v);
      this.exact = false;
      this.infinite ??= { count: 0, lines: [] };
      if (this.infinite.count++ < INFINITE_LINES) this.infinite.lines.push(line);
      const s = trimStart(buf, start, end);
      this.infiniteTexts.push(String.fromCharCode(...buf.subarray(s, trimEnd(buf, s, end))));
      return true;
    }
    if (!Number.isNaN(v)) {
      this.values!.push(v);
      // A number like the tokenizer's (one cut by a chunk boundary, a quoted one) keeps the hint.
      const d = lastParse.decimals;
      if (d < 0) this.exact = false;
      else {
        if (v < this.min) this.min = v;
        if (v > this.max) this.max = v;
        this.maxFlags = Math.max(this.maxFlags, d << DECIMALS_SHIFT);
      }
      return true;
    }
    const s = trimStart(buf, start, end);
    if (isMissingBytes(buf, s, trimEnd(buf, s, end))) {
      this.values!.push(Number.NaN);
      this.missing++;
      return true;
    }
    return false;
  }

  /** A cell the row did not have (a short ragged row). */
  addMissing(): void {
    if (this.numeric) {
      this.values!.push(Number.NaN);
      this.missing++;
    } else this.strings!.addMissing();
  }

  /** Re-reads the numbers so far as their shortest text; later cells are dictionary codes. */
  private switchToDict(): void {
    const values = this.values!.finish();
    this.values = null;
    this.numeric = false;
    const dict = new StringColumn(this.ctx.encoding, this.ctx.estimate);
    dict.missing = this.missing;
    const codes = dict.codes;
    let bytes = new Uint8Array(32);
    let nextInfinite = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (Number.isNaN(v)) {
        codes.push(-1);
        continue;
      }
      const finite = v !== Number.POSITIVE_INFINITY && v !== Number.NEGATIVE_INFINITY;
      const text = finite ? String(v) : this.infiniteTexts[nextInfinite++];
      if (text.length > bytes.length) bytes = new Uint8Array(text.length * 2);
      for (let k = 0; k < text.length; k++) bytes[k] = text.charCodeAt(k);
      let code = dict.find(bytes, 0, text.length);
      // Row 0: these numbers never need a row in a message (only non-numbers are reported).
      if (code < 0) code = dict.add(bytes, 0, text.length, 0, "utf-8");
      dict.counts[code]++;
      codes.push(code);
    }
    this.strings = dict;
    this.infinite = null;
    this.infiniteTexts = [];
  }

  /**
   * The column's storage; the builder is spent afterwards. In a numeric column infinite values are
   * missing (as pandas' `use_inf_as_na` reads them): no statistic or model can use them, and the
   * reader reports where they were.
   */
  finish(): BuiltColumn {
    if (this.numeric) {
      const values = this.values!.finish();
      this.values = null;
      const infinite = this.infinite;
      if (infinite) {
        for (let i = 0; i < values.length; i++) {
          if (values[i] === Number.POSITIVE_INFINITY || values[i] === Number.NEGATIVE_INFINITY)
            values[i] = Number.NaN;
        }
        this.missing += infinite.count;
      }
      const stats = this.exact
        ? distinctOfDecimals(values, this.maxFlags >> DECIMALS_SHIFT, this.min, this.max)
        : null;
      return { type: "float", values, missing: this.missing, stats, infinite };
    }
    const strings = this.strings!;
    this.strings = null;
    return { type: "dict", ...strings.build() };
  }
}
