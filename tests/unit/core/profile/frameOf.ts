import type { Column, ColumnKind, Frame } from "../../../../src/core/data/frame.ts";

/** Cell values as a test writes them; null / undefined / NaN / "" are missing. */
type Cell = number | string | boolean | null | undefined;

export interface ColumnSpec {
  kind?: ColumnKind;
  values: Cell[];
  labels?: [string, string];
}

const isMissing = (v: Cell) =>
  v === null || v === undefined || v === "" || (typeof v === "number" && Number.isNaN(v));

/**
 * A Frame straight from column arrays, for tests. The kind is taken from the values (numbers:
 * numeric, booleans: boolean, strings: categorical) unless given; dict columns get their levels in
 * order of first appearance, as a reader would.
 */
export function frameOf(spec: Record<string, Cell[] | ColumnSpec>): Frame {
  const columns: Column[] = Object.entries(spec).map(([name, s]) => {
    const {
      values,
      kind: given,
      labels,
    } = Array.isArray(s) ? { values: s, kind: undefined, labels: undefined } : s;
    const first = values.find((v) => !isMissing(v));
    const kind: ColumnKind =
      given ??
      (typeof first === "number" ? "numeric" : typeof first === "boolean" ? "boolean" : "categorical");
    let missing = 0;
    if (kind === "numeric" || kind === "boolean" || kind === "datetime") {
      const out = new Float64Array(values.length);
      values.forEach((v, i) => {
        if (isMissing(v)) {
          out[i] = Number.NaN;
          missing++;
        } else out[i] = typeof v === "boolean" ? Number(v) : Number(v);
      });
      const unique = new Set(Array.from(out).filter((x) => !Number.isNaN(x))).size;
      return { name, kind, role: "feature", data: { type: "float", values: out }, missing, unique, labels };
    }
    const levels: string[] = [];
    const index = new Map<string, number>();
    const codes = new Int32Array(values.length);
    values.forEach((v, i) => {
      if (isMissing(v)) {
        codes[i] = -1;
        missing++;
        return;
      }
      const key = String(v);
      let c = index.get(key);
      if (c === undefined) {
        c = levels.length;
        levels.push(key);
        index.set(key, c);
      }
      codes[i] = c;
    });
    return {
      name,
      kind,
      role: "feature",
      data: { type: "dict", codes, levels },
      missing,
      unique: levels.length,
    };
  });
  return {
    rows:
      columns[0]?.data.type === "float"
        ? columns[0].data.values.length
        : (columns[0]?.data.codes.length ?? 0),
    columns,
  };
}

/** Splits one CSV line with optional double quotes. */
function splitLine(line: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

const MISSING = new Set(["", "NA", "na", "NaN", "null"]);

/** A small CSV (no line breaks inside fields) as a Frame: a column is numeric when every present value is a number. */
export function frameOfCsv(text: string): Frame {
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  const header = splitLine(lines[0]);
  const rows = lines.slice(1).map(splitLine);
  const spec: Record<string, ColumnSpec> = {};
  header.forEach((name, j) => {
    const raw = rows.map((r) => (MISSING.has(r[j] ?? "") ? null : r[j]));
    const numeric = raw.every((v) => v === null || (v.trim() !== "" && Number.isFinite(Number(v))));
    spec[name] = numeric
      ? { kind: "numeric", values: raw.map((v) => (v === null ? null : Number(v))) }
      : { kind: "categorical", values: raw };
  });
  return frameOf(spec);
}
