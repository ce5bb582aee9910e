import { Show } from "solid-js";
import { homeHref } from "../router/route.ts";
import type { ExperimentOpener } from "./createExperimentOpener.ts";

/** What opening a shared experiment is doing, or why it could not be opened. */
export function OpenSharedStatus(props: { opener: ExperimentOpener }) {
  return (
    <>
      <Show when={props.opener.busy()}>
        {(text) => (
          <p class="status-line" role="status" data-testid="open-status">
            <span class="spinner" aria-hidden="true" /> {text()}{" "}
            <button type="button" data-testid="open-cancel" onClick={() => props.opener.cancel()}>
              Cancel
            </button>
          </p>
        )}
      </Show>
      <Show when={props.opener.error()}>
        {(message) => (
          <div class="alert" data-testid="open-error">
            <p role="alert">{message()}</p>
            <a href={homeHref()} class="link-button" onClick={() => props.opener.dismiss()}>
              Dismiss
            </a>
          </div>
        )}
      </Show>
    </>
  );
}
