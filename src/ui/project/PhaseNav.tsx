import { For } from "solid-js";
import { projectHref } from "../router/route.ts";
import { PHASES, type PhaseId } from "./phases.ts";

/** The life cycle as numbered steps; the current one carries aria-current. */
export function PhaseNav(props: { projectId: string; phase: PhaseId }) {
  return (
    <nav class="phase-nav" aria-label="Life-cycle phases">
      <ol>
        <For each={PHASES}>
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
