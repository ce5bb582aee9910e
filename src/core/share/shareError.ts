/** The kinds of bad input a link or file can be, so the message and the tests can tell them apart. */
export type ShareProblem =
  /** Not a link or file of this app at all. */
  | "not-experiment"
  /** Made by a newer version of the app than this one. */
  | "too-new"
  /** Cut short: fewer bytes than it says it has. */
  | "truncated"
  /** Bytes changed on the way: bad characters, a failed checksum, unreadable content. */
  | "damaged"
  /** Readable, but a field is missing or wrong. */
  | "invalid";

/** A link or file that cannot be opened; `problem` says which kind, `message` says what in words. */
export class ShareError extends Error {
  override name = "ShareError";
  constructor(
    readonly problem: ShareProblem,
    message: string,
  ) {
    super(message);
  }
}
