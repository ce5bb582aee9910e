// A fold thread of the gbdt bench: makes TypeScript importable here, then runs the thread body.
import { register } from "tsx/esm/api";

register();
await import("./gbdtFoldThread.ts");
