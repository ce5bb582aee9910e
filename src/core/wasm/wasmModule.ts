// Loading a WebAssembly module inlined as base64, synchronously (Node, workers and the page alike,
// with no fetch), shared by the dense kernels and the tree histograms.

/** The few WebAssembly shapes used here (core's tsconfig has no DOM lib, and a host may lack it). */
interface WasmHost {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}

/** Bytes in a WebAssembly memory page (the unit of `memory.grow`). */
export const WASM_PAGE = 65536;

const host = () => (globalThis as { WebAssembly?: WasmHost }).WebAssembly;

/**
 * A loader of the module in `base64`, compiled on first call and once per thread. It returns null
 * where WebAssembly (or a feature the module uses, such as SIMD) is missing or a synchronous
 * compile is refused (Chrome's main thread compiles only small modules that way).
 */
export function moduleLoader(base64: string): () => object | null {
  let compiled: object | null | undefined;
  return () => {
    if (compiled !== undefined) return compiled;
    compiled = null;
    const wasm = host();
    if (!wasm) return compiled;
    try {
      const bytes = decodeBase64(base64);
      if (wasm.validate(bytes)) compiled = new wasm.Module(bytes);
    } catch {
      compiled = null;
    }
    return compiled;
  };
}

/** A fresh instance's exports (no imports); throws where the host cannot make one (memory). */
export function instantiate(module: object): Record<string, unknown> {
  return new (host() as WasmHost).Instance(module, {}).exports;
}

/**
 * A fresh instance's exports with its exported `memory` grown to hold at least `bytes`; throws
 * where the host cannot make or grow it (WebAssembly memory stops at 4 GiB).
 */
export function instantiateWithRoom(module: object, bytes: number): Record<string, unknown> {
  const e = instantiate(module);
  const memory = e.memory as { buffer: ArrayBuffer; grow(pages: number): number };
  const have = memory.buffer.byteLength;
  if (bytes > have) memory.grow(Math.ceil((bytes - have) / WASM_PAGE));
  return e;
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Standard base64 to bytes (core has no atob type, and Node's Buffer is not everywhere). */
export function decodeBase64(text: string): Uint8Array {
  const clean = text.replace(/=+$/, "");
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let o = 0;
  for (const ch of clean) {
    const d = ALPHABET.indexOf(ch);
    if (d < 0) throw new Error(`invalid base64 character: ${ch}`);
    value = (value << 6) | d;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (value >> bits) & 255;
    }
  }
  return out;
}
