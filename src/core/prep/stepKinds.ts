import type { ColumnKind } from "../data/frame.ts";

/** Kinds kept as floats (numbers, epoch ms, 0/1). */
export const FLOAT_KINDS: readonly ColumnKind[] = ["numeric", "datetime", "boolean"];
/** Kinds a scaler works on: 0/1 indicators stay as they are. */
export const SCALE_KINDS: readonly ColumnKind[] = ["numeric", "datetime"];
/** Kinds an encoder turns into numbers. */
export const CATEGORY_KINDS: readonly ColumnKind[] = ["categorical", "text"];
