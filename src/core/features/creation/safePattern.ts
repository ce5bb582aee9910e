import { ValidationError } from "../../errors.ts";

/** Longest pattern accepted, and the part of each text it is run on. */
export const MAX_PATTERN_LENGTH = 200;
/** Characters of each text a pattern is run on. */
export const MAX_TEXT_SCANNED = 10_000;

/**
 * Compiles a user's regular expression for a "contains" feature, refusing the shapes that can
 * backtrack for exponential time (a quantified group that itself holds a quantifier, as `(a+)+`,
 * and back-references), so one pasted pattern cannot hang the worker. Case-insensitive, Unicode.
 */
export function compileSafePattern(pattern: string, step: string): RegExp {
  if (pattern.length === 0 || pattern.length > MAX_PATTERN_LENGTH) {
    throw new ValidationError(
      `${step}: invalid pattern: length ${pattern.length} (1 to ${MAX_PATTERN_LENGTH})`,
    );
  }
  if (/\\[1-9]|\\k</.test(pattern))
    throw new ValidationError(`${step}: invalid pattern: back-references are not allowed`);
  if (/\([^()]*[+*}][^()]*\)\s*[+*{]/.test(pattern)) {
    throw new ValidationError(`${step}: invalid pattern: nested repetition such as (a+)+ is not allowed`);
  }
  try {
    return new RegExp(pattern, "iu");
  } catch (err) {
    throw new ValidationError(`${step}: invalid pattern: ${(err as Error).message}`);
  }
}
