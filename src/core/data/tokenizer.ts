/**
 * Byte-level CSV tokenizer: a hand-written state machine over Uint8Array chunks (RFC 4180 plus the
 * usual leniency). It never decodes text; it finds field boundaries and hands complete records to a
 * sink, in batches, as offsets into one contiguous buffer.
 *
 * A record can span chunks. The unfinished tail of the current record is kept and the next chunk
 * is appended after it, so the sink always sees all fields of a record in one buffer and the scan
 * resumes where it stopped (linear even for a record that spans many chunks).
 *
 * Plain numbers ("-12.5", "42") are recognised while their bytes are scanned anyway: the digit
 * loop replaces the separator loop for such a field and yields its value, so the column builders
 * need not read those bytes a second time (the file's cells are mostly numbers).
 */

import {
  type BatchSink,
  CR,
  DECIMALS_SHIFT,
  FIELD_ESCAPED,
  FIELD_QUOTED,
  type FieldBatch,
  LF,
  perRecord,
  QUOTE,
  type RecordSink,
} from "./fieldBatch.ts";

export type { BatchSink, FieldBatch, RecordFields, RecordSink } from "./fieldBatch.ts";
export {
  CR,
  DECIMALS_SHIFT,
  FIELD_ESCAPED,
  FIELD_QUOTED,
  LF,
  QUOTE,
} from "./fieldBatch.ts";

/** Tokenizer settings. */
export interface TokenizerOptions {
  /** Decimal separator for the number scan; "," when the file writes "3,14". Default ".". */
  decimal?: "." | ",";
}

/**
 * A batch goes to the sink once it holds this many fields (and at the end of every chunk): big
 * enough that per-batch costs vanish, small enough that the batch stays in the L2 cache while
 * every column reads its share of it.
 */
const BATCH_FIELDS = 1 << 14;

// Scanner states, kept between chunks.
const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
/** Just saw a quote inside a quoted field: either an escaped quote or the closing one. */
const QUOTE_SEEN = 3;
/** Text after a closing quote (`"ab"cd`), read up to the next delimiter. */
const AFTER_QUOTE = 4;

const POW10 = new Float64Array(16).map((_, k) => 10 ** k);

function grown<T extends Int32Array | Float64Array>(a: T, length: number): T {
  const b = new (a.constructor as { new (n: number): T })(length);
  b.set(a.subarray(0, Math.min(a.length, length)));
  return b;
}

/** Push-driven CSV tokenizer: `push` chunks, then `end`; complete records go to the sink in batches. */
export class Tokenizer {
  /** Unfinished record + new chunk, followed by one sentinel LF (so scans need no bounds test). */
  private buf: Uint8Array = new Uint8Array(1);
  private len = 0;
  /** Start of the current (unfinished) record in `buf`. */
  private recStart = 0;
  /** Next byte to scan. */
  private pos = 0;
  private state = FIELD_START;
  private fieldStart = 0;
  private fieldFlags = 0;
  /**
   * Fields in the batch. Between scans the batch holds no complete record, only the fields of the
   * unfinished one, from index 0.
   */
  private count = 0;
  private readonly batch: FieldBatch = {
    starts: new Int32Array(BATCH_FIELDS + 64),
    ends: new Int32Array(BATCH_FIELDS + 64),
    flags: new Int32Array(BATCH_FIELDS + 64),
    numbers: new Float64Array(BATCH_FIELDS + 64),
    first: new Int32Array(BATCH_FIELDS + 65),
    lines: new Int32Array(BATCH_FIELDS + 65),
    records: 0,
  };
  /** Current physical line, 1-based. */
  private line = 1;
  private recordLine = 1;
  private quoteLine = 1;
  /** The previous chunk ended with CR: a LF at the start of the next one belongs to it. */
  private pendingCR = false;
  private readonly delim: number;
  /** Decimal separator byte for the number scan, -1 when it is also the delimiter. */
  private readonly point: number;
  private readonly sink: BatchSink;

  /** `sink` takes batches of records (`records`) or single records (`record`). */
  constructor(delimiter: string, sink: BatchSink | RecordSink, opts: TokenizerOptions = {}) {
    this.sink = "records" in sink ? sink : perRecord(sink);
    this.delim = delimiter.charCodeAt(0);
    const point = (opts.decimal ?? ".").charCodeAt(0);
    this.point = point === this.delim ? -1 : point;
  }

  /** Feeds the next chunk. The chunk is copied, so the caller may reuse it. */
  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    this.append(chunk);
    this.scan(false);
  }

  /** Flushes the last record (a final line without a newline, or an unterminated quote). */
  end(): void {
    this.scan(true);
  }

  /** Appends after the unfinished record, dropping consumed bytes; grows by doubling. */
  private append(chunk: Uint8Array): void {
    let start = 0;
    if (this.pendingCR) {
      this.pendingCR = false;
      if (chunk[0] === LF) start = 1;
    }
    const shift = this.recStart;
    const keep = this.len - shift;
    const need = keep + chunk.length - start;
    if (need + 1 > this.buf.length) {
      const next = new Uint8Array(Math.max(need + 1, this.buf.length * 2, 1 << 16));
      next.set(this.buf.subarray(shift, this.len));
      this.buf = next;
    } else if (shift > 0) {
      this.buf.copyWithin(0, shift, this.len);
    }
    if (shift > 0) {
      this.pos -= shift;
      this.fieldStart -= shift;
      const { starts, ends } = this.batch;
      for (let k = 0; k < this.count; k++) {
        starts[k] -= shift;
        ends[k] -= shift;
      }
      this.recStart = 0;
    }
    this.buf.set(start === 0 ? chunk : chunk.subarray(start), keep);
    this.len = need;
    this.buf[need] = LF;
  }

  /** Room for one more field (and record) in the batch: a record with very many fields. */
  private growBatch(): void {
    const b = this.batch;
    const n = b.starts.length * 2;
    b.starts = grown(b.starts, n);
    b.ends = grown(b.ends, n);
    b.flags = grown(b.flags, n);
    b.numbers = grown(b.numbers, n);
    b.first = grown(b.first, n + 1);
    b.lines = grown(b.lines, n + 1);
  }

  /** Hands the batch's complete records to the sink and keeps the unfinished record's fields. */
  private flush(count: number): number {
    const b = this.batch;
    const records = b.records;
    if (records === 0) return count;
    this.sink.records(this.buf, b);
    const from = b.first[records];
    if (from < count) {
      b.starts.copyWithin(0, from, count);
      b.ends.copyWithin(0, from, count);
      b.flags.copyWithin(0, from, count);
      b.numbers.copyWithin(0, from, count);
    }
    b.records = 0;
    return count - from;
  }

  /**
   * The state machine. Everything hot lives in locals (V8 keeps them in registers); the fields
   * are written back before any call out and whenever the scan stops for more data.
   */
  private scan(atEnd: boolean): void {
    const buf = this.buf;
    const n = this.len;
    const delim = this.delim;
    const point = this.point;
    // Bytes above all three separators (digits, letters, '.', '-' for a comma file) need one test.
    const maxSpecial = Math.max(delim, CR, LF);
    const b = this.batch;
    let { starts, ends, flags, numbers } = b;
    let count = this.count;
    let records = b.records;
    let i = this.pos;
    let state = this.state;
    let fs = this.fieldStart;
    let fflags = this.fieldFlags;
    let line = this.line;

    while (i < n) {
      let c = buf[i];
      let num = Number.NaN;
      let numFlags = 0;
      if (state === FIELD_START) {
        if (c === QUOTE) {
          state = QUOTED;
          fs = i;
          fflags = FIELD_QUOTED;
          this.quoteLine = line;
          i++;
          continue;
        }
        state = UNQUOTED;
        fs = i;
        // Number scan; on anything unexpected the separator scan below goes on from where it stopped.
        let j = i;
        if (c === 0x2d || c === 0x2b) c = buf[++j];
        const digitsStart = j;
        let mant = 0;
        let d = c - 0x30;
        while (d >>> 0 <= 9) {
          mant = mant * 10 + d;
          c = buf[++j];
          d = c - 0x30;
        }
        const intDigits = j - digitsStart;
        let digits = intDigits;
        let frac = 0;
        if (c === point) {
          const fracStart = ++j;
          c = buf[j];
          d = c - 0x30;
          while (d >>> 0 <= 9) {
            mant = mant * 10 + d;
            c = buf[++j];
            d = c - 0x30;
          }
          frac = j - fracStart;
          digits += frac;
        }
        if (
          j < n &&
          (c === delim || c === LF || c === CR) &&
          digits > 0 &&
          digits <= 15 &&
          // "007" is an identifier, not a number
          !(intDigits > 1 && buf[digitsStart] === 0x30)
        ) {
          num = frac === 0 ? mant : mant / POW10[frac];
          numFlags = frac << DECIMALS_SHIFT;
          if (buf[i] === 0x2d) num = -num;
        }
        i = j;
      }
      if (state === UNQUOTED || state === AFTER_QUOTE) {
        // The sentinel LF at buf[n] ends this loop without a bounds test.
        while (c > maxSpecial || (c !== delim && c !== LF && c !== CR)) c = buf[++i];
        if (i === n) break;
      } else if (state === QUOTED) {
        while (c !== QUOTE) {
          // Lines inside quoted fields still count, so later row numbers match an editor's.
          if (c === LF) {
            if (buf[i - 1] !== CR) line++;
          } else if (c === CR) line++;
          if (++i === n) break;
          c = buf[i];
        }
        if (i === n) break;
        state = QUOTE_SEEN;
        i++;
        continue;
      } else {
        // QUOTE_SEEN: a doubled quote, the end of the field, or text after the closing quote.
        if (c === QUOTE) {
          fflags |= FIELD_ESCAPED;
          state = QUOTED;
          i++;
          continue;
        }
        if (c !== delim && c !== LF && c !== CR) {
          // Lenient: `"ab"cd` reads as `abcd`, like most spreadsheet programs.
          fflags |= FIELD_ESCAPED;
          state = AFTER_QUOTE;
          continue;
        }
      }

      // The field ends at i, where c is the delimiter or a line break.
      if (count === starts.length) {
        this.growBatch();
        ({ starts, ends, flags, numbers } = b);
      }
      if (state === UNQUOTED) {
        starts[count] = fs;
        ends[count] = i;
        flags[count] = numFlags;
      } else if (fflags & FIELD_ESCAPED) {
        starts[count] = fs;
        ends[count] = i;
        flags[count] = FIELD_QUOTED | FIELD_ESCAPED;
      } else {
        starts[count] = fs + 1;
        ends[count] = i - 1; // the closing quote
        flags[count] = FIELD_QUOTED;
      }
      numbers[count] = num;
      count++;
      state = FIELD_START;
      i++;
      if (c === delim) continue;
      line++;
      if (c === CR) {
        if (i < n) {
          if (buf[i] === LF) i++;
        } else this.pendingCR = true;
      }
      b.lines[records] = this.recordLine;
      b.first[++records] = count;
      this.recStart = i;
      this.recordLine = line;
      if (count >= BATCH_FIELDS) {
        b.records = records;
        count = this.flush(count);
        records = 0;
      }
    }

    b.records = records;
    this.count = this.flush(count);
    this.pos = i;
    this.state = state;
    this.fieldStart = fs;
    this.fieldFlags = fflags;
    this.line = line;
    if (atEnd) this.finish(n, state);
  }

  private pushField(start: number, end: number, flags: number): void {
    if (this.count === this.batch.starts.length) this.growBatch();
    const k = this.count;
    const b = this.batch;
    b.starts[k] = start;
    b.ends[k] = end;
    b.flags[k] = flags;
    b.numbers[k] = Number.NaN;
    this.count = k + 1;
  }

  /** Completes the unfinished record and hands it over. */
  private emit(nextRecordStart: number): void {
    const b = this.batch;
    b.lines[0] = this.recordLine;
    b.first[1] = this.count;
    b.records = 1;
    this.count = this.flush(this.count);
    this.recStart = nextRecordStart;
    this.recordLine = this.line;
  }

  /** Ends the last field at the end of input, from whichever state it was in. */
  private closeField(i: number, state: number): void {
    const fs = this.fieldStart;
    if (state === UNQUOTED || state === FIELD_START) this.pushField(fs, i, 0);
    else if (this.fieldFlags & FIELD_ESCAPED) this.pushField(fs, i, FIELD_QUOTED | FIELD_ESCAPED);
    else this.pushField(fs + 1, i - 1, FIELD_QUOTED); // QUOTE_SEEN: i - 1 is the closing quote
  }

  private finish(n: number, state: number): void {
    if (state === QUOTED) {
      // Keep what was read, without the file's final line break.
      let end = n;
      while (end > this.fieldStart + 1 && (this.buf[end - 1] === LF || this.buf[end - 1] === CR)) end--;
      if (this.fieldFlags & FIELD_ESCAPED) this.pushField(this.fieldStart, end, FIELD_QUOTED | FIELD_ESCAPED);
      else this.pushField(this.fieldStart + 1, end, FIELD_QUOTED);
      this.sink.unterminatedQuote?.(this.quoteLine, this.count - 1);
      this.emit(n);
    } else if (state !== FIELD_START) {
      this.closeField(n, state);
      this.emit(n);
    } else if (this.count > 0) {
      // "a,b," at the very end: the trailing delimiter opens one last empty field.
      this.pushField(n, n, 0);
      this.emit(n);
    }
    this.state = FIELD_START;
    this.pos = n;
  }
}
