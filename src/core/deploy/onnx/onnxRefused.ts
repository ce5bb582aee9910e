import { AppError } from "../../errors.ts";

/**
 * A pipeline with a step or model that has no faithful ONNX form: the export stops with one
 * sentence naming it, rather than write a file that would predict differently from the app.
 */
export class OnnxRefusedError extends AppError {
  override name = "OnnxRefusedError";
}

/** Throws the refusal. */
export function refuse(sentence: string): never {
  throw new OnnxRefusedError(sentence);
}
