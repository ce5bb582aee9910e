import { createMemo, Index, Show } from "solid-js";
import type { ColumnKind } from "../../core/data/frame.ts";
import type { StepConfig, StepInfo } from "../../core/prep/step.ts";
import { ColumnPicker } from "./ColumnPicker.tsx";
import type { ColumnChoice } from "./columnChoices.ts";
import { ParamFieldInput } from "./ParamFieldInput.tsx";
import { paramFields, parseParamInput } from "./paramFields.ts";

const KIND_WORDS: Partial<Record<ColumnKind, string>> = { categorical: "category" };

/** "numeric, datetime" -> "every numeric or datetime feature column the step's rule picks". */
function autoHint(accepts: readonly ColumnKind[]): string {
  const kinds = accepts.map((k) => KIND_WORDS[k] ?? k);
  const list = kinds.length <= 1 ? kinds.join("") : `${kinds.slice(0, -1).join(", ")} or ${kinds.at(-1)}`;
  return `the ${list} feature columns the step's rule picks`;
}

/**
 * A step's settings, generated from its ParamSpecs, plus its columns when it reads columns.
 * Index keeps each input element across edits, so focus stays where the person is typing.
 */
export function StepConfigForm(props: {
  def: StepInfo;
  step: StepConfig;
  choices: ColumnChoice[];
  onParam: (key: string, value: unknown) => void;
  onColumns: (columns: StepConfig["columns"]) => void;
}) {
  const fields = createMemo(() => paramFields(props.def, props.step));
  return (
    <div class="step-config" data-testid="step-config">
      <Show when={(props.def.accepts?.length ?? 0) > 0}>
        <ColumnPicker
          stepId={props.step.id}
          columns={props.step.columns}
          choices={props.choices}
          autoHint={autoHint(props.def.accepts ?? [])}
          onChange={props.onColumns}
        />
      </Show>
      <Show
        when={fields().length > 0}
        fallback={<p class="hint">This step has no settings besides its columns.</p>}
      >
        <div class="param-grid">
          <Index each={fields()}>
            {(field) => (
              <ParamFieldInput
                field={field()}
                stepId={props.step.id}
                onInput={(raw) => {
                  const spec = props.def.params?.[field().key];
                  if (spec) props.onParam(field().key, parseParamInput(spec, raw));
                }}
              />
            )}
          </Index>
        </div>
      </Show>
    </div>
  );
}
