import { DEFAULT_PHASE, isPhaseId, type PhaseId } from "../project/phases.ts";

/** Where the app is: the project list, or one phase of one project. */
export type Route = { page: "home" } | { page: "project"; projectId: string; phase: PhaseId };

/** Reads `#/` or `#/p/<projectId>/<phase>`; anything else is the home page. */
export function parseRoute(hash: string): Route {
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
