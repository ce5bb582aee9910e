/**
 * The predictor page's one way to make elements: text only ever goes in as text nodes
 * (`textContent`), attributes are set by name from the page's own code, never from data.
 */

type Child = Node | string | null | undefined | false;

/** An element with attributes (string values; `true` for a bare attribute) and children. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? "" : value);
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    node.append(typeof c === "string" ? document.createTextNode(c) : c);
  }
  return node;
}

/** Replaces an element's children with a single text node. */
export function setText(node: Element, text: string): void {
  node.textContent = text;
}

/** A small table: a header row and rows of text cells. */
export function textTable(
  caption: string,
  header: readonly string[],
  rows: readonly (readonly string[])[],
): HTMLTableElement {
  return el(
    "table",
    {},
    el("caption", {}, caption),
    el("thead", {}, el("tr", {}, ...header.map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, ...rows.map((r) => el("tr", {}, ...r.map((c) => el("td", {}, c))))),
  );
}
