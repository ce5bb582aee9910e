import { DEFAULT_PHASE, isPhaseId, type PhaseId } from "../project/phases.ts";

/**
 * Where the app is: the project list, one phase of one project, or a shared experiment being
 * opened (its whole payload is in the fragment, which browsers never send to a server).
 */
export type Route =
  | { page: "home" }
  | { page: "project"; projectId: string; phase: PhaseId }
  | { page: "open"; payload: string };

const OPEN = /^#\/open\/(.*)$/s;

/** Reads `#/`, `#/p/<projectId>/<phase>` or `#/open/<payload>`; anything else is the home page. */
export function parseRoute(hash: string): Route {
  const open = OPEN.exec(hash);
  if (open) return { page: "open", payload: open[1] };
  const parts = hash.replace(/^#\/?/, "").split("/").filter(Boolean);
  if (parts[0] === "p" && parts[1]) {
    const phase = parts[2] && isPhaseId(parts[2]) ? parts[2] : DEFAULT_PHASE;
    return { page: "project", projectId: decodeURIComponent(parts[1]), phase };
  }
  return { page: "home" };
}

export function homeHref(): string {
  return "#/";
}

export function projectHref(projectId: string, phase: PhaseId = DEFAULT_PHASE): string {
  return `#/p/${encodeURIComponent(projectId)}/${phase}`;
}

/** The app's address of a shared experiment's link payload (see `linkPayload`). */
export function openHref(payload: string): string {
  return `#/open/${payload}`;
}
