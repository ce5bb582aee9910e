/**
 * A model file as one ONNX graph, from raw columns to predictions (issue 12): one input per raw
 * column ([N, 1]; float32 for numeric columns with NaN = missing, string for every other kind with
 * "" = missing), the recipe's steps, the model (or each ensemble member and the weighted sum of
 * their probabilities), and the outputs `label` [N] + `probabilities` [N, C] float32 in the
 * class order, or `variable` [N, 1] for regression. Class order, inputs and the model card go
 * into metadata_props. Anything without a faithful form throws OnnxRefusedError with one sentence.
 */
import type { LoadedPipeline } from "../../automl/artifact/loadPipeline.ts";
import type { ModelFile } from "../modelFile.ts";
import { attr, GraphBuilder } from "./graphBuilder.ts";
import { type ModelOutput, modelToOnnx } from "./modelToOnnx.ts";
import { OnnxInputs } from "./onnxColumns.ts";
import { encodeModel, ONNX_IR_VERSION, ONNX_ML_OPSET, ONNX_OPSET } from "./onnxModel.ts";
import { refuse } from "./onnxRefused.ts";
import { recipeToOnnx } from "./recipeToOnnx.ts";

/** Names of the graph outputs. */
export const ONNX_OUTPUTS = { label: "label", probabilities: "probabilities", variable: "variable" } as const;

/** What the export states about its target, for the README and the UI. */
export const ONNX_TARGET = `IR version ${ONNX_IR_VERSION}, opsets ai.onnx ${ONNX_OPSET} and ai.onnx.ml ${ONNX_ML_OPSET}`;

/** Options of `exportOnnx`. */
export interface ExportOnnxOptions {
  /** The app's version, written as the producer version. */
  appVersion: string;
}

/**
 * The ONNX bytes of a read model file (as `readModelFile` returns it with its loaded pipeline).
 * Throws OnnxRefusedError naming the first step or model that has no faithful ONNX form.
 */
export function exportOnnx(file: ModelFile, pipeline: LoadedPipeline, opts: ExportOnnxOptions): Uint8Array {
  const { artifact } = pipeline;
  const outputs = Object.values(ONNX_OUTPUTS) as string[];
  const clash = artifact.inputs.find((i) => outputs.includes(i.name));
  if (clash)
    refuse(`The input column "${clash.name}" has the name of an ONNX output; rename it to export the model.`);
  const g = new GraphBuilder([...artifact.inputs.map((i) => i.name), ...outputs]);
  const inputs = new OnnxInputs(g, artifact.inputs);
  const classes = artifact.task === "regression" ? null : artifact.classes;

  const parts = pipeline.members.map((m) => {
    const X = recipeToOnnx(g, inputs, m.recipe);
    const out: ModelOutput = modelToOnnx(g, X, m.model, m.modelId);
    if (!classes) {
      if (out.kind !== "value") return refuse("A regression model gave class probabilities.");
      return out.tensor;
    }
    if (out.kind !== "proba") return refuse(`The model "${m.modelId}" gives no class probabilities.`);
    const own = m.recipe.classes ?? classes;
    if (own.length === classes.length && own.every((c, i) => c === classes[i])) return out.tensor;
    // A member fitted without some class: its columns moved to the run's order, 0 for the others.
    const move = own.flatMap((c) => classes.map((d) => (c === d ? 1 : 0)));
    return g.op("MatMul", [out.tensor, g.constant("double", [own.length, classes.length], move)]);
  });
  // Weighted as predictFrame weighs: w0 p0 + w1 p1 + ..., in member order.
  let blended = parts[0];
  if (parts.length > 1) {
    blended = g.mul(parts[0], g.scalar(pipeline.members[0].weight));
    for (let j = 1; j < parts.length; j++)
      blended = g.add(blended, g.mul(parts[j], g.scalar(pipeline.members[j].weight)));
  }

  const outputInfo = [];
  if (classes) {
    // The first most probable class, as the app's argmax takes it.
    const best = g.op("ArgMax", [blended], {
      axis: attr.int(1),
      keepdims: attr.int(0),
      select_last_index: attr.int(0),
    });
    g.output(
      ONNX_OUTPUTS.label,
      g.op("Gather", [g.constant("string", [classes.length], classes), best], { axis: attr.int(0) }),
    );
    g.output(ONNX_OUTPUTS.probabilities, g.cast(blended, "float"));
    outputInfo.push(
      { name: ONNX_OUTPUTS.label, type: "string" as const, dims: ["N"], doc: "the predicted class" },
      {
        name: ONNX_OUTPUTS.probabilities,
        type: "float" as const,
        dims: ["N", classes.length],
        doc: `class probabilities in the order ${JSON.stringify(classes)}`,
      },
    );
  } else {
    g.output(ONNX_OUTPUTS.variable, g.cast(blended, "float"));
    outputInfo.push({
      name: ONNX_OUTPUTS.variable,
      type: "float" as const,
      dims: ["N", 1],
      doc: "the predicted value",
    });
  }

  const inputKinds = artifact.inputs.map((i) => ({ name: i.name, kind: i.kind }));
  for (const info of g.inputs) {
    const kind = artifact.inputs.find((i) => i.name === info.name)?.kind;
    info.doc =
      kind === "numeric"
        ? "numbers as float32; NaN = missing"
        : `${kind} values as text; "" (or NA, null, ?) = missing`;
  }
  return encodeModel({
    producerName: "AutoML Playground",
    producerVersion: opts.appVersion,
    docString: `${artifact.label} predicting "${artifact.target}" (${artifact.task}), exported from AutoML Playground.`,
    graphName: `${artifact.model_id}_pipeline`,
    inputs: g.inputs,
    outputs: outputInfo,
    nodes: g.nodes,
    initializers: g.initializers,
    metadata: [
      ["task", artifact.task],
      ["target", artifact.target],
      ["classes", JSON.stringify(classes)],
      ["inputs", JSON.stringify(inputKinds)],
      ["model", artifact.label],
      ["model_card", JSON.stringify(file.card)],
      ["model_file_sha256", file.sha256],
    ],
  });
}
