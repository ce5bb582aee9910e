// The download helper is shared by every view (recipe, report, deploy).
export { downloadBlob } from "../shared/download.ts";
