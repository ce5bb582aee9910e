import { type JSX, Show } from "solid-js";
import type { LockArea } from "../../core/share/experiment.ts";
import { useClassroom } from "./ClassroomContext.tsx";
import "./share.css";

const LABEL: Record<LockArea, string> = {
  framing: "The framing is locked by the teacher",
  recipe: "The recipe is locked by the teacher",
  split: "The split is locked by the teacher",
  run: "The run settings are locked by the teacher",
};

/**
 * Settings a teacher may lock: a fieldset that disables every control inside it when `area` is
 * locked, with a label that says so. Unlocked, it draws nothing of its own.
 */
export function Locked(props: { area: LockArea; children: JSX.Element }) {
  const classroom = useClassroom();
  const locked = () => classroom.locked(props.area);
  return (
    <fieldset
      class="locked-area"
      classList={{ locked: locked() }}
      disabled={locked()}
      data-testid={`lock-${props.area}`}
      data-locked={locked() ? "true" : "false"}
    >
      <Show when={locked()}>
        <legend class="locked-label" data-testid="locked-label">
          {LABEL[props.area]}
        </legend>
      </Show>
      {props.children}
    </fieldset>
  );
}
