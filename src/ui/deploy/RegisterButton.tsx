import { createSignal, Show } from "solid-js";
import "./deploy.css";
import { predictClient } from "../bridges/predictClient.ts";
import { projectHref } from "../router/route.ts";
import { errorMessage } from "../shared/errorMessage.ts";

/**
 * "Register" on a leaderboard row: opens a note field, then keeps the model as a new version of
 * the project in the registry (the model file is made in the predictor worker) and links to Deploy.
 */
export function RegisterButton(props: { projectId: string; runId: string; modelId: string; label: string }) {
  const [open, setOpen] = createSignal(false);
  const [note, setNote] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const [done, setDone] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);

  const register = async () => {
    setBusy(true);
    setError(null);
    try {
      const v = await predictClient.register({ runId: props.runId, modelId: props.modelId, note: note() });
      setDone(`v${v.number}`);
      setOpen(false);
      setNote("");
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <span class="register" data-testid="register" data-model={props.modelId}>
      <Show
        when={open()}
        fallback={
          <button
            type="button"
            class="button-quiet"
            data-testid="register-open"
            aria-label={`Register ${props.label} as a model version`}
            onClick={() => {
              setDone(null);
              setOpen(true);
            }}
          >
            Register
          </button>
        }
      >
        <form
          class="register-form"
          onSubmit={(e) => {
            e.preventDefault();
            void register();
          }}
        >
          <input
            type="text"
            data-testid="register-note"
            placeholder="Note (optional)"
            aria-label={`Note for the version of ${props.label}`}
            maxLength={2000}
            value={note()}
            onInput={(e) => setNote(e.currentTarget.value)}
          />
          <button type="submit" class="button-primary" data-testid="register-confirm" disabled={busy()}>
            {busy() ? "Registering…" : "Register"}
          </button>
          <button type="button" class="button-quiet" disabled={busy()} onClick={() => setOpen(false)}>
            Cancel
          </button>
        </form>
      </Show>
      <Show when={done()}>
        {(name) => (
          <span class="ok-line" data-testid="registered">
            Registered as <a href={projectHref(props.projectId, "deploy")}>{name()}</a>
          </span>
        )}
      </Show>
      <Show when={error()}>
        <span class="danger-text" role="alert" data-testid="register-error">
          {error()}
        </span>
      </Show>
    </span>
  );
}
