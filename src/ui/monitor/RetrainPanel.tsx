import { For, Show } from "solid-js";
import { METRICS } from "../../core/framing/metrics.ts";
import type { CompareEvidence, MonitorDecision } from "../../persist/monitorDecisions.ts";
import { versionName } from "../../persist/registryAliases.ts";
import type { ModelVersion } from "../../persist/types.ts";
import { currentComparison, type MonitorActions, type MonitorState } from "./monitorStore.ts";
import { formatStat } from "./monitorText.ts";

/** What a comparison says, in one sentence. */
export function comparisonVerdict(e: CompareEvidence): string {
  const b = e.bootstrap;
  const higher = METRICS[b.metric].direction === "higher";
  const level = `${Math.round(b.level * 100)}%`;
  if (b.lo > 0 || b.hi < 0) {
    const challengerBetter = higher ? b.lo > 0 : b.hi < 0;
    return `The ${challengerBetter ? "challenger" : "champion"} is better on these rows: the ${level} interval of the difference does not include 0.`;
  }
  return `No clear difference on these rows: the ${level} interval of the difference includes 0.`;
}

const ACTION_LABELS: Record<MonitorDecision["action"], string> = {
  retrain: "Retrained",
  compare: "Compared",
  promote: "Promoted",
  keep: "Kept",
  rollback: "Rolled back",
};

/**
 * Retrain and compare: a challenger trained with the champion's recipe and settings on the rows
 * the person picks, compared with the champion on labelled rows neither trained on, then promoted
 * or not; every decision listed with its evidence.
 */
export function RetrainPanel(props: { state: MonitorState; actions: MonitorActions }) {
  const s = () => props.state;
  const byId = (id: string | null) => s().versions.find((v) => v.id === id) ?? null;
  const name = (v: ModelVersion | null) => (v ? `${versionName(v.number)} (${v.label})` : "none");
  const champion = () => byId(s().registry?.champion ?? null);
  const challenger = () => byId(s().registry?.challenger ?? null);
  const labelled = () =>
    s().batches.filter((b) => b.keptRows > 0 && (b.report.performance?.labelled_rows ?? 0) > 0);
  const open = () => byId(s().versionId);
  const canRetrain = () => open()?.source.kind === "run" && labelled().length > 0 && !s().busy;
  const comparison = () => currentComparison(s());
  const evidence = () => {
    const e = comparison()?.evidence;
    return e?.kind === "compare" ? e : null;
  };
  return (
    <section class="monitor-retrain" aria-labelledby="retrain-heading" data-testid="retrain-panel">
      <h3 id="retrain-heading">Retrain and compare</h3>
      <p class="hint">
        A challenger is trained with {name(open())}'s recipe and run settings. Half of the newest labelled
        batch is held out of its training, and champion and challenger are compared on that half: rows neither
        has seen.
        {labelled().length === 0
          ? " Drop a batch that has the target column, with “keep its rows” ticked, to make this possible."
          : ` Kept labelled batches: ${labelled()
              .map((b) => `#${b.number}`)
              .join(", ")}.`}
      </p>
      <fieldset class="monitor-rows" disabled={Boolean(s().busy)}>
        <legend>Rows to train the challenger on</legend>
        <label>
          <input
            type="radio"
            name="retrain-rows"
            value="all"
            data-testid="retrain-all"
            checked={s().retrainRows === "all"}
            onChange={() => props.actions.setRetrainRows("all")}
          />{" "}
          The training rows and every kept labelled batch
        </label>
        <label>
          <input
            type="radio"
            name="retrain-rows"
            value="window"
            data-testid="retrain-window"
            checked={s().retrainRows === "window"}
            onChange={() => props.actions.setRetrainRows("window")}
          />{" "}
          Only a recent window: the newest
        </label>{" "}
        <input
          type="number"
          class="window-size"
          min="1"
          step="1"
          aria-label="How many of the newest labelled batches"
          value={s().window}
          onChange={(e) =>
            props.actions.setRetrainRows(
              "window",
              Math.max(1, Math.floor(Number(e.currentTarget.value) || 1)),
            )
          }
        />{" "}
        labelled batches
      </fieldset>
      <div class="monitor-buttons">
        <button
          type="button"
          data-testid="retrain"
          disabled={!canRetrain()}
          onClick={() => void props.actions.retrain()}
        >
          Train a challenger
        </button>
      </div>
      <p data-testid="aliases">
        Champion: <strong>{name(champion())}</strong>. Challenger: <strong>{name(challenger())}</strong>.
      </p>
      <div class="monitor-buttons">
        <button
          type="button"
          data-testid="compare"
          disabled={!challenger() || !champion() || Boolean(s().busy)}
          onClick={() => void props.actions.compare()}
        >
          Compare champion and challenger
        </button>
        <button
          type="button"
          data-testid="promote"
          disabled={!challenger() || Boolean(s().busy)}
          onClick={() => void props.actions.promote()}
        >
          Promote the challenger
        </button>
        <button
          type="button"
          class="button-quiet"
          data-testid="keep"
          disabled={!challenger() || Boolean(s().busy)}
          onClick={() => void props.actions.keep()}
        >
          Keep the champion
        </button>
        <button
          type="button"
          class="button-quiet"
          data-testid="monitor-roll-back"
          disabled={(s().registry?.previousChampions.length ?? 0) === 0 || Boolean(s().busy)}
          onClick={() => void props.actions.rollBack()}
        >
          Roll back the champion
        </button>
      </div>
      <Show when={evidence()}>
        {(e) => (
          <div class="monitor-comparison" data-testid="comparison">
            <p>
              <strong>{comparisonVerdict(e())}</strong>
            </p>
            <table class="compact">
              <caption class="visually-hidden">Champion against challenger</caption>
              <tbody>
                <tr>
                  <th scope="row">Rows compared</th>
                  <td>
                    {e().rows} labelled rows of batch #{e().batchNumber}
                  </td>
                </tr>
                <tr>
                  <th scope="row">{METRICS[e().bootstrap.metric].label}</th>
                  <td>
                    champion {formatStat(e().bootstrap.a)}, challenger {formatStat(e().bootstrap.b)}
                  </td>
                </tr>
                <tr>
                  <th scope="row">Difference (challenger − champion)</th>
                  <td data-testid="difference">
                    {formatStat(e().bootstrap.difference)}, {Math.round(e().bootstrap.level * 100)}% interval{" "}
                    {formatStat(e().bootstrap.lo)} to {formatStat(e().bootstrap.hi)} (paired bootstrap,{" "}
                    {e().bootstrap.iterations} resamples, seed {e().bootstrap.seed})
                  </td>
                </tr>
                <Show when={e().mcnemar}>
                  {(m) => (
                    <tr>
                      <th scope="row">McNemar (right / wrong per row)</th>
                      <td data-testid="mcnemar">
                        {m().b} {m().b === 1 ? "row" : "rows"} only the champion got right, {m().c} only the
                        challenger; exact p = {formatStat(m().p_exact)}, mid-p = {formatStat(m().p_mid)}
                      </td>
                    </tr>
                  )}
                </Show>
              </tbody>
            </table>
          </div>
        )}
      </Show>
      <Show when={s().decisions.length > 0}>
        <h4>Decisions</h4>
        <ol class="monitor-decisions" data-testid="decisions" reversed>
          <For each={[...s().decisions].reverse()}>
            {(d) => (
              <li data-testid="decision" data-action={d.action}>
                <strong>{ACTION_LABELS[d.action]}</strong>{" "}
                <time datetime={new Date(d.at).toISOString()}>{new Date(d.at).toLocaleString()}</time>:{" "}
                {d.summary}
              </li>
            )}
          </For>
        </ol>
      </Show>
    </section>
  );
}
