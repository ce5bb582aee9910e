import { For } from "solid-js";

export const EXPLORE_VIEWS = [
  { id: "overview", label: "Overview" },
  { id: "alerts", label: "Alerts" },
  { id: "columns", label: "Columns" },
  { id: "relationships", label: "Relationships" },
  { id: "multivariate", label: "Multivariate" },
] as const;

export type ExploreView = (typeof EXPLORE_VIEWS)[number]["id"];

/** The Explore views as tabs; arrow keys move between them (WAI-ARIA tabs pattern). */
export function ExploreTabs(props: {
  view: ExploreView;
  alerts: number;
  onChange: (v: ExploreView) => void;
}) {
  const move = (e: KeyboardEvent) => {
    if (e.key !== "ArrowRight" && e.key !== "ArrowLeft") return;
    const i = EXPLORE_VIEWS.findIndex((v) => v.id === props.view);
    const next =
      EXPLORE_VIEWS[(i + (e.key === "ArrowRight" ? 1 : EXPLORE_VIEWS.length - 1)) % EXPLORE_VIEWS.length];
    props.onChange(next.id);
    (e.currentTarget as HTMLElement).querySelector<HTMLElement>(`[data-view="${next.id}"]`)?.focus();
  };
  return (
    <div class="tabs" role="tablist" aria-label="Explore views" onKeyDown={move}>
      <For each={EXPLORE_VIEWS}>
        {(v) => (
          <button
            type="button"
            role="tab"
            id={`explore-tab-${v.id}`}
            aria-controls="explore-panel"
            aria-selected={props.view === v.id}
            tabIndex={props.view === v.id ? 0 : -1}
            data-view={v.id}
            data-testid={`explore-tab-${v.id}`}
            onClick={() => props.onChange(v.id)}
          >
            {v.label}
            {v.id === "alerts" && props.alerts > 0 ? ` (${props.alerts})` : ""}
          </button>
        )}
      </For>
    </div>
  );
}
