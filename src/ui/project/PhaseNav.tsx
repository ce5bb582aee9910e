import { For } from "solid-js";
import { projectHref } from "../router/route.ts";
import { useClassroom } from "../share/ClassroomContext.tsx";
import { PHASES, type PhaseId } from "./phases.ts";

/** The life cycle as numbered steps; the current one carries aria-current. A teacher's hidden phases are left out. */
export function PhaseNav(props: { projectId: string; phase: PhaseId }) {
  const classroom = useClassroom();
  const shown = () => PHASES.filter((p) => !classroom.hidden(p.id));
  return (
    <nav class="phase-nav" aria-label="Life-cycle phases">
      <ol>
        <For each={shown()}>
          {(phase, i) => (
            <li>
              <a
                href={projectHref(props.projectId, phase.id)}
                data-testid={`phase-${phase.id}`}
                aria-current={props.phase === phase.id ? "page" : undefined}
              >
                <span class="phase-step" aria-hidden="true">
                  {i() + 1}
                </span>
                {phase.label}
              </a>
            </li>
          )}
        </For>
      </ol>
    </nav>
  );
}
