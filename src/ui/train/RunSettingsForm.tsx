import { For, Show } from "solid-js";
import type { LadderModelInfo } from "../../../workers/trainApi.ts";
import { useClassroom } from "../share/ClassroomContext.tsx";
import type { SettingsDraft } from "./runSettings.ts";
import { TuneField } from "./TuneField.tsx";

/** A whole or decimal number from an input, or NaN for an empty one. */
const numberOf = (el: HTMLInputElement) => (el.value.trim() === "" ? Number.NaN : Number(el.value));

/**
 * The run's own settings: which models (ladder order), the ensemble, the tuning budget, the net's
 * epochs; and the
 * project's split (test share, folds, seed), shown read-only with a link to Prepare where it is set.
 */
export function RunSettingsForm(props: {
  models: readonly LadderModelInfo[];
  draft: SettingsDraft;
  /** What training does with the project's split, in words (see `trainingSummary`). */
  splitText: string;
  /** The plan's rows on this table: "120 training rows in 5 folds, 30 test rows". */
  rowsText: string;
  prepareHref: string;
  disabled: boolean;
  onToggle: (id: string, on: boolean) => void;
  onChange: (change: Partial<SettingsDraft>) => void;
}) {
  const classroom = useClassroom();
  // The epochs, tuning budget and ensemble are advanced controls a teacher may leave out for beginners.
  const hasMlp = () => props.draft.models.includes("mlp") && !classroom.advancedHidden();
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
        <Show when={!classroom.advancedHidden()}>
          <label class="ensemble-option">
            <input
              type="checkbox"
              data-testid="ensemble-option"
              checked={props.draft.ensemble}
              onChange={(e) => props.onChange({ ensemble: e.currentTarget.checked })}
            />
            Ensemble: blend the finished models, weighted by how much each helps
          </label>
        </Show>
        <p class="hint">
          Each model is cross-validated on the training rows, then refitted on all of them and scored on the
          held-back test rows. The ensemble picks its weights on the models' cross-validation predictions (for
          each fold, without that fold's rows), so its score is as honest as theirs.
        </p>
      </fieldset>
      {/* Hidden, the teacher's tuning budget and ensemble still apply: the draft keeps them. */}
      <Show when={!classroom.advancedHidden()}>
        <TuneField
          value={props.draft.tune}
          disabled={props.disabled}
          onChange={(tune) => props.onChange({ tune })}
        />
      </Show>
      <section class="run-split" data-testid="run-split" aria-labelledby="run-split-heading">
        <h3 id="run-split-heading">Split</h3>
        <p data-testid="run-split-summary">{props.splitText}</p>
        <p data-testid="run-split-rows">{props.rowsText}</p>
        <p class="hint">
          The test share, the folds and the seed are the project's split, set in one place:{" "}
          <a href={props.prepareHref} data-testid="edit-split">
            change them in Prepare
          </a>
          .
        </p>
      </section>
      <Show when={hasMlp()}>
        <fieldset class="run-numbers" disabled={props.disabled}>
          <legend>Neural net</legend>
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
        </fieldset>
      </Show>
    </div>
  );
}
