import { For, Show } from "solid-js";
import type { SplitConfig } from "../../core/prep/splits.ts";
import {
  changeSplitType,
  DEFAULT_FOLDS,
  DEFAULT_TEST_FRACTION,
  SPLIT_TYPES,
  type SplitColumns,
  type SplitType,
} from "../recipe/splitSettings.ts";

type Patch = Record<string, unknown>;

/** The split's settings; which fields show depends on its kind. */
export function SplitFields(props: {
  split: SplitConfig;
  columns: SplitColumns;
  onChange: (split: SplitConfig) => void;
}) {
  const s = () => props.split as SplitConfig & Patch;
  const patch = (p: Patch) => props.onChange({ ...props.split, ...p } as SplitConfig);
  const has = (...types: SplitType[]) => types.includes(props.split.type);
  const hint = () => SPLIT_TYPES.find((t) => t.type === props.split.type)?.hint ?? "";
  const columnOptions = () =>
    props.split.type === "temporal" || props.split.type === "time_series"
      ? props.columns.dates
      : props.split.type === "stratified_kfold"
        ? [...(props.columns.target ? [props.columns.target] : []), ...props.columns.keys]
        : props.columns.keys;
  const num = (raw: string, scale = 1) => {
    const n = Number(raw);
    return raw.trim() === "" || !Number.isFinite(n) ? undefined : n / scale;
  };

  return (
    <div class="split-fields">
      <label class="field">
        <span>Kind of split</span>
        <select
          data-testid="split-type"
          onChange={(e) =>
            props.onChange(changeSplitType(props.split, e.currentTarget.value as SplitType, props.columns))
          }
        >
          <For each={SPLIT_TYPES}>
            {(t) => (
              <option value={t.type} selected={t.type === props.split.type}>
                {t.label}
              </option>
            )}
          </For>
        </select>
        <span class="param-doc">{hint()}</span>
      </label>
      <Show when={has("temporal", "group", "stratified_kfold", "time_series")}>
        <label class="field">
          <span>
            {props.split.type === "group"
              ? "Group column"
              : props.split.type === "stratified_kfold"
                ? "Class column"
                : "Date column"}
          </span>
          <select
            data-testid="split-column"
            onChange={(e) => patch({ column: e.currentTarget.value || null })}
          >
            <Show when={props.split.type === "time_series"}>
              <option value="" selected={!s().column}>
                File order
              </option>
            </Show>
            <Show when={props.split.type !== "time_series" && !s().column}>
              <option value="" selected>
                Pick a column
              </option>
            </Show>
            <For each={columnOptions()}>
              {(c) => (
                <option value={c} selected={c === s().column}>
                  {c}
                </option>
              )}
            </For>
          </select>
        </label>
      </Show>
      {/* Every kind has a test share, folds and a seed: training holds back the test part,
          cross-validates the rest in that many folds, and seeds the split and every model. */}
      <NumberField
        label="Test rows (%)"
        testId="split-test"
        min="0"
        max="50"
        step="5"
        value={Math.round(((s().testFraction as number | undefined) ?? DEFAULT_TEST_FRACTION) * 1000) / 10}
        onChange={(raw) => patch({ testFraction: num(raw, 100) })}
      />
      <NumberField
        label="Folds"
        testId="split-folds"
        min="2"
        max="20"
        step="1"
        value={(s().folds as number | undefined) ?? DEFAULT_FOLDS}
        onChange={(raw) => patch({ folds: num(raw) })}
      />
      <NumberField
        label="Seed"
        testId="split-seed"
        min="0"
        step="1"
        value={(s().seed as number | undefined) ?? 0}
        onChange={(raw) => patch({ seed: num(raw) ?? 0 })}
      />
      <Show when={props.split.type === "holdout"}>
        <label class="check split-check">
          <input
            type="checkbox"
            data-testid="split-stratify"
            disabled={!props.columns.target}
            checked={Boolean(s().stratify)}
            onChange={(e) => patch({ stratify: e.currentTarget.checked ? props.columns.target : null })}
          />
          <span>Stratified{props.columns.target ? ` by ${props.columns.target}` : " (needs a target)"}</span>
        </label>
      </Show>
      <Show when={props.split.type === "kfold"}>
        <label class="check split-check">
          <input
            type="checkbox"
            checked={s().shuffle !== false}
            onChange={(e) => patch({ shuffle: e.currentTarget.checked })}
          />
          <span>Shuffle rows first</span>
        </label>
        <label class="check split-check">
          <input
            type="checkbox"
            data-testid="split-sklearn"
            disabled={s().shuffle === false}
            checked={Boolean(s().sklearn) && s().shuffle !== false}
            onChange={(e) => patch({ sklearn: e.currentTarget.checked })}
          />
          <span>
            Same folds as scikit-learn's <code>KFold(shuffle=True, random_state=seed)</code>, to compare with
            a notebook fold for fold
          </span>
        </label>
      </Show>
    </div>
  );
}

/** One labelled number input; `onChange` hears the raw text. */
function NumberField(props: {
  label: string;
  testId: string;
  min: string;
  max?: string;
  step: string;
  value: number;
  onChange: (raw: string) => void;
}) {
  return (
    <label class="field">
      <span>{props.label}</span>
      <input
        type="number"
        min={props.min}
        max={props.max}
        step={props.step}
        data-testid={props.testId}
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      />
    </label>
  );
}
