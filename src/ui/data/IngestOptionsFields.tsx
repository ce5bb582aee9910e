import { For } from "solid-js";
import type { IngestOptions } from "../../../workers/dataApi.ts";
import { DELIMITER_CHOICES } from "./labels.ts";

/** Delimiter and ragged-row choices; everything else is sniffed from the file. */
export function IngestOptionsFields(props: {
  value: IngestOptions;
  onChange: (next: IngestOptions) => void;
}) {
  return (
    <fieldset class="ingest-options">
      <legend>Options</legend>
      <label class="field inline">
        <span>Delimiter</span>
        <select
          data-testid="delimiter-select"
          onChange={(e) => {
            const v = e.currentTarget.value;
            props.onChange({
              ...props.value,
              delimiter: v === "auto" ? undefined : (v as NonNullable<IngestOptions["delimiter"]>),
            });
          }}
        >
          <For each={DELIMITER_CHOICES}>
            {(c) => (
              <option value={c.value} selected={(props.value.delimiter ?? "auto") === c.value}>
                {c.label}
              </option>
            )}
          </For>
        </select>
      </label>
      <label class="field inline">
        <span>Rows with too few or too many fields</span>
        <select
          data-testid="ragged-select"
          onChange={(e) =>
            props.onChange({ ...props.value, raggedRows: e.currentTarget.value === "drop" ? "drop" : "keep" })
          }
        >
          <option value="keep" selected={props.value.raggedRows !== "drop"}>
            Keep (pad or cut)
          </option>
          <option value="drop" selected={props.value.raggedRows === "drop"}>
            Drop
          </option>
        </select>
      </label>
    </fieldset>
  );
}
