/**
 * A DOM subtree (a chart Plot drew) as plain markup nodes, to be written by `serializeMarkup`.
 * Typed structurally so core needs no DOM library: the browser's nodes fit, and so do test doubles.
 * Only elements and text are taken: comments, processing instructions and the like are dropped.
 * Names are copied as they are; the serializer's allow-lists decide what is written.
 */
import type { MarkupNode } from "./serializeMarkup.ts";

/** The part of a DOM node read here. */
export interface DomNodeLike {
  nodeType: number;
  localName?: string | null;
  nodeValue?: string | null;
  attributes?: ArrayLike<{ name: string; value: string }> | null;
  childNodes: ArrayLike<DomNodeLike>;
}

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;

/** The node as markup; null for anything but an element or text. */
export function markupFromDom(node: DomNodeLike): MarkupNode | null {
  if (node.nodeType === TEXT || node.nodeType === CDATA) return node.nodeValue ?? "";
  if (node.nodeType !== ELEMENT || !node.localName) return null;
  const attrs: [string, string][] = [];
  const list = node.attributes;
  if (list) for (let i = 0; i < list.length; i++) attrs.push([list[i].name, list[i].value]);
  const children: MarkupNode[] = [];
  for (let i = 0; i < node.childNodes.length; i++) {
    const c = markupFromDom(node.childNodes[i]);
    if (c !== null) children.push(c);
  }
  return { tag: node.localName, attrs, children };
}
