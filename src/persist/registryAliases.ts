/**
 * The champion / challenger rules of the model registry as pure functions of a project's
 * RegistryRecord, so they are tested without a database. registry.ts applies them inside its
 * transactions.
 */
import { ValidationError } from "../core/errors.ts";
import type { AliasEvent, RegistryRecord } from "./types.ts";

/** How many alias changes a project keeps (older ones drop off; roll back has its own list). */
export const HISTORY_LIMIT = 200;

/** A project's registry before its first version. */
export function emptyRegistry(projectId: string): RegistryRecord {
  return { projectId, champion: null, challenger: null, previousChampions: [], nextNumber: 1, history: [] };
}

/** "v3": how a version is named to people. */
export const versionName = (number: number) => `v${number}`;

function logged(next: RegistryRecord, event: Omit<AliasEvent, "champion" | "challenger">): RegistryRecord {
  const history = [...next.history, { ...event, champion: next.champion, challenger: next.challenger }];
  return { ...next, history: history.slice(-HISTORY_LIMIT) };
}

/**
 * A new version (registered from a run or imported): the project's first becomes champion, any
 * later one the challenger, so the newest candidate is always one click from promotion.
 */
export function addToRegistry(
  reg: RegistryRecord,
  versionId: string,
  action: "register" | "import",
  at: number,
): RegistryRecord {
  const next = reg.champion === null ? { ...reg, champion: versionId } : { ...reg, challenger: versionId };
  return logged({ ...next, nextNumber: reg.nextNumber + 1 }, { at, action, versionId });
}

/**
 * Makes `versionId` the champion. The old champion stays a version and is remembered for roll
 * back; a challenger that is promoted stops being the challenger.
 */
export function promoteInRegistry(reg: RegistryRecord, versionId: string, at: number): RegistryRecord {
  if (reg.champion === versionId) return reg;
  const previousChampions = reg.champion ? [...reg.previousChampions, reg.champion] : reg.previousChampions;
  return logged(
    {
      ...reg,
      champion: versionId,
      challenger: reg.challenger === versionId ? null : reg.challenger,
      previousChampions,
    },
    { at, action: "promote", versionId },
  );
}

/** Makes `versionId` the challenger; the champion cannot also be the challenger. */
export function challengeInRegistry(
  reg: RegistryRecord,
  versionId: string,
  name: string,
  at: number,
): RegistryRecord {
  if (reg.champion === versionId)
    throw new ValidationError(`${name} is the champion; it cannot be its own challenger.`);
  if (reg.challenger === versionId) return reg;
  return logged({ ...reg, challenger: versionId }, { at, action: "challenge", versionId });
}

/**
 * Puts the champion before the current one back. The demoted champion becomes the challenger, so
 * a roll back can itself be undone with one promotion.
 */
export function rollBackRegistry(reg: RegistryRecord, at: number): RegistryRecord {
  const previous = reg.previousChampions.at(-1);
  if (previous === undefined) throw new ValidationError("There is no earlier champion to roll back to.");
  return logged(
    {
      ...reg,
      champion: previous,
      challenger: reg.champion,
      previousChampions: reg.previousChampions.slice(0, -1),
    },
    { at, action: "rollback", versionId: previous },
  );
}

/**
 * Forgets a deleted version: it leaves the challenger alias and the roll-back list. The champion
 * is refused: the project would be left without one.
 */
export function removeFromRegistry(
  reg: RegistryRecord,
  versionId: string,
  name: string,
  at: number,
): RegistryRecord {
  if (reg.champion === versionId)
    throw new ValidationError(
      `${name} is the champion and cannot be deleted. Promote another version or roll back first.`,
    );
  const previousChampions = reg.previousChampions.filter((id) => id !== versionId);
  // Two equal neighbours left by the removal would make one roll back a no-op.
  const deduped = previousChampions.filter((id, i) => i === 0 || id !== previousChampions[i - 1]);
  return logged(
    {
      ...reg,
      challenger: reg.challenger === versionId ? null : reg.challenger,
      previousChampions: deduped.at(-1) === reg.champion ? deduped.slice(0, -1) : deduped,
    },
    { at, action: "delete", versionId },
  );
}
