/**
 * Saves a Blob through the browser's download from a short-lived object URL: no copy into a string
 * (a scored million-row file stays the worker's Blob) and nothing fetched.
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
