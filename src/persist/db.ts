import { type IDBPDatabase, openDB } from "idb";
import { type AppSchema, DB_NAME, DB_VERSION, upgradeAppDb } from "./schema.ts";

/** An open handle on the app database. */
export type AppDb = IDBPDatabase<AppSchema>;

const open = new Map<string, Promise<AppDb>>();

/**
 * Opens (creating or upgrading) the app database. Memoised per name: every caller in a thread
 * shares one connection. When another tab needs a newer version, this connection closes itself and
 * is forgotten, so that tab's upgrade is not stuck; the next call here opens afresh.
 */
export function openAppDb(name: string = DB_NAME): Promise<AppDb> {
  const memo = open.get(name);
  if (memo) return memo;
  const forget = () => {
    if (open.get(name) === pending) open.delete(name);
  };
  const pending: Promise<AppDb> = openDB<AppSchema>(name, DB_VERSION, {
    upgrade: upgradeAppDb,
    // An older connection elsewhere has not closed yet. Ours (below) close on `blocking`, so the
    // open completes once it does; keep the memo so callers share that one pending open.
    blocked: () => {},
    // A newer version wants to open elsewhere: step aside.
    blocking: () => {
      forget();
      void pending.then((db) => db.close());
    },
    // The browser closed the connection (storage cleared, disk error).
    terminated: forget,
  });
  open.set(name, pending);
  pending.catch(forget);
  return pending;
}
