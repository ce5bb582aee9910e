/**
 * Markup as plain data, and the one way it becomes HTML text. Element and attribute names must be
 * on the allow-lists of markupPolicy.ts (anything else is left out with its subtree); every text
 * node and attribute value is escaped, so data can only ever be text. Nothing is sanitised after
 * the fact: there is no markup string to clean, only nodes to write.
 */
import {
  allowedAttribute,
  allowedValue,
  HTML_ELEMENTS,
  SVG_ELEMENTS,
  safeStyleText,
} from "./markupPolicy.ts";

/** An element: its name, attributes in order and children. */
export interface MarkupElement {
  tag: string;
  attrs: [name: string, value: string][];
  children: MarkupNode[];
}

/** A node: an element, or text (any string, written escaped). */
export type MarkupNode = MarkupElement | string;

/** Attribute values: `true` writes the bare attribute, `false` / null / undefined leave it out. */
export type AttrValue = string | number | boolean | null | undefined;

type Child = MarkupNode | null | undefined | false | readonly Child[];

function pushChildren(out: MarkupNode[], children: readonly Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) pushChildren(out, c);
    else out.push(c as MarkupNode);
  }
}

/** Makes an element: `h("p", {class: "note"}, "text", h("strong", null, "bold"))`. */
export function h(
  tag: string,
  attrs?: Record<string, AttrValue> | null,
  ...children: Child[]
): MarkupElement {
  const list: [string, string][] = [];
  for (const [name, v] of Object.entries(attrs ?? {})) {
    if (v === null || v === undefined || v === false) continue;
    list.push([name, v === true ? "" : String(v)]);
  }
  const out: MarkupNode[] = [];
  pushChildren(out, children);
  return { tag, attrs: list, children: out };
}

const TEXT_ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  // The HTML parser turns CR and CRLF into LF; a reference keeps the character.
  "\r": "&#13;",
  // A NUL cannot be carried by HTML (the parser drops or replaces it): written as U+FFFD.
  "\0": "&#xFFFD;",
};

/** Text escaped for an HTML text node or a double-quoted attribute value. */
export function escapeText(value: string): string {
  return value.replace(/[&<>"'\r\0]/g, (c) => TEXT_ENTITIES[c]);
}

/** Void elements have no end tag. */
const VOID = new Set(["meta", "br", "hr", "input"]);

function writeNode(node: MarkupNode, svg: boolean, out: string[]): void {
  if (typeof node === "string") {
    out.push(escapeText(node));
    return;
  }
  const { tag } = node;
  const inSvg = svg || tag === "svg";
  if (!(inSvg ? SVG_ELEMENTS : HTML_ELEMENTS).has(tag)) return;
  if (tag === "style") {
    // A style sheet is raw text in HTML: kept only when it can neither close its element nor fetch.
    const css = node.children.filter((c) => typeof c === "string").join("");
    if (safeStyleText(css)) out.push(`<style>${css}</style>`);
    return;
  }
  out.push(`<${tag}`);
  for (const [name, value] of node.attrs) {
    if (!allowedAttribute(tag, name, inSvg) || !allowedValue(tag, name, value)) continue;
    out.push(value === "" && !inSvg ? ` ${name}` : ` ${name}="${escapeText(value)}"`);
  }
  if (inSvg && node.children.length === 0) {
    out.push("/>");
    return;
  }
  out.push(">");
  if (!inSvg && VOID.has(tag)) return;
  for (const c of node.children) writeNode(c, inSvg, out);
  out.push(`</${tag}>`);
}

/** Writes nodes as HTML text (SVG inside `svg` elements), following the allow-lists. */
export function serializeMarkup(nodes: MarkupNode | readonly MarkupNode[]): string {
  const out: string[] = [];
  for (const n of Array.isArray(nodes) ? nodes : [nodes as MarkupNode]) writeNode(n, false, out);
  return out.join("");
}
