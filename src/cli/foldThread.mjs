// A worker thread of the command line's fold pool: makes TypeScript importable here (each thread
// has its own module loader), then runs the thread's TypeScript body.
import { register } from "tsx/esm/api";

register();
await import("./foldThread.ts");
