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

/**
 * Saves text as a file through a Blob and a temporary object URL on a download link: no network,
 * and the page's CSP has nothing to fetch. The URL is released once the click has been handled.
 */
export function downloadText(text: string, fileName: string, type = "text/html"): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.style.display = "none";
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
