import type { IngestSource } from "./dataApi.ts";

/** Byte stream and size of whatever the person handed over; text is encoded once, in chunks. */
export async function openSource(
  source: IngestSource,
): Promise<{ stream: ReadableStream<Uint8Array>; totalBytes: number }> {
  switch (source.type) {
    case "file":
      return { stream: source.file.stream(), totalBytes: source.file.size };
    case "text": {
      const blob = new Blob([source.text], { type: "text/plain" });
      return { stream: blob.stream(), totalBytes: blob.size };
    }
    case "sample": {
      const res = await fetch(source.url);
      if (!res.ok || !res.body)
        throw new Error(`Could not open the sample ${source.name} (HTTP ${res.status}).`);
      return { stream: res.body, totalBytes: Number(res.headers.get("content-length") ?? 0) };
    }
  }
}
