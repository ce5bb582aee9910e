/** Binary features of two numeric columns: `a/b`, `a-b`, `a*b`. */
export type PairOp = "ratio" | "difference" | "product";
/** Every pair op, in menu order. */
export const PAIR_OPS: readonly PairOp[] = ["ratio", "difference", "product"];

const SYMBOL: Record<PairOp, string> = { ratio: "/", difference: "-", product: "*" };

/** The column name of `a op b`, e.g. `price/area`. */
export function pairName(op: PairOp, a: string, b: string): string {
  return `${a}${SYMBOL[op]}${b}`;
}

/** `a op b` row by row; a ratio with a zero denominator (0/0 too) is NaN, as is any missing operand. */
export function applyPair(op: PairOp, a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    out[i] = op === "product" ? x * y : op === "difference" ? x - y : y !== 0 ? x / y : Number.NaN;
  }
  return out;
}
