import { createMemo, createSignal, For, Show } from "solid-js";
import { formatBytes } from "../../persist/storage.ts";
import type { ModelVersion, RegistryRecord } from "../../persist/types.ts";
import { ConfirmButton } from "../shared/ConfirmButton.tsx";
import { formatDateTime } from "../shared/format.ts";
import { badgesOf, compareRows, sameData, versionName } from "./deployState.ts";

/** A version's note, shown as text with an edit button; Save writes it, Escape or Cancel drops the edit. */
function NoteCell(props: { version: ModelVersion; disabled: boolean; onSave: (note: string) => void }) {
  const [editing, setEditing] = createSignal(false);
  const [draft, setDraft] = createSignal("");
  return (
    <Show
      when={editing()}
      fallback={
        <div class="version-note">
          <span data-testid="version-note">{props.version.note || "–"}</span>
          <button
            type="button"
            class="link-button"
            data-testid="edit-note"
            disabled={props.disabled}
            aria-label={`Edit the note of ${versionName(props.version)}`}
            onClick={() => {
              setDraft(props.version.note);
              setEditing(true);
            }}
          >
            Edit
          </button>
        </div>
      }
    >
      <form
        class="version-note-form"
        onSubmit={(e) => {
          e.preventDefault();
          setEditing(false);
          props.onSave(draft());
        }}
      >
        <textarea
          data-testid="note-input"
          rows={2}
          maxLength={2000}
          aria-label={`Note of ${versionName(props.version)}`}
          value={draft()}
          onInput={(e) => setDraft(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === "Escape") setEditing(false);
          }}
        />
        <div>
          <button type="submit" class="button-quiet" data-testid="save-note">
            Save
          </button>
          <button type="button" class="button-quiet" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </div>
      </form>
    </Show>
  );
}

/**
 * Every version of the project side by side, one column each: scores (and how they were
 * measured), settings, recipe, the training data's fingerprint, size, date and note, with the
 * champion / challenger badges and the actions on each version.
 */
export function VersionCompare(props: {
  versions: ModelVersion[];
  registry: RegistryRecord | null;
  selected: string | null;
  busy: boolean;
  onOpen: (id: string) => void;
  onPromote: (id: string) => void;
  onChallenge: (id: string) => void;
  onDelete: (id: string) => void;
  onExport: (id: string) => void;
  onExportHtml: (id: string) => void;
  onExportOnnx: (id: string) => void;
  onNote: (id: string, note: string) => void;
}) {
  const rows = createMemo(() => compareRows(props.versions, formatBytes));
  return (
    <div class="version-compare">
      <p class="hint" data-testid="same-data">
        <Show
          when={sameData(props.versions)}
          fallback={
            props.versions.length > 1
              ? "Not every version was trained on the same rows: compare their scores with care (see Training data)."
              : ""
          }
        >
          Every version was trained on the same rows, so their scores compare like for like.
        </Show>
      </p>
      <section class="table-scroll" tabindex="0" aria-label="Model versions side by side">
        <table class="versions" data-testid="versions">
          <caption class="visually-hidden">Model versions of this project, one column each</caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <For each={props.versions}>
                {(v) => (
                  <th
                    scope="col"
                    data-testid="version-head"
                    data-version={v.number}
                    classList={{ selected: props.selected === v.id }}
                  >
                    <span class="version-name">{versionName(v)}</span>
                    <For each={badgesOf(props.registry, v.id)}>
                      {(b) => (
                        <span class={`badge badge-${b}`} data-testid={`badge-${b}`}>
                          {b}
                        </span>
                      )}
                    </For>
                    <div class="version-date">{formatDateTime(v.createdAt)}</div>
                  </th>
                )}
              </For>
            </tr>
          </thead>
          <tbody>
            <For each={rows()}>
              {(row) => (
                <tr data-row={row.key}>
                  <th scope="row">{row.label}</th>
                  <For each={row.cells}>
                    {(cell, i) => (
                      <td
                        classList={{ differs: row.differs?.[i()] ?? false }}
                        title={row.key === "data" ? props.versions[i()].dataFingerprint : undefined}
                      >
                        {cell}
                      </td>
                    )}
                  </For>
                </tr>
              )}
            </For>
            <tr data-row="note">
              <th scope="row">Note</th>
              <For each={props.versions}>
                {(v) => (
                  <td>
                    <NoteCell version={v} disabled={props.busy} onSave={(n) => props.onNote(v.id, n)} />
                  </td>
                )}
              </For>
            </tr>
            <tr data-row="actions">
              <th scope="row">Actions</th>
              <For each={props.versions}>
                {(v) => {
                  const champion = () => props.registry?.champion === v.id;
                  const challenger = () => props.registry?.challenger === v.id;
                  return (
                    <td>
                      <div class="version-actions" data-testid="version-actions" data-version={v.number}>
                        <button
                          type="button"
                          class="button-quiet"
                          data-testid="open-version"
                          aria-pressed={props.selected === v.id}
                          onClick={() => props.onOpen(v.id)}
                        >
                          Use
                        </button>
                        <Show when={!champion()}>
                          <button
                            type="button"
                            class="button-quiet"
                            data-testid="promote"
                            disabled={props.busy}
                            onClick={() => props.onPromote(v.id)}
                          >
                            Promote
                          </button>
                        </Show>
                        <Show when={!champion() && !challenger()}>
                          <button
                            type="button"
                            class="button-quiet"
                            data-testid="make-challenger"
                            disabled={props.busy}
                            onClick={() => props.onChallenge(v.id)}
                          >
                            Make challenger
                          </button>
                        </Show>
                        <button
                          type="button"
                          class="button-quiet"
                          data-testid="export-version"
                          onClick={() => props.onExport(v.id)}
                        >
                          Export
                        </button>
                        <button
                          type="button"
                          class="button-quiet"
                          data-testid="export-html"
                          title="One HTML file that predicts offline in any browser"
                          onClick={() => props.onExportHtml(v.id)}
                        >
                          Export as HTML predictor
                        </button>
                        <button
                          type="button"
                          class="button-quiet"
                          data-testid="export-onnx"
                          title="The whole pipeline as one ONNX file, for ONNX Runtime in Python, Node, C# or a serving engine"
                          disabled={props.busy}
                          onClick={() => props.onExportOnnx(v.id)}
                        >
                          Export as ONNX
                        </button>
                        <ConfirmButton
                          label="Delete"
                          confirmLabel={`Delete ${versionName(v)}`}
                          question={
                            champion()
                              ? "This is the champion: promote another version or roll back first."
                              : `Delete ${versionName(v)} and its model file?`
                          }
                          testId="delete-version"
                          confirmTestId="confirm-delete-version"
                          disabled={props.busy}
                          onConfirm={() => props.onDelete(v.id)}
                        />
                      </div>
                    </td>
                  );
                }}
              </For>
            </tr>
          </tbody>
        </table>
      </section>
    </div>
  );
}
