import { For } from "solid-js";
import { LOCK_AREAS, type LockArea, type TeacherSettings } from "../../core/share/experiment.ts";
import { PHASES } from "../project/phases.ts";

const LOCK_LABELS: Record<LockArea, string> = {
  framing: "Framing (target, metric)",
  recipe: "Recipe (Prepare and Features steps)",
  split: "Split (test share, folds, seed)",
  run: "Run settings (models, ensemble)",
};

const toggled = <T,>(list: readonly T[], item: T, on: boolean): T[] =>
  on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);

/** The teacher's choices: what is locked, which phases are hidden, a note per phase. */
export function TeacherFields(props: { value: TeacherSettings; onChange: (next: TeacherSettings) => void }) {
  const set = (change: Partial<TeacherSettings>) => props.onChange({ ...props.value, ...change });
  return (
    <div class="teacher-fields" data-testid="teacher-fields">
      <fieldset>
        <legend>Lock for students</legend>
        <For each={LOCK_AREAS}>
          {(area) => (
            <label class="check">
              <input
                type="checkbox"
                data-testid={`teacher-lock-${area}`}
                checked={props.value.locked.includes(area)}
                onChange={(e) => set({ locked: toggled(props.value.locked, area, e.currentTarget.checked) })}
              />
              {LOCK_LABELS[area]}
            </label>
          )}
        </For>
        <label class="check">
          <input
            type="checkbox"
            data-testid="teacher-hide-advanced"
            checked={props.value.hideAdvanced}
            onChange={(e) => set({ hideAdvanced: e.currentTarget.checked })}
          />
          Hide advanced controls (reading options, adding recipe steps, tuning, ensemble, the net's epochs)
        </label>
      </fieldset>
      <fieldset>
        <legend>Phases: shown or hidden, and a note for each</legend>
        <table class="teacher-phases">
          <thead>
            <tr>
              <th scope="col">Phase</th>
              <th scope="col">Hide</th>
              <th scope="col">Note students see at the top (replaces the phase's question)</th>
            </tr>
          </thead>
          <tbody>
            <For each={PHASES}>
              {(phase) => (
                <tr>
                  <th scope="row">{phase.label}</th>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Hide ${phase.label}`}
                      data-testid={`teacher-hide-${phase.id}`}
                      checked={props.value.hidden.includes(phase.id)}
                      onChange={(e) =>
                        set({ hidden: toggled(props.value.hidden, phase.id, e.currentTarget.checked) })
                      }
                    />
                  </td>
                  <td>
                    <input
                      type="text"
                      maxLength={2000}
                      aria-label={`Note for ${phase.label}`}
                      placeholder={phase.question}
                      data-testid={`teacher-note-${phase.id}`}
                      value={props.value.notes[phase.id] ?? ""}
                      onInput={(e) => {
                        const notes = { ...props.value.notes };
                        const text = e.currentTarget.value.trim();
                        if (text) notes[phase.id] = text;
                        else delete notes[phase.id];
                        set({ notes });
                      }}
                    />
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </fieldset>
    </div>
  );
}
