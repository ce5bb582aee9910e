/** "penguins.csv" -> "penguins-report.html"; characters file systems refuse become "_". */
export function reportFileName(datasetName: string): string {
  const base = datasetName
    .replace(/\.(csv|tsv|txt)$/i, "")
    .replace(/[\\/:*?"<>|]+/g, "_")
    .split("")
    .filter((ch) => ch.charCodeAt(0) >= 32)
    .join("")
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
