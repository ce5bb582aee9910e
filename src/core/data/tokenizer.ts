/**
 * Byte-level CSV tokenizer: a hand-written state machine over Uint8Array chunks (RFC 4180 plus the
 * usual leniency). It never decodes text; it finds field boundaries and hands each complete record
 * to a sink as offsets into one contiguous buffer.
 *
 * A record can span chunks. The unfinished tail of the current record is kept and the next chunk
 * is appended after it, so the sink always sees all fields of a record in one buffer and the scan
 * resumes where it stopped (linear even for a record that spans many chunks).
 *
 * Plain numbers ("-12.5", "42") are recognised while their bytes are scanned anyway: the digit
 * loop replaces the separator loop for such a field and yields its value, so the column builders
 * need not read those bytes a second time (the file's cells are mostly numbers).
 */

/** Byte values the tokenizer and sniffers look for. */
export const QUOTE = 0x22;
export const LF = 0x0a;
export const CR = 0x0d;

/** Field flag: the field was quoted; its range is the text between the quotes. */
export const FIELD_QUOTED = 1;
/**
 * Field flag: quoted with doubled quotes or text after the closing quote. The range then covers the
 * raw bytes from the opening quote to the field's end and must go through `unescapeQuoted`.
 */
export const FIELD_ESCAPED = 2;

/** Per-field data of the current record, indexed by field position. Arrays may be replaced as they grow. */
export interface RecordFields {
  /** Field k is `buf[starts[k] .. ends[k])`. */
  starts: Int32Array;
  ends: Int32Array;
  /** FIELD_QUOTED / FIELD_ESCAPED bits. */
  flags: Int32Array;
  /**
   * The value of a plain unquoted number (`[+-]digits[.digits]`, at most 15 digits, no leading
   * zero), else NaN: the field still has to be read from its bytes.
   */
  numbers: Float64Array;
}

/** Receives complete records; offsets index `buf` and are valid only during the call. */
export interface RecordSink {
  /** One record of `count` fields; `line` is the physical line (1-based) where it starts. */
  record(buf: Uint8Array, fields: RecordFields, count: number, line: number): void;
  /** The file ended inside a quoted field that opened on `line`, in field `field` of the last record. */
  unterminatedQuote?(line: number, field: number): void;
}

/** Tokenizer settings. */
export interface TokenizerOptions {
  /** Decimal separator for the number scan; "," when the file writes "3,14". Default ".". */
  decimal?: "." | ",";
}

// Scanner states, kept between chunks.
const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
/** Just saw a quote inside a quoted field: either an escaped quote or the closing one. */
const QUOTE_SEEN = 3;
/** Text after a closing quote (`"ab"cd`), read up to the next delimiter. */
const AFTER_QUOTE = 4;

const POW10 = new Float64Array(16).map((_, k) => 10 ** k);

function grown<T extends Int32Array | Float64Array>(a: T): T {
  const b = new (a.constructor as { new (n: number): T })(a.length * 2);
  b.set(a);
  return b;
}

/** Push-driven CSV tokenizer: `push` chunks, then `end`; complete records go to the sink. */
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
  private count = 0;
  private readonly fields: RecordFields = {
    starts: new Int32Array(64),
    ends: new Int32Array(64),
    flags: new Int32Array(64),
    numbers: new Float64Array(64),
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

  constructor(
    delimiter: string,
    private readonly sink: RecordSink,
    opts: TokenizerOptions = {},
  ) {
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
      const { starts, ends } = this.fields;
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

  private growFields(): void {
    const f = this.fields;
    f.starts = grown(f.starts);
    f.ends = grown(f.ends);
    f.flags = grown(f.flags);
    f.numbers = grown(f.numbers);
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
    const f = this.fields;
    let { starts, ends, flags, numbers } = f;
    let count = this.count;
    let i = this.pos;
    let state = this.state;
    let fs = this.fieldStart;
    let fflags = this.fieldFlags;
    let line = this.line;

    while (i < n) {
      let c = buf[i];
      let num = Number.NaN;
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
        this.growFields();
        ({ starts, ends, flags, numbers } = f);
      }
      if (state === UNQUOTED) {
        starts[count] = fs;
        ends[count] = i;
        flags[count] = 0;
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
      this.sink.record(buf, f, count, this.recordLine);
      count = 0;
      this.recStart = i;
      this.recordLine = line;
    }

    this.count = count;
    this.pos = i;
    this.state = state;
    this.fieldStart = fs;
    this.fieldFlags = fflags;
    this.line = line;
    if (atEnd) this.finish(n, state);
  }

  private pushField(start: number, end: number, flags: number): void {
    if (this.count === this.fields.starts.length) this.growFields();
    const k = this.count;
    const f = this.fields;
    f.starts[k] = start;
    f.ends[k] = end;
    f.flags[k] = flags;
    f.numbers[k] = Number.NaN;
    this.count = k + 1;
  }

  private emit(nextRecordStart: number): void {
    this.sink.record(this.buf, this.fields, this.count, this.recordLine);
    this.count = 0;
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
