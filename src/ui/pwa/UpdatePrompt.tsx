import { useRegisterSW } from "virtual:pwa-register/solid";
import { Show } from "solid-js";

/**
 * Offers a new version when the service worker has one, and never reloads on its own: a person
 * may be in the middle of loading data or training (squoosh's rule).
 */
export function UpdatePrompt() {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW({ immediate: true });

  return (
    <Show when={needRefresh() || offlineReady()}>
      <div class="toast" role="status" data-testid="pwa-toast">
        <Show
          when={needRefresh()}
          fallback={
            <>
              <span data-testid="offline-ready">Ready to work offline.</span>
              <button type="button" onClick={() => setOfflineReady(false)}>
                OK
              </button>
            </>
          }
        >
          <span>A new version is available. Finish what you are doing, then update.</span>
          <button type="button" onClick={() => updateServiceWorker(true)}>
            Update now
          </button>
          <button type="button" onClick={() => setNeedRefresh(false)}>
            Later
          </button>
        </Show>
      </div>
    </Show>
  );
}
