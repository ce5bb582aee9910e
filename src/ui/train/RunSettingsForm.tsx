import { For, Show } from "solid-js";
import type { LadderModelInfo } from "../../../workers/trainApi.ts";
import type { SettingsDraft } from "./runSettings.ts";

/** A whole or decimal number from an input, or NaN for an empty one. */
const numberOf = (el: HTMLInputElement) => (el.value.trim() === "" ? Number.NaN : Number(el.value));

/** The run's settings: which models (ladder order), folds, test share, seed, the net's epochs. */
export function RunSettingsForm(props: {
  models: readonly LadderModelInfo[];
  draft: SettingsDraft;
  disabled: boolean;
  onToggle: (id: string, on: boolean) => void;
  onChange: (change: Partial<SettingsDraft>) => void;
}) {
  const hasMlp = () => props.draft.models.includes("mlp");
  return (
    <div class="run-settings">
      <fieldset class="model-choices" disabled={props.disabled}>
        <legend>Models, simplest first</legend>
        <ul>
          <For each={props.models}>
            {(m) => (
              <li>
                <label data-testid="model-option" data-model={m.id}>
                  <input
                    type="checkbox"
                    data-testid={`model-${m.id}`}
                    checked={props.draft.models.includes(m.id)}
                    onChange={(e) => props.onToggle(m.id, e.currentTarget.checked)}
                  />
                  {m.label}
                </label>
              </li>
            )}
          </For>
        </ul>
        <label class="ensemble-option">
          <input
            type="checkbox"
            data-testid="ensemble-option"
            checked={props.draft.ensemble}
            onChange={(e) => props.onChange({ ensemble: e.currentTarget.checked })}
          />
          Ensemble: blend the finished models, weighted by how much each helps
        </label>
        <p class="hint">
          Each model is cross-validated on the training rows, then refitted on all of them and scored on the
          held-back test rows. The ensemble picks its weights on the models' cross-validation predictions (for
          each fold, without that fold's rows), so its score is as honest as theirs.
        </p>
      </fieldset>
      <fieldset class="run-numbers" disabled={props.disabled}>
        <legend>Validation</legend>
        <label class="field">
          Folds
          <input
            type="number"
            min="2"
            max="20"
            step="1"
            data-testid="folds"
            value={props.draft.folds}
            onChange={(e) => props.onChange({ folds: numberOf(e.currentTarget) })}
          />
        </label>
        <label class="field">
          Test share
          <input
            type="number"
            min="0"
            max="0.5"
            step="0.05"
            data-testid="test-size"
            value={props.draft.testSize}
            onChange={(e) => props.onChange({ testSize: numberOf(e.currentTarget) })}
          />
        </label>
        <label class="field">
          Seed
          <input
            type="number"
            min="0"
            step="1"
            data-testid="seed"
            value={props.draft.seed}
            onChange={(e) => props.onChange({ seed: numberOf(e.currentTarget) })}
          />
        </label>
        <Show when={hasMlp()}>
          <label class="field">
            Neural net epochs
            <input
              type="number"
              min="1"
              step="1"
              placeholder="200"
              data-testid="mlp-epochs"
              value={props.draft.mlpEpochs ?? ""}
              onChange={(e) => {
                const v = numberOf(e.currentTarget);
                props.onChange({ mlpEpochs: Number.isNaN(v) ? null : v });
              }}
            />
          </label>
        </Show>
      </fieldset>
    </div>
  );
}
