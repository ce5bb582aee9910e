import { For } from "solid-js";
import type { Task } from "../../core/framing/task.ts";
import { taskTitle } from "./taskTitle.ts";

/** The task in large words and why the app reads the target that way. */
export function TaskSummary(props: { task: Task | null; reasons: readonly string[] }) {
  return (
    <section class="task-summary" aria-labelledby="task-heading">
      <h3 id="task-heading" class="visually-hidden">
        Task
      </h3>
      <p class="task-name" data-testid="task">
        {taskTitle(props.task)}
      </p>
      <ul class="reasons" data-testid="task-reasons">
        <For each={props.reasons}>{(r) => <li>{r}</li>}</For>
      </ul>
    </section>
  );
}
