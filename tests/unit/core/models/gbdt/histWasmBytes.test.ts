import { describe, expect, it } from "vitest";
import wabt from "wabt";
import { histWat } from "../../../../../src/core/models/trees/histWat.ts";

/** histWat() assembled by wabt, as the source of src/core/models/trees/histWasmBytes.ts. */
async function assemble(shared: boolean): Promise<{ bytes: Uint8Array<ArrayBuffer>; lines: string[] }> {
  const tools = await wabt();
  const features = { threads: shared };
  const parsed = tools.parseWat("hist.wat", histWat(shared), features);
  try {
    // wabt's typings omit validate's features, which the shared memory needs (threads).
    const validate: (f: object) => void = parsed.validate.bind(parsed);
    validate(features);
    const bytes = new Uint8Array(parsed.toBinary({}).buffer);
    const base64 = Buffer.from(bytes).toString("base64");
    return { bytes, lines: base64.match(/.{1,96}/g) ?? [] };
  } finally {
    parsed.destroy();
  }
}

async function bytesModuleSource(): Promise<{ bytes: Uint8Array<ArrayBuffer>[]; source: string }> {
  const own = await assemble(false);
  const shared = await assemble(true);
  const list = (lines: string[]) => lines.map((l) => `  "${l}",`).join("\n");
  const source = `// Generated from histWat.ts by tests/unit/core/models/gbdt/histWasmBytes.test.ts (vitest -u).

/** The histogram kernels' WebAssembly module (histWat.ts assembled by wabt ${"1.0.39"}), base64. */
export const HIST_WASM_BASE64 = [
${list(own.lines)}
].join("");

/** The same kernels on an imported shared memory (histWat(true)), base64. */
export const HIST_SHARED_WASM_BASE64 = [
${list(shared.lines)}
].join("");
`;
  return { bytes: [own.bytes, shared.bytes], source };
}

describe("histogram WASM bytes", () => {
  it("are histWat.ts assembled (vitest -u rewrites them)", async () => {
    const { bytes, source } = await bytesModuleSource();
    for (const b of bytes) expect(WebAssembly.validate(b)).toBe(true);
    await expect(source).toMatchFileSnapshot("../../../../../src/core/models/trees/histWasmBytes.ts");
  });
});
