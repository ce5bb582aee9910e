import { type Component, createSignal, type JSX, Show, untrack } from "solid-js";
import { ErrorAlert } from "../shared/ErrorAlert.tsx";
import { errorMessage } from "../shared/errorMessage.ts";

/**
 * A component whose code loads on first use (a dynamic `import()`), so the app's first script
 * carries only the first screen: evaluating every phase, Plot and d3 at start-up was one main-thread
 * task of 54-137 ms of CPU (issue 16 goal 5). Until the module is in, it renders an empty
 * placeholder marked `data-view-loading`, which `focusPageHeading` waits on, so that focus lands on
 * the view's own heading. No Suspense: a boundary would also catch every resource read inside the
 * view and blank it on each refetch, which the app has never done.
 */
export function lazyView<P extends object>(load: () => Promise<Component<P>>): Component<P> {
  let loaded: Component<P> | undefined;
  let pending: Promise<Component<P>> | undefined;
  return (props: P): JSX.Element => {
    const [view, setView] = createSignal<Component<P> | undefined>(loaded);
    if (!loaded) {
      pending ??= load().then((c) => {
        loaded = c;
        return c;
      });
      // A failed load (a chunk missing offline, the server gone) is said in place of the view.
      const [failed, setFailed] = createSignal<string | null>(null);
      pending.then(
        (c) => setView(() => c),
        (err: unknown) => {
          pending = undefined;
          setFailed(
            `This part of the app could not load (${errorMessage(err)}); reload the page to try again.`,
          );
        },
      );
      return (
        <Show when={view()} fallback={<LoadingView failed={failed()} />}>
          {(c) => untrack(() => c()(props))}
        </Show>
      );
    }
    return untrack(() => loaded?.(props));
  };
}

function LoadingView(props: { failed: string | null }) {
  return (
    <Show when={props.failed} fallback={<div class="view-loading" data-view-loading="" />}>
      <ErrorAlert message={props.failed} />
    </Show>
  );
}
