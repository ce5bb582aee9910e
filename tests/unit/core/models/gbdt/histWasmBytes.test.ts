import { describe, expect, it } from "vitest";
import wabt from "wabt";
import { histWat } from "../../../../../src/core/models/trees/histWat.ts";

/** histWat() assembled by wabt, as the source of src/core/models/trees/histWasmBytes.ts. */
async function bytesModuleSource(): Promise<{ bytes: Uint8Array<ArrayBuffer>; source: string }> {
  const tools = await wabt();
  const parsed = tools.parseWat("hist.wat", histWat());
  try {
    parsed.validate();
    const bytes = new Uint8Array(parsed.toBinary({}).buffer);
    const base64 = Buffer.from(bytes).toString("base64");
    const lines = base64.match(/.{1,96}/g) ?? [];
    const source = `// Generated from histWat.ts by tests/unit/core/models/gbdt/histWasmBytes.test.ts (vitest -u).

/** The histogram kernels' WebAssembly module (histWat.ts assembled by wabt ${"1.0.39"}), base64. */
export const HIST_WASM_BASE64 = [
${lines.map((l) => `  "${l}",`).join("\n")}
].join("");
`;
    return { bytes, source };
  } finally {
    parsed.destroy();
  }
}

describe("histogram WASM bytes", () => {
  it("are histWat.ts assembled (vitest -u rewrites them)", async () => {
    const { bytes, source } = await bytesModuleSource();
    expect(WebAssembly.validate(bytes)).toBe(true);
    await expect(source).toMatchFileSnapshot("../../../../../src/core/models/trees/histWasmBytes.ts");
  });
});
