/**
 * tfjs in Node for the neural net: the WASM backend (SIMD; about 3x faster per epoch than the
 * plain CPU backend, see `npm run bench -- mlp`), else the CPU backend. Never tfjs-node, whose
 * native build this project does not ship. Returns the backend in use.
 */
export async function prepareTfjs(): Promise<string> {
  const tf = await import("@tensorflow/tfjs");
  tf.enableProdMode();
  try {
    await import("@tensorflow/tfjs-backend-wasm");
    if (await tf.setBackend("wasm")) {
      await tf.ready();
      return "wasm";
    }
  } catch {
    // No WebAssembly here: fall through to the CPU backend.
  }
  await tf.setBackend("cpu");
  return "cpu";
}
