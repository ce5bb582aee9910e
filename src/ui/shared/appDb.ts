import { type AppDb, openAppDb } from "../../persist/db.ts";

/**
 * The UI's database connection. `openAppDb` memoises the handle and forgets it when another tab's
 * upgrade or the browser closes it, so asking it each time is cheap and never hands out a closed one.
 */
export function getDb(): Promise<AppDb> {
  return openAppDb();
}
