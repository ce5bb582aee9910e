import { type Accessor, createSignal, onCleanup } from "solid-js";
import { parseRoute, type Route } from "./route.ts";

/**
 * The current route as a signal, following `hashchange`. A hash router needs no server rewrite,
 * which keeps the app a plain static site that works offline from any base path.
 */
export function createHashRoute(): Accessor<Route> {
  const [route, setRoute] = createSignal<Route>(parseRoute(location.hash), {
    equals: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });
  const onChange = () => setRoute(parseRoute(location.hash));
  window.addEventListener("hashchange", onChange);
  onCleanup(() => window.removeEventListener("hashchange", onChange));
  return route;
}

/** Goes to `href` (a `#/...` string), as a link click would. */
export function navigate(href: string): void {
  if (location.hash !== href) location.hash = href;
}
