/**
 * Test helpers: parse written HTML with a real HTML parser (parse5, as browsers parse) and check
 * what the browser would build from it, not what the text looks like.
 */
import { type DefaultTreeAdapterMap, parse, parseFragment } from "parse5";
import type { DomNodeLike } from "../../../../src/core/safe/markupFromDom.ts";
import { HTML_ELEMENTS, SVG_ELEMENTS } from "../../../../src/core/safe/markupPolicy.ts";

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];

export interface ParsedHtml {
  elements: Element[];
  /** Every text node's value, in document order. */
  texts: string[];
  /** Every attribute as [element, name, value]. */
  attributes: [string, string, string][];
  csp: string | null;
}

function walk(node: Node, out: ParsedHtml): void {
  if (node.nodeName === "#text") out.texts.push((node as DefaultTreeAdapterMap["textNode"]).value);
  if ("tagName" in node) {
    out.elements.push(node);
    for (const a of node.attrs)
      out.attributes.push([node.tagName, a.prefix ? `${a.prefix}:${a.name}` : a.name, a.value]);
    if (node.tagName === "meta" && node.attrs.some((a) => a.name === "http-equiv")) {
      out.csp = node.attrs.find((a) => a.name === "content")?.value ?? null;
    }
  }
  if ("childNodes" in node) for (const c of node.childNodes) walk(c, out);
  if ("content" in node && node.content) walk(node.content as Node, out);
}

/** The elements, texts, attributes and CSP a browser would build from `html`. */
export function parseHtml(html: string): ParsedHtml {
  const out: ParsedHtml = { elements: [], texts: [], attributes: [], csp: null };
  walk(parse(html) as unknown as Node, out);
  return out;
}

const SVG_NS = "http://www.w3.org/2000/svg";
/** Attributes whose value a browser follows as an address. */
const URL_ATTRS = new Set([
  "href",
  "xlink:href",
  "src",
  "action",
  "formaction",
  "data",
  "poster",
  "background",
  "srcset",
]);

/**
 * What must never be in a file the app writes: an element off the allow-lists (script, iframe,
 * foreignObject, img ...), an event handler, a link or image leading out of the page. Returns the
 * offences, so a failing test names them.
 */
export function offences(p: ParsedHtml): string[] {
  const bad: string[] = [];
  for (const e of p.elements) {
    const allowed = e.namespaceURI === SVG_NS ? SVG_ELEMENTS : HTML_ELEMENTS;
    if (!allowed.has(e.tagName)) bad.push(`element <${e.tagName}>`);
  }
  for (const [tag, name, value] of p.attributes) {
    if (/^on/i.test(name)) bad.push(`handler ${tag}[${name}]`);
    if (URL_ATTRS.has(name) && !/^(#|data:image\/)/.test(value)) {
      bad.push(`link ${tag}[${name}]=${value}`);
    }
    if (name === "style" && /url\(\s*(?!["']?#)/i.test(value)) bad.push(`style url ${tag}`);
  }
  return bad;
}

/** parse5 nodes seen through the DOM-like interface `markupFromDom` reads. */
export function domLike(node: Node): DomNodeLike {
  const isElement = "tagName" in node;
  const nodeType = isElement ? 1 : node.nodeName === "#text" ? 3 : node.nodeName === "#comment" ? 8 : 11;
  return {
    nodeType,
    localName: isElement ? node.tagName : null,
    nodeValue: node.nodeName === "#text" ? (node as DefaultTreeAdapterMap["textNode"]).value : null,
    attributes: isElement
      ? node.attrs.map((a) => ({ name: a.prefix ? `${a.prefix}:${a.name}` : a.name, value: a.value }))
      : null,
    childNodes: "childNodes" in node ? node.childNodes.map(domLike) : [],
  };
}

/** The first element of an HTML fragment, DOM-like (a stand-in for a chart Plot drew). */
export function fragmentRoot(html: string): DomNodeLike {
  const frag = parseFragment(html) as unknown as DefaultTreeAdapterMap["documentFragment"];
  const first = frag.childNodes.find((c) => "tagName" in c);
  if (!first) throw new Error("no element in fragment");
  return domLike(first as Node);
}
