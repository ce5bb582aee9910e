import { ShareError } from "./shareError.ts";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const INDEX = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) INDEX[ALPHABET.charCodeAt(i)] = i;

/** Bytes as base64url (RFC 4648 section 5) without padding: safe in a URL fragment as is. */
export function toBase64url(bytes: Uint8Array): string {
  const out: string[] = [];
  let chunk = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const left = bytes.length - i;
    chunk += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63];
    if (left > 1) chunk += ALPHABET[(n >> 6) & 63];
    if (left > 2) chunk += ALPHABET[n & 63];
    // Joined in pieces: one growing string of a few MB is slow in some engines.
    if (chunk.length >= 8192) {
      out.push(chunk);
      chunk = "";
    }
  }
  out.push(chunk);
  return out.join("");
}

/** Base64url text back to bytes; ShareError "damaged" naming the first character that is not one. */
export function fromBase64url(text: string): Uint8Array {
  // A length of 4n + 1 leaves 6 bits that make no byte: the length check after this names the cut.
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const v = code < 128 ? INDEX[code] : -1;
    if (v < 0)
      throw new ShareError(
        "damaged",
        `The link's data has a character that does not belong there (${JSON.stringify(text[i])} at position ${i + 1}).`,
      );
    value = (value << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (value >> bits) & 255;
    }
  }
  return out.subarray(0, at);
}
