import { createSignal, Show } from "solid-js";

/**
 * A destructive action with its confirm step inside the page (never `window.confirm`): the first
 * button reveals "Delete" and "Cancel"; only the second click acts.
 */
export function ConfirmButton(props: {
  label: string;
  confirmLabel: string;
  question: string;
  testId: string;
  confirmTestId: string;
  disabled?: boolean;
  onConfirm: () => void;
}) {
  const [asking, setAsking] = createSignal(false);
  return (
    <Show
      when={asking()}
      fallback={
        <button
          type="button"
          class="button-quiet"
          data-testid={props.testId}
          disabled={props.disabled}
          onClick={() => setAsking(true)}
        >
          {props.label}
        </button>
      }
    >
      <span class="confirm">
        <span class="confirm-question">{props.question}</span>
        <button
          type="button"
          class="button-danger"
          data-testid={props.confirmTestId}
          onClick={() => {
            setAsking(false);
            props.onConfirm();
          }}
        >
          {props.confirmLabel}
        </button>
        <button type="button" class="button-quiet" onClick={() => setAsking(false)}>
          Cancel
        </button>
      </span>
    </Show>
  );
}
