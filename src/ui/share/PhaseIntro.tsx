import { Show } from "solid-js";
import { type PhaseId, phaseOf } from "../project/phases.ts";
import { useClassroom } from "./ClassroomContext.tsx";
import "./share.css";

/** The guided path: what a phase is for, and the question to ask in it (or the teacher's note). */
export function PhaseIntro(props: { phase: PhaseId }) {
  const classroom = useClassroom();
  const phase = () => phaseOf(props.phase);
  const note = () => classroom.note(props.phase);
  return (
    <aside class="phase-intro" data-testid="phase-intro" aria-label={`About the ${phase().label} phase`}>
      <p class="phase-purpose">{phase().plan}</p>
      <Show
        when={note()}
        fallback={
          <p class="phase-question" data-testid="phase-question">
            <strong>Ask yourself:</strong> {phase().question}
          </p>
        }
      >
        {(text) => (
          <p class="teacher-note" data-testid="teacher-note">
            <strong>Teacher's note:</strong> {text()}
          </p>
        )}
      </Show>
    </aside>
  );
}
