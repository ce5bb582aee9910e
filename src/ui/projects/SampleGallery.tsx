import { createSignal, For } from "solid-js";
import { useApp } from "../app/AppContext.tsx";
import { SAMPLES, type Sample, sampleSource } from "../data/samples.ts";
import { navigate } from "../router/createHashRoute.ts";
import { projectHref } from "../router/route.ts";
import { formatInt } from "../shared/format.ts";

/** The home page's samples: one click makes a project, opens it and loads the table. */
export function SampleGallery() {
  const { projects, datasets } = useApp();
  const [busy, setBusy] = createSignal(false);

  const start = async (sample: Sample) => {
    setBusy(true);
    const project = await projects[1].create(sample.title);
    setBusy(false);
    if (!project) return;
    // Start the load first, so the Data phase opens onto its progress; it ends framed on the sample's target.
    void datasets[1].ingest(project.id, sampleSource(sample), {}, sample.target);
    navigate(projectHref(project.id, "data"));
  };

  return (
    <section class="samples" aria-labelledby="samples-heading">
      <h2 id="samples-heading">Start from a sample</h2>
      <p class="hint">
        Each sample opens as a new project with the table loaded and framed on its target. All of them ship
        with the app.
      </p>
      <ul class="sample-grid">
        <For each={SAMPLES}>
          {(sample) => (
            <li>
              <button
                type="button"
                class="sample-card"
                data-testid={`sample-${sample.id}`}
                disabled={busy()}
                onClick={() => void start(sample)}
              >
                <span class="sample-title">{sample.title}</span>
                <span class="sample-meta">
                  {formatInt(sample.rows)} rows × {sample.columns} columns · {sample.task}
                </span>
                <span class="sample-teaches">{sample.teaches}</span>
              </button>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}
