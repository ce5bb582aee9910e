/**
 * Saves a Blob through the browser's download from a short-lived object URL on a hidden link: no
 * copy into a string (a scored million-row file stays the worker's Blob), no network, and nothing
 * for the page's CSP to fetch.
 */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.style.display = "none";
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked after the click has handed the URL to the download.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Saves text as a file of MIME `type` (charset included where it matters) by `downloadBlob`. */
export function downloadText(text: string, fileName: string, type: string): void {
  downloadBlob(new Blob([text], { type }), fileName);
}
