import { describe, expect, it } from "vitest";
import wabt from "wabt";
import { scanWat } from "../../../../../src/core/models/knn/scanWat.ts";

/** scanWat() assembled by wabt, as the source of src/core/models/knn/scanWasmBytes.ts. */
async function bytesModuleSource(): Promise<{ bytes: Uint8Array<ArrayBuffer>; source: string }> {
  const tools = await wabt();
  const parsed = tools.parseWat("scan.wat", scanWat(), { simd: true });
  try {
    parsed.validate();
    const bytes = new Uint8Array(parsed.toBinary({}).buffer);
    const lines =
      Buffer.from(bytes)
        .toString("base64")
        .match(/.{1,96}/g) ?? [];
    const source = `// Generated from scanWat.ts by tests/unit/core/models/knn/scanWasmBytes.test.ts (vitest -u).

/** kNN's fused shortlist kernel as a WebAssembly module (scanWat.ts assembled by wabt ${"1.0.39"}), base64. */
export const SCAN_WASM_BASE64 = [
${lines.map((l) => `  "${l}",`).join("\n")}
].join("");
`;
    return { bytes, source };
  } finally {
    parsed.destroy();
  }
}

describe("kNN scan WASM bytes", () => {
  it("are scanWat.ts assembled (vitest -u rewrites them)", async () => {
    const { bytes, source } = await bytesModuleSource();
    expect(WebAssembly.validate(bytes)).toBe(true);
    await expect(source).toMatchFileSnapshot("../../../../../src/core/models/knn/scanWasmBytes.ts");
  });
});
