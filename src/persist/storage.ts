import type { StorageEstimate } from "./types.ts";

/** The parts of StorageManager used here; `persist` is window-only, so it is optional. */
interface StorageLike {
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
  persisted?: () => Promise<boolean>;
  persist?: () => Promise<boolean>;
}

function storageManager(): StorageLike | undefined {
  return (globalThis as { navigator?: { storage?: StorageLike } }).navigator?.storage;
}

/** Bytes used and available to this origin, and whether storage is persistent. Zeros when unsupported. */
export async function estimateStorage(): Promise<StorageEstimate> {
  const storage = storageManager();
  try {
    const [estimate, persisted] = await Promise.all([
      storage?.estimate?.() ?? Promise.resolve(undefined),
      storage?.persisted?.() ?? Promise.resolve(false),
    ]);
    return { usage: estimate?.usage ?? 0, quota: estimate?.quota ?? 0, persisted };
  } catch {
    // Some private modes reject instead of leaving the API out.
    return { usage: 0, quota: 0, persisted: false };
  }
}

/** Asks the browser not to evict this origin's data. False when refused or unsupported (e.g. in a worker). */
export async function requestPersistence(): Promise<boolean> {
  try {
    return (await storageManager()?.persist?.()) ?? false;
  } catch {
    return false;
  }
}

const UNITS = ["KB", "MB", "GB", "TB"];

/**
 * A byte count for people, in decimal (1000-based) units as browsers and operating systems show
 * storage: "0 B", "999 B", "12.3 KB", "1.5 MB", "2.0 GB".
 */
export function formatBytes(n: number): string {
  if (!Number.isFinite(n) || n < 1000) return `${Math.max(0, Math.round(n || 0))} B`;
  let value = n;
  let unit = -1;
  // Step up while the rounded value would print as 1000.0 or more.
  while (unit < UNITS.length - 1 && value >= 999.95) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(1)} ${UNITS[unit]}`;
}
