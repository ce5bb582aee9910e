/**
 * The tokenizer's sink: takes the header, checks each record's field count (padding, cutting or
 * dropping ragged rows), and hands every field to its column's builder. Records of the expected
 * length go to the builders a column at a time, in runs; any other record goes on its own.
 */
import { ColumnBuilder, type InfiniteCells } from "./columnBuilder.ts";
import { convertColumn } from "./convertColumn.ts";
import type { Encoding } from "./csvTypes.ts";
import { decodeField, unescapeQuoted } from "./decode.ts";
import { type BatchSink, FIELD_ESCAPED, FIELD_QUOTED, type FieldBatch } from "./fieldBatch.ts";
import type { Column, ColumnKind, Frame } from "./frame.ts";
import { makeColumnNames } from "./header.ts";
import { inferColumn, type MixedTypes } from "./inferKind.ts";
import type { ProblemLog } from "./problems.ts";

/** Reading settings the assembler and its builders share. */
export interface AssemblerOptions {
  raggedRows: "keep" | "drop";
  decimalComma: boolean;
  /** How field bytes are decoded (the transcoded stream is always UTF-8 or windows-1252). */
  encoding: Encoding;
  problems: ProblemLog;
  /** Columns in SharedArrayBuffers (ReadCsvOptions.shared). */
  shared?: boolean;
}

function isBlankField(buf: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (buf[i] !== 0x20 && buf[i] !== 0x09) return false;
  return true;
}

/** 'column "x": 3 infinite values read as missing (rows 4, 9, 12)', the first ten rows listed. */
function infiniteMessage(name: string, inf: InfiniteCells): string {
  const more = inf.count > inf.lines.length ? `, and ${inf.count - inf.lines.length} more` : "";
  const values = inf.count === 1 ? "1 infinite value" : `${inf.count} infinite values`;
  const rows = `${inf.lines.length === 1 ? "row" : "rows"} ${inf.lines.join(", ")}${more}`;
  return `column ${JSON.stringify(name)}: ${values} ("inf", "1e999" and the like) read as missing (${rows})`;
}

/** Routes records to column builders; `finish` turns them into a Frame. */
export class RecordAssembler implements BatchSink {
  private builders: ColumnBuilder[] | null = null;
  private names: string[] = [];
  /** Data rows kept. */
  rows = 0;
  /** Ragged rows dropped (`raggedRows: "drop"`). */
  dropped = 0;
  private readonly ctx;
  /**
   * Cells of the current batch with bytes that are not UTF-8, as (record, column) pairs. Columns
   * are filled one after the other, so these are sorted into file order and reported before the
   * next record on its own and at the end of the batch: the problem list keeps the first few, and
   * they must be the first few of the file.
   */
  private badCells: number[] = [];

  constructor(private readonly opts: AssemblerOptions) {
    this.ctx = {
      decimalComma: opts.decimalComma,
      encoding: opts.encoding,
      estimate: { rows: 0, shared: opts.shared },
    };
  }

  /**
   * The rows the whole table is expected to have (the reader's guess from the file's size): the
   * columns then store their values in one block of about that size (see chunkedArray.ts).
   */
  expectRows(rows: number): void {
    this.ctx.estimate.rows = rows;
  }

  private badBytes(row: number, column: string): void {
    this.opts.problems.add(
      "encoding",
      row,
      column,
      () => `row ${row}, column "${column}": bytes that are not valid UTF-8 were read as windows-1252`,
    );
  }

  /** True once a header row has been read. */
  get hasHeader(): boolean {
    return this.builders !== null;
  }

  records(buf: Uint8Array, b: FieldBatch): void {
    const { first, flags, starts, ends } = b;
    const n = b.records;
    let r = 0;
    while (r < n && this.builders === null) this.record(buf, b, r++);
    const builders = this.builders;
    if (builders === null) return;
    const ncols = builders.length;
    while (r < n) {
      // A run of records with the expected field count (and, for one column, not blank).
      let e = r;
      while (
        e < n &&
        first[e + 1] - first[e] === ncols &&
        !(
          ncols === 1 &&
          (flags[first[e]] & FIELD_QUOTED) === 0 &&
          isBlankField(buf, starts[first[e]], ends[first[e]])
        )
      ) {
        e++;
      }
      if (e > r) {
        for (let j = 0; j < ncols; j++) builders[j].addRun(buf, b, r, first[r] + j, ncols, e - r);
        this.rows += e - r;
        r = e;
      }
      if (r < n) this.record(buf, b, r++);
    }
    if (this.badCells.length > 0) this.reportBadCells(b);
  }

  /** One record on its own: the header, a blank line or a record of unusual length. */
  private record(buf: Uint8Array, b: FieldBatch, r: number): void {
    // Earlier cells' problems first, so every problem is logged in file order.
    if (this.badCells.length > 0) this.reportBadCells(b);
    const { starts, ends, flags } = b;
    const f = b.first[r];
    const count = b.first[r + 1] - f;
    const line = b.lines[r];
    // Blank lines (or only spaces) are skipped; a quoted "" is a real, missing, value.
    if (count === 1 && (flags[f] & FIELD_QUOTED) === 0 && isBlankField(buf, starts[f], ends[f])) return;
    const builders = this.builders;
    if (builders === null) {
      this.readHeader(buf, starts.subarray(f), ends.subarray(f), flags.subarray(f), count);
      return;
    }
    const ncols = builders.length;
    if (count !== ncols) {
      this.opts.problems.add(
        "ragged_row",
        line,
        null,
        () => `row ${line} has ${count} fields, expected ${ncols}`,
      );
      if (this.opts.raggedRows === "drop") {
        this.dropped++;
        return;
      }
    }
    const m = Math.min(count, ncols);
    for (let j = 0; j < m; j++) builders[j].addRun(buf, b, r, f + j, 1, 1);
    for (let j = m; j < ncols; j++) builders[j].addMissing();
    this.rows++;
  }

  /** Reports the batch's cells with bad bytes in file order (record, then column). */
  private reportBadCells(b: FieldBatch): void {
    const cells = this.badCells;
    const ncols = this.names.length;
    const keys = new Float64Array(cells.length / 2);
    for (let i = 0; i < keys.length; i++) keys[i] = cells[2 * i] * ncols + cells[2 * i + 1];
    keys.sort();
    for (const key of keys) {
      const j = key % ncols;
      this.badBytes(b.lines[(key - j) / ncols], this.names[j]);
    }
    this.badCells = [];
  }

  unterminatedQuote(line: number, field: number): void {
    const column = this.builders !== null && field < this.names.length ? this.names[field] : null;
    this.opts.problems.add(
      "unterminated_quote",
      line,
      column,
      () => `row ${line}: a quote opened here is never closed; the rest of the file was read into this field`,
    );
  }

  private readHeader(
    buf: Uint8Array,
    starts: Int32Array,
    ends: Int32Array,
    flags: Int32Array,
    count: number,
  ): void {
    const raw: string[] = [];
    for (let j = 0; j < count; j++) {
      let b = buf;
      let s = starts[j];
      let e = ends[j];
      if (flags[j] & FIELD_ESCAPED) {
        b = new Uint8Array(e - s);
        e = unescapeQuoted(buf, s, e, b);
        s = 0;
      }
      const d = decodeField(b, s, e, this.opts.encoding);
      if (!d.utf8) this.badBytes(1, d.text.trim() || `column_${j + 1}`);
      raw.push(d.text);
    }
    this.names = makeColumnNames(raw, this.opts.problems);
    this.builders = this.names.map(
      (name, j) => new ColumnBuilder(name, this.ctx, (rec) => this.badCells.push(rec, j)),
    );
  }

  /**
   * Decides every column's kind and builds the frame, one column at a time so only one column's
   * blocks and final array are alive together. User overrides in `kinds` apply last.
   *
   * Columns with the most distinct strings go last: once a million level strings exist, every
   * full garbage collection has to mark them, and the other columns' big arrays would set off
   * several. Problems are still logged in column order.
   */
  finish(kinds?: Record<string, ColumnKind>): Frame {
    const builders = this.builders ?? [];
    const order = builders.map((_, j) => j);
    order.sort((a, b) => builders[a].levels - builders[b].levels || a - b);
    const columns: Column[] = new Array(builders.length);
    const mixedFound: (MixedTypes | null)[] = new Array(builders.length).fill(null);
    const infiniteFound: (InfiniteCells | null)[] = new Array(builders.length).fill(null);
    for (const j of order) {
      const built = builders[j].finish();
      if (built.type === "float") infiniteFound[j] = built.infinite;
      const { column, mixed } = inferColumn(this.names[j], built, this.opts.decimalComma);
      mixedFound[j] = mixed;
      // Own keys only: a column named "__proto__" or "constructor" has no override by inheritance.
      const wanted = kinds && Object.hasOwn(kinds, column.name) ? kinds[column.name] : undefined;
      columns[j] = wanted && wanted !== column.kind ? convertColumn(column, wanted) : column;
    }
    for (let j = 0; j < builders.length; j++) {
      const inf = infiniteFound[j];
      if (inf)
        this.opts.problems.add("infinite", inf.lines[0], this.names[j], () =>
          infiniteMessage(this.names[j], inf),
        );
      const mixed = mixedFound[j];
      if (mixed) {
        this.opts.problems.add(
          "mixed_types",
          mixed.row,
          this.names[j],
          () => `row ${mixed.row}: ${JSON.stringify(mixed.value)} in a mostly numeric column`,
        );
      }
    }
    this.builders = [];
    return { rows: this.rows, columns };
  }
}
