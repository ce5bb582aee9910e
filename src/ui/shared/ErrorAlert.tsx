import { Show } from "solid-js";

/** The one error line of a page: a plain sentence, dismissable, announced by screen readers. */
export function ErrorAlert(props: { message: string | null; onDismiss?: () => void }) {
  return (
    <Show when={props.message}>
      <div class="alert">
        <p role="alert" data-testid="error-message">
          {props.message}
        </p>
        <Show when={props.onDismiss}>
          <button
            type="button"
            class="link-button"
            aria-label="Dismiss error"
            onClick={() => props.onDismiss?.()}
          >
            Dismiss
          </button>
        </Show>
      </div>
    </Show>
  );
}
