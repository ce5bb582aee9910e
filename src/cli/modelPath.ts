/**
 * Reading a model file from disk for `predict` and `export`: the file as the core's model file
 * reader checks it (a bare pipeline from `train --out` or a model file with its card). A damaged
 * or foreign file is one sentence on stderr and exit status 2, never a stack trace nor a wrong
 * prediction.
 */
import { readFile } from "node:fs/promises";
import type { ReadModelFile } from "../core/deploy/modelFile.ts";
import type { Io } from "./io.ts";
import { UNREADABLE } from "./readTable.ts";

/**
 * The neural net predicts on tfjs' CPU backend: plain JavaScript, the backend the HTML predictor
 * bundles, so both write the same bytes (WASM and GPU backends round float32 sums differently).
 * Training keeps WASM for speed; predicting a small network is cheap on any backend.
 */
async function readyCpuBackend(): Promise<void> {
  const tf = await import("@tensorflow/tfjs");
  tf.enableProdMode();
  await tf.setBackend("cpu");
  await tf.ready();
}

/** Reads and checks the model at `path`, or writes why it cannot be used and returns 2. */
export async function readModelPath(path: string, io: Io): Promise<ReadModelFile | number> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (err) {
    const code = (err as { code?: string }).code;
    io.err(
      code === "ENOENT"
        ? `Cannot read "${path}": there is no such file.`
        : code === "EISDIR"
          ? `"${path}" is a folder, not a model file.`
          : `Cannot read "${path}" (${code ?? "error"}).`,
    );
    return UNREADABLE;
  }
  try {
    const { parseModelJson, readModelFile } = await import("../core/deploy/modelFile.ts");
    return await readModelFile(parseModelJson(text), {
      // A neural net, alone or in an ensemble, predicts with tfjs: ready it before the probe.
      beforeProbe: async (loaded) => {
        if (loaded.members.some((m) => m.modelId === "mlp")) await readyCpuBackend();
      },
    });
  } catch (err) {
    if ((err as Error | null)?.name !== "ValidationError") throw err;
    const why = (err as Error).message.replace(/\.$/, "");
    io.err(`Cannot use "${path}" as a model: ${why}.`);
    return UNREADABLE;
  }
}

/**
 * The model file (the first argument that is not an option or an option's value) and the rest;
 * `valued` names the options that take a value, so that their values are not taken for files.
 */
export function splitModelArg(
  args: string[],
  valued: readonly string[],
): { model: string | null; rest: string[] } {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith("--")) {
      if (!a.includes("=") && valued.includes(a.slice(2))) i++;
      continue;
    }
    if (a.startsWith("-") && a !== "-") continue;
    return { model: a, rest: [...args.slice(0, i), ...args.slice(i + 1)] };
  }
  return { model: null, rest: args };
}
