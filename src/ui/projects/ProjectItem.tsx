import { Show } from "solid-js";
import type { ProjectRecord } from "../../persist/types.ts";
import { projectHref } from "../router/route.ts";
import { ConfirmButton } from "../shared/ConfirmButton.tsx";
import { formatDateTime, plural } from "../shared/format.ts";
import { InlineRename } from "../shared/InlineRename.tsx";
import type { ProjectSummary } from "./projectsStore.ts";

export function ProjectItem(props: {
  project: ProjectRecord;
  summary: ProjectSummary | undefined;
  onRename: (name: string) => void;
  onDelete: () => void;
}) {
  return (
    <li class="project-item" data-testid="project-item">
      <div class="project-title">
        <InlineRename
          name={props.project.name}
          label="Project name"
          testId="rename-project"
          inputTestId="rename-project-input"
          onSave={(name) => props.onRename(name)}
        >
          <a class="project-link" href={projectHref(props.project.id)} data-testid="project-link">
            {props.project.name}
          </a>
        </InlineRename>
      </div>
      <p class="project-meta">
        <Show when={props.summary}>
          {(s) => (
            <span>
              {plural(s().datasets, "dataset")}
              <Show when={s().datasets > 0}> · {plural(s().rows, "row")}</Show> ·{" "}
            </span>
          )}
        </Show>
        <span>
          Updated{" "}
          <time datetime={new Date(props.project.updatedAt).toISOString()}>
            {formatDateTime(props.project.updatedAt)}
          </time>
        </span>
      </p>
      <div class="project-actions">
        <ConfirmButton
          label="Delete"
          confirmLabel="Delete project"
          question={`Delete "${props.project.name}" and its datasets?`}
          testId="delete-project"
          confirmTestId="confirm-delete"
          onConfirm={() => props.onDelete()}
        />
      </div>
    </li>
  );
}
