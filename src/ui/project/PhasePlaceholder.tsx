import { type PhaseId, phaseOf } from "./phases.ts";

/** An honest stand-in for a phase that is not built yet: what it will do, and nothing fake. */
export function PhasePlaceholder(props: { phase: PhaseId }) {
  const phase = () => phaseOf(props.phase);
  return (
    <section class="panel placeholder" data-testid="phase-placeholder" aria-labelledby="phase-heading">
      <h2 id="phase-heading">{phase().label}</h2>
      <p>{phase().plan}</p>
      <p class="hint">This phase is not built yet: it comes in a later version of AutoML Playground.</p>
    </section>
  );
}
