import { describe, expect, it } from "vitest";
import wabt from "wabt";
import { denseWat } from "../../../../src/core/wasm/denseWat.ts";
import { decodeBase64 } from "../../../../src/core/wasm/wasmModule.ts";

/** denseWat() assembled by wabt, as the source of src/core/wasm/denseWasmBytes.ts. */
async function bytesModuleSource(): Promise<{ bytes: Uint8Array<ArrayBuffer>; source: string }> {
  const tools = await wabt();
  const parsed = tools.parseWat("dense.wat", denseWat(), { simd: true });
  try {
    parsed.validate();
    const bytes = new Uint8Array(parsed.toBinary({}).buffer);
    const base64 = Buffer.from(bytes).toString("base64");
    const lines = base64.match(/.{1,96}/g) ?? [];
    const source = `// Generated from denseWat.ts by tests/unit/core/wasm/denseWasmBytes.test.ts (npm run build:wasm).

/** The dense kernels' WebAssembly module (denseWat.ts assembled by wabt ${"1.0.39"}), base64. */
export const DENSE_WASM_BASE64 = [
${lines.map((l) => `  "${l}",`).join("\n")}
].join("");
`;
    return { bytes, source };
  } finally {
    parsed.destroy();
  }
}

describe("dense WASM bytes", () => {
  it("are denseWat.ts assembled (npm run build:wasm rewrites them)", async () => {
    const { bytes, source } = await bytesModuleSource();
    expect(WebAssembly.validate(bytes)).toBe(true);
    await expect(source).toMatchFileSnapshot("../../../../src/core/wasm/denseWasmBytes.ts");
  });

  it("decodes base64 as Node does", () => {
    const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i * 37 + (i >> 3)) & 255);
    for (const n of [0, 1, 2, 3, 998, 1000]) {
      const text = Buffer.from(bytes.subarray(0, n)).toString("base64");
      expect(Array.from(decodeBase64(text))).toEqual(Array.from(bytes.subarray(0, n)));
    }
  });
});
