import type { Delimiter, Encoding, Problem, ProblemType } from "../../core/data/csvTypes.ts";

export const DELIMITER_LABELS: Record<Delimiter, string> = {
  ",": "comma-separated",
  ";": "semicolon-separated",
  "\t": "tab-separated",
  "|": "pipe-separated",
};

/** The delimiter select's choices; "auto" lets the reader sniff. */
export const DELIMITER_CHOICES: readonly { value: Delimiter | "auto"; label: string }[] = [
  { value: "auto", label: "Auto" },
  { value: ",", label: "Comma ( , )" },
  { value: ";", label: "Semicolon ( ; )" },
  { value: "\t", label: "Tab" },
  { value: "|", label: "Pipe ( | )" },
];

export const ENCODING_LABELS: Record<Encoding, string> = {
  "utf-8": "UTF-8",
  "windows-1252": "Windows-1252",
  "utf-16le": "UTF-16 LE",
  "utf-16be": "UTF-16 BE",
};

export const PROBLEM_LABELS: Record<ProblemType, string> = {
  ragged_row: "ragged rows",
  duplicate_header: "duplicate headers",
  empty_header: "empty headers",
  encoding: "encoding",
  unterminated_quote: "unterminated quotes",
  mixed_types: "mixed types",
  infinite: "infinite values",
};

/** "Row 5 · column x: message", leaving out what the problem has not got. */
export function formatProblem(p: Problem): string {
  const where = [p.row === null ? "" : `Row ${p.row}`, p.column === null ? "" : `column ${p.column}`].filter(
    Boolean,
  );
  return where.length ? `${where.join(" · ")}: ${p.message}` : p.message;
}
