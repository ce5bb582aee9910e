import { stripControls } from "../../core/text/controlChars.ts";

/**
 * "penguins.csv" -> "penguins-report.html"; characters file systems refuse become "_", and control
 * and bidi characters (which would make "x\u202Elmth.exe" show as another name) are dropped.
 */
export function reportFileName(datasetName: string): string {
  const base = stripControls(datasetName.replace(/\.(csv|tsv|txt)$/i, ""))
    .replace(/[\\/:*?"<>|]+/g, "_")
    .trim();
  return `${base || "dataset"}-report.html`;
}
