import { Show } from "solid-js";
import type { LeaderboardEntry } from "../../core/automl/ladder/leaderboard.ts";
import { METRICS } from "../../core/framing/metrics.ts";
import type { RunRecord } from "../../persist/types.ts";
import { PlotFigure } from "../charts/PlotFigure.tsx";
import { importanceSpec } from "../charts/specs/importanceSpec.ts";
import { ensembleMembers } from "../train/leaderboardRows.ts";

/**
 * What the ensemble is made of: each member's weight in the blend, and how the weights were
 * chosen. Stands where a single model's learning curve would be.
 */
export function EnsemblePanel(props: { run: RunRecord; entry: LeaderboardEntry }) {
  const members = () => ensembleMembers(props.entry) ?? [];
  const labelOf = (id: string) => props.run.entries.find((e) => e.model === id)?.label ?? id;
  const chosenBy = () =>
    props.run.settings.task === "regression" ? METRICS[props.entry.metric].label : "log loss";
  return (
    <section class="eval-section" aria-labelledby="ens-heading" data-testid="ensemble-panel">
      <h4 id="ens-heading">Members of the blend</h4>
      <Show when={members().length > 0} fallback={<p class="hint">No member has a weight.</p>}>
        <PlotFigure
          kind="ensemble-weights"
          caption="Each model's weight in the blend of predicted probabilities (values for regression)"
          spec={(w) =>
            importanceSpec(
              members().map((m) => ({ name: labelOf(m.model), value: m.weight })),
              { valueLabel: "Weight in the blend", subject: "models", width: w },
            )
          }
        />
      </Show>
      <p class="hint">
        Greedy ensemble selection (Caruana et al., 2004): starting from nothing, the model whose addition most
        improves the blend's {chosenBy()} on the out-of-fold predictions is added, again and again (25 times,
        repeats allowed); a weight is the share of additions. For the cross-validated score each fold's
        weights were chosen on the other folds only. A learning curve is drawn per model: open a member for
        its own.
      </p>
    </section>
  );
}
