import { createSignal, Show } from "solid-js";
import { copyProject } from "../../persist/projects.ts";
import type { ProjectRecord } from "../../persist/types.ts";
import { useApp } from "../app/AppContext.tsx";
import type { PhaseId } from "../project/phases.ts";
import { navigate } from "../router/createHashRoute.ts";
import { projectHref } from "../router/route.ts";
import { getDb } from "../shared/appDb.ts";
import { errorMessage } from "../shared/errorMessage.ts";

/**
 * Says a project came from a shared experiment: the data's SHA-256 and whether the rebuilt table
 * matched it, what the teacher locked, and "Make my own copy" to work on without the locks.
 */
export function SharedBanner(props: { project: ProjectRecord; phase: PhaseId }) {
  const { projects } = useApp();
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const shared = () => props.project.shared!;
  const teacher = () => shared().teacher;

  const copy = async () => {
    setBusy(true);
    setError(null);
    try {
      const db = await getDb();
      const mine = await copyProject(db, props.project.id, `${props.project.name} (my copy)`);
      await projects[1].touch(mine.id);
      navigate(projectHref(mine.id, props.phase));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="shared-banner" data-testid="shared-banner" aria-label="Shared experiment">
      <p>
        <Show when={teacher()} fallback="Opened from a shared experiment.">
          A teacher's experiment
          <Show when={teacher()!.locked.length > 0}>: some settings are locked by the teacher</Show>.
        </Show>{" "}
        Data SHA-256{" "}
        <code class="sha" data-testid="shared-sha" title={shared().dataSha256}>
          {shared().dataSha256.slice(0, 16)}…
        </code>{" "}
        <Show
          when={shared().dataMatches}
          fallback={
            <strong class="warn-text" data-testid="shared-check">
              does not match the rebuilt table: the results may differ from the teacher's.
            </strong>
          }
        >
          <span class="ok-text" data-testid="shared-check">
            ✓ checked: the rebuilt table is the shared one.
          </span>
        </Show>
      </p>
      <Show when={teacher()}>
        <button type="button" data-testid="make-copy" disabled={busy()} onClick={() => void copy()}>
          Make my own copy
        </button>
      </Show>
      <Show when={error()}>
        <p role="alert" class="warn-text">
          {error()}
        </p>
      </Show>
    </section>
  );
}
