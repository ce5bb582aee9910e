/**
 * Every HTML file the app writes (the data report, the HTML predictor) is made here: one document
 * with its own Content-Security-Policy, so that whatever a file holds, opened from disk or a mail
 * it can load nothing, send nothing and submit nothing. Without a script the policy allows none;
 * with one, exactly that inline script by its SHA-256 hash.
 */

import { h, type MarkupNode, serializeMarkup } from "./serializeMarkup.ts";
import { sha256Base64 } from "./sha256.ts";

/** What a written HTML file holds. */
export interface HtmlDocumentOptions {
  /** The document's title (text). */
  title: string;
  /** The style sheet: the app's own, constant CSS (no "<", "&", url() or @import). */
  css: string;
  /** The body's content as markup nodes. */
  body: MarkupNode[];
  lang?: string;
  /** One inline script (the app's own code, never data); allowed by its hash. */
  script?: string;
}

/** The policy of a written file: nothing from anywhere, inline styles and data: images only. */
export function documentCsp(scriptHash?: string): string {
  return [
    "default-src 'none'",
    scriptHash ? `script-src 'sha256-${scriptHash}'` : "script-src 'none'",
    "style-src 'unsafe-inline'",
    "img-src data:",
    "connect-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
    "object-src 'none'",
    "frame-src 'none'",
  ].join("; ");
}

/** A script's text cannot end its element early nor open a comment state that hides the end tag. */
function checkScript(script: string): void {
  if (/<\/script|<!--/i.test(script)) throw new Error('inline script holds "</script" or "<!--"');
}

/** The whole file as text: doctype, CSP first in the head, style, body, then the script if any. */
export function htmlDocument(opts: HtmlDocumentOptions): string {
  const { script } = opts;
  if (script !== undefined) checkScript(script);
  if (!/^[a-zA-Z-]*$/.test(opts.lang ?? "")) throw new Error(`invalid lang: ${opts.lang}`);
  const head = [
    h("meta", { charset: "utf-8" }),
    h("meta", {
      "http-equiv": "Content-Security-Policy",
      content: documentCsp(script === undefined ? undefined : sha256Base64(script)),
    }),
    h("meta", { name: "viewport", content: "width=device-width, initial-scale=1" }),
    h("meta", { name: "referrer", content: "no-referrer" }),
    h("title", null, opts.title),
    h("style", null, opts.css),
  ];
  // The style sheet is the app's own: one it would leave out is a bug, not data.
  const headHtml = serializeMarkup(head);
  if (!headHtml.includes("<style>")) throw new Error("the style sheet holds characters a file may not");
  const scriptHtml = script === undefined ? "" : `<script>${script}</script>\n`;
  return `<!doctype html>
<html lang="${opts.lang ?? "en"}">
<head>
${headHtml}
</head>
<body>
${serializeMarkup(opts.body)}
${scriptHtml}</body>
</html>
`;
}
