/** One way to pull byte chunks from either kind of `ByteSource`. */
import type { ByteSource } from "./csvTypes.ts";

/**
 * Yields the source's chunks. A web ReadableStream is read through its reader (not every browser
 * makes streams async-iterable); leaving the loop early cancels it.
 */
export async function* iterateBytes(source: ByteSource): AsyncGenerator<Uint8Array> {
  if ("getReader" in source) {
    const reader = source.getReader();
    let done = false;
    try {
      for (;;) {
        const r = await reader.read();
        if (r.done) {
          done = true;
          return;
        }
        yield r.value;
      }
    } finally {
      if (!done) await reader.cancel().catch(() => {});
      reader.releaseLock();
    }
  }
  const encoder = new TextEncoder();
  for await (const chunk of source) {
    // A Node stream opened with an encoding yields strings; accept them rather than fail.
    yield typeof chunk === "string" ? encoder.encode(chunk) : chunk;
  }
}

/** Streams a string as UTF-8 chunks without encoding all of it at once. */
export async function* textChunks(text: string, chunkChars = 1 << 16): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  for (let i = 0; i < text.length; ) {
    let end = Math.min(text.length, i + chunkChars);
    // Never split a surrogate pair.
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++;
    yield encoder.encode(text.slice(i, end));
    i = end;
  }
}
