/**
 * Web Locks per run: the coordinator that trains a run holds `automl-run:<id>` until the run ends,
 * so another tab (or this one after a reload) can tell a run that is training somewhere from one
 * left "running" by a closed tab. A closed tab or a terminated worker releases its locks.
 */
const lockName = (runId: string) => `automl-run:${runId}`;

interface LockManagerLike {
  request(name: string, callback: () => Promise<void>): Promise<void>;
  query(): Promise<{ held?: { name?: string }[] }>;
}
const locks = (): LockManagerLike | undefined =>
  (globalThis.navigator as unknown as { locks?: LockManagerLike } | undefined)?.locks;

/** Takes the run's lock; the returned function releases it. */
export function holdRun(runId: string): () => void {
  let release = () => {};
  const held = new Promise<void>((r) => (release = r));
  void locks()?.request(lockName(runId), () => held);
  return release;
}

/** Ids of the runs whose lock some thread holds. */
export async function heldRuns(): Promise<Set<string>> {
  const held = (await locks()?.query())?.held ?? [];
  const prefix = lockName("");
  return new Set(held.flatMap((l) => (l.name?.startsWith(prefix) ? [l.name.slice(prefix.length)] : [])));
}
