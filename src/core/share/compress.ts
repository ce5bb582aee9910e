/**
 * gzip through the platform's CompressionStream (browsers, workers and Node 20 all have it): no
 * library, and gzip's CRC-32 catches a changed byte that raw deflate would let through.
 */
import { ShareError } from "./shareError.ts";

interface ByteStreamPair {
  readable: ReadableStream<Uint8Array>;
  writable: { getWriter(): { write(b: Uint8Array): Promise<void>; close(): Promise<void> } };
}
type StreamCtor = new (format: "gzip") => ByteStreamPair;

function streamCtor(name: "CompressionStream" | "DecompressionStream"): StreamCtor {
  const ctor = (globalThis as Record<string, unknown>)[name] as StreamCtor | undefined;
  if (!ctor) throw new Error(`${name} is not available here; the browser is too old to share experiments.`);
  return ctor;
}

async function pipe(pair: ByteStreamPair, bytes: Uint8Array, maxOut: number): Promise<Uint8Array> {
  const writer = pair.writable.getWriter();
  // The writer's promises reject with the reader's error too; that one is reported below.
  writer.write(bytes).catch(() => {});
  writer.close().catch(() => {});
  const reader = pair.readable.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const next = await reader.read();
    if (next.done) break;
    size += next.value.length;
    if (size > maxOut) {
      await reader.cancel();
      throw new ShareError(
        "invalid",
        `The experiment unpacks to more than ${maxOut / 2 ** 20} MiB, more than this app opens.`,
      );
    }
    chunks.push(next.value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** gzip bytes of `bytes`. */
export function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  return pipe(new (streamCtor("CompressionStream"))("gzip"), bytes, Number.POSITIVE_INFINITY);
}

/**
 * Unpacks gzip bytes, at most `maxOut` of them (a small link must not unpack into gigabytes);
 * ShareError "damaged" when they do not unpack (a changed byte, a failed checksum).
 */
export async function gunzip(bytes: Uint8Array, maxOut: number): Promise<Uint8Array> {
  try {
    return await pipe(new (streamCtor("DecompressionStream"))("gzip"), bytes, maxOut);
  } catch (err) {
    if (err instanceof ShareError) throw err;
    throw new ShareError(
      "damaged",
      `The experiment's compressed content is damaged and does not unpack (${(err as Error)?.message ?? String(err)}).`,
    );
  }
}
