import { For, Show } from "solid-js";
import { type Alert, type AlertSeverity, compareAlerts } from "../../core/profile/alertTypes.ts";
import { ALERT_TYPE_LABELS, evidenceText, SEVERITY_LABELS } from "./alertText.ts";

const SEVERITIES: AlertSeverity[] = ["high", "medium", "low"];

/** What the profile flags, most serious first, each in plain words with the numbers behind it. */
export function AlertsView(props: { alerts: readonly Alert[] }) {
  const sorted = () => [...props.alerts].sort(compareAlerts);
  const of = (s: AlertSeverity) => sorted().filter((a) => a.severity === s);
  return (
    <section aria-labelledby="alerts-heading" data-testid="alerts">
      <h3 id="alerts-heading">Alerts</h3>
      <Show
        when={props.alerts.length > 0}
        fallback={<p class="ok-line">No alerts: nothing odd was found.</p>}
      >
        <For each={SEVERITIES.filter((s) => of(s).length > 0)}>
          {(s) => (
            <div class="alert-group">
              <h4>
                {SEVERITY_LABELS[s]} ({of(s).length})
              </h4>
              <ul class="alert-list">
                <For each={of(s)}>
                  {(a) => (
                    <li class="alert-item" data-testid="alert" data-type={a.type} data-severity={a.severity}>
                      <span class={`badge severity-${a.severity}`}>{SEVERITY_LABELS[a.severity]}</span>
                      <div>
                        <p class="alert-message">
                          <strong>{ALERT_TYPE_LABELS[a.type] ?? a.type}.</strong> {a.message}
                        </p>
                        <Show when={evidenceText(a.evidence)}>
                          <p class="alert-evidence">{evidenceText(a.evidence)}</p>
                        </Show>
                      </div>
                    </li>
                  )}
                </For>
              </ul>
            </div>
          )}
        </For>
      </Show>
    </section>
  );
}
