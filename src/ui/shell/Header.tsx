import { Show } from "solid-js";
import { formatBytes } from "../../persist/storage.ts";
import { useApp } from "../app/AppContext.tsx";
import { homeHref } from "../router/route.ts";
import { createOnline } from "./createOnline.ts";

export function Header() {
  const { storage } = useApp();
  const [storageState] = storage;
  const online = createOnline();
  return (
    <header class="app-header">
      <div class="brand">
        <a class="app-name" href={homeHref()}>
          AutoML Playground
        </a>
        <span class="privacy">Your data stays on this device.</span>
      </div>
      <div class="header-status">
        <span class="net-status" classList={{ offline: !online() }} data-testid="net-status">
          {online() ? "Online" : "Offline"}
        </span>
        <Show when={storageState.estimate}>
          {(e) => (
            <span
              class="storage"
              data-testid="storage-estimate"
              title={e().persisted ? "Storage is persistent" : ""}
            >
              Storage: {formatBytes(e().usage)} used of {formatBytes(e().quota)}
            </span>
          )}
        </Show>
      </div>
    </header>
  );
}
