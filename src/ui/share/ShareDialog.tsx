import { createSignal, For, onCleanup, Show } from "solid-js";
import type { Progress } from "../../core/progress.ts";
import type { TeacherSettings } from "../../core/share/experiment.ts";
import { PHASES, type PhaseId } from "../project/phases.ts";
import { downloadBlob } from "../shared/download.ts";
import { errorMessage } from "../shared/errorMessage.ts";
import { useTrainStore } from "../train/appTrainStore.ts";
import { buildExperiment } from "./buildExperiment.ts";
import { shareClient } from "./shareClient.ts";
import { appBase, maxPayloadChars, type PackedShare, shareOf, sizeText } from "./shareLink.ts";
import { TeacherFields } from "./TeacherFields.tsx";

const EMPTY_TEACHER: TeacherSettings = { locked: [], hidden: [], hideAdvanced: false, notes: {} };

/** "Share": the whole experiment in a link (or a .automl file when too big), teacher mode optional. */
export function ShareDialog(props: { projectId: string; projectName: string; phase: PhaseId }) {
  let dialog!: HTMLDialogElement;
  const [phase, setPhase] = createSignal<PhaseId>(props.phase);
  const [teaching, setTeaching] = createSignal(false);
  const [teacher, setTeacher] = createSignal<TeacherSettings>(EMPTY_TEACHER);
  const [result, setResult] = createSignal<PackedShare | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [progress, setProgress] = createSignal<Progress | null>(null);
  const [copied, setCopied] = createSignal(false);
  let packing: AbortController | null = null;
  const cancel = () => packing?.abort();
  onCleanup(cancel);

  const changed = () => {
    setResult(null);
    setCopied(false);
  };
  // The contents exist only while the dialog is open: a closed dialog's heading must not be the
  // page's first h2, which navigation focuses.
  const [shown, setShown] = createSignal(false);
  const open = () => {
    setShown(true);
    setPhase(props.phase);
    changed();
    setError(null);
    dialog.showModal();
  };

  const create = async () => {
    cancel();
    const controller = new AbortController();
    packing = controller;
    setBusy(true);
    setProgress(null);
    setError(null);
    changed();
    try {
      const [train] = useTrainStore();
      const draft = train.projectId === props.projectId && train.plan ? { ...train.draft } : null;
      const t = teaching() ? teacher() : null;
      if (t?.hidden.includes(phase()))
        throw new Error("The phase the experiment opens on is hidden: show it, or open on another.");
      const request = await buildExperiment(props.projectId, { phase: phase(), teacher: t, draft });
      // The table's CSV, SHA-256 and gzip are made in the share worker: the page stays responsive.
      const base = appBase();
      const bytes = await shareClient.pack(
        { ...request, maxPayloadChars: maxPayloadChars(base) },
        { signal: controller.signal, onProgress: setProgress },
      );
      setResult(shareOf(bytes, base));
    } catch (err) {
      if (!controller.signal.aborted) setError(errorMessage(err));
    } finally {
      if (packing === controller) {
        packing = null;
        setBusy(false);
        setProgress(null);
      }
    }
  };

  const progressText = () => {
    const p = progress();
    if (!p) return "Packing…";
    return p.phase === "csv" && p.total > 0
      ? `${p.message}: ${Math.round((100 * p.done) / p.total)}%`
      : `${p.message ?? "Packing"}…`;
  };

  const copy = async (link: string) => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      setError("The browser did not let the page copy: select the link and copy it.");
    }
  };

  const fileName = () => `${props.projectName.replace(/[^\w.-]+/g, "_") || "experiment"}.automl`;

  return (
    <>
      <button type="button" class="share-button" data-testid="share-open" onClick={open}>
        Share
      </button>
      <dialog
        ref={dialog}
        class="share-dialog"
        aria-labelledby="share-heading"
        data-testid="share-dialog"
        onClose={() => {
          cancel();
          setShown(false);
        }}
      >
        <Show when={shown()}>
          <h2 id="share-heading">Share this experiment</h2>
          <p class="hint">
            The link holds the whole experiment: the table, the framing, the recipe, the split and its seed,
            and the run settings. It is read by the app on the other device and never sent to any server.
            Whoever opens it and trains gets the same leaderboard.
          </p>
          <label class="field">
            <span>Open on the phase</span>
            <select
              data-testid="share-phase"
              value={phase()}
              onChange={(e) => {
                setPhase(e.currentTarget.value as PhaseId);
                changed();
              }}
            >
              <For each={PHASES}>{(p) => <option value={p.id}>{p.label}</option>}</For>
            </select>
          </label>
          <label class="check">
            <input
              type="checkbox"
              data-testid="teacher-mode"
              checked={teaching()}
              onChange={(e) => {
                setTeaching(e.currentTarget.checked);
                changed();
              }}
            />
            Teacher mode: lock settings, hide phases, write notes for students
          </label>
          <Show when={teaching()}>
            <TeacherFields
              value={teacher()}
              onChange={(t) => {
                setTeacher(t);
                changed();
              }}
            />
          </Show>
          <Show when={error()}>
            <p role="alert" class="warn-text" data-testid="share-error">
              {error()}
            </p>
          </Show>
          <div class="share-actions">
            <button
              type="button"
              class="button-primary"
              data-testid="share-create"
              disabled={busy()}
              onClick={() => void create()}
            >
              {busy() ? "Packing…" : "Create link"}
            </button>
            <Show when={busy()}>
              <button type="button" data-testid="share-cancel" onClick={cancel}>
                Cancel
              </button>
            </Show>
            <button type="button" data-testid="share-close" onClick={() => dialog.close()}>
              Close
            </button>
          </div>
          <Show when={busy()}>
            <p class="status-line" role="status" data-testid="share-progress">
              <span class="spinner" aria-hidden="true" /> {progressText()}
            </p>
          </Show>
          <Show when={result()}>
            {(r) => (
              <section class="share-result" aria-label="Shared experiment">
                <Show
                  when={r().link}
                  fallback={
                    <p data-testid="share-too-big">
                      The link would be {sizeText(r().linkChars)} long, more than a link should carry: hand
                      out the .automl file instead (it opens the same way, dropped on the first screen).
                    </p>
                  }
                >
                  {(link) => (
                    <>
                      <label class="field">
                        <span>Link</span>
                        <textarea
                          readonly
                          rows={3}
                          data-testid="share-link"
                          value={link()}
                          onFocus={(e) => e.currentTarget.select()}
                        />
                      </label>
                      <button type="button" data-testid="share-copy" onClick={() => void copy(link())}>
                        {copied() ? "Copied" : "Copy link"}
                      </button>
                    </>
                  )}
                </Show>
                <p class="hint" data-testid="share-size">
                  {sizeText(r().csvBytes)} of data packed into a{" "}
                  {r().link ? `${sizeText(r().linkChars)} link` : "file"} ({sizeText(r().fileBytes)} as a
                  file).
                </p>
                <button
                  type="button"
                  data-testid="share-file"
                  onClick={() => downloadBlob(r().file, fileName())}
                >
                  Download .automl file
                </button>
              </section>
            )}
          </Show>
        </Show>
      </dialog>
    </>
  );
}
