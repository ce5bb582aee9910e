/**
 * What the app's HTML files may contain: element and attribute names from fixed lists (the
 * report's own markup and what Observable Plot draws), so no name ever comes from data. Anything
 * not listed is left out when markup is serialised; values are always escaped text.
 */

/** A list written as words separated by spaces. */
const words = (list: string): string[] => list.split(/\s+/).filter(Boolean);

/** HTML elements: the report's, Plot's figure and legends, and a form for the HTML predictor. */
export const HTML_ELEMENTS: ReadonlySet<string> = new Set(
  words(
    "html head body meta title style main header footer nav section article aside h1 h2 h3 h4 p " +
      "ul ol li dl dt dd div span table caption thead tbody tfoot tr th td figure figcaption a " +
      "strong em b i code small br hr details summary form fieldset legend label input select " +
      "option button output svg",
  ),
);

/** SVG elements Plot draws (no foreignObject, no script, no use, no animation). */
export const SVG_ELEMENTS: ReadonlySet<string> = new Set(
  words(
    "svg g path rect line circle ellipse polyline polygon text tspan title style defs clipPath " +
      "marker linearGradient radialGradient stop pattern image",
  ),
);

const COMMON = words("class id role style title lang dir hidden");
const ARIA = /^aria-[a-z]+$/;
const set = (list: string) => new Set(words(list));

/** HTML attributes, for every element ("*") or one element. */
export const HTML_ATTRIBUTES: Readonly<Record<string, ReadonlySet<string>>> = {
  "*": new Set(COMMON),
  meta: set("charset name content http-equiv"),
  a: set("href"),
  th: set("colspan rowspan scope"),
  td: set("colspan rowspan"),
  input: set("type name value min max step placeholder checked disabled readonly required list"),
  select: set("name disabled required"),
  option: set("value selected disabled"),
  button: set("type disabled"),
  label: set("for"),
  output: set("for name"),
  svg: set("xmlns width height viewBox fill stroke font-family font-size text-anchor"),
  details: set("open"),
};

/** SVG presentation and geometry attributes Plot sets (case matters: viewBox, markerWidth). */
export const SVG_ATTRIBUTES: ReadonlySet<string> = new Set([
  ...COMMON,
  ...words(
    "xmlns width height viewBox x y x1 x2 y1 y2 cx cy r rx ry dx dy d points transform " +
      "transform-origin fill fill-opacity fill-rule clip-rule stroke stroke-width stroke-opacity " +
      "stroke-dasharray stroke-dashoffset stroke-linecap stroke-linejoin stroke-miterlimit opacity " +
      "paint-order clip-path filter mix-blend-mode shape-rendering text-rendering pointer-events " +
      "visibility font-family font-size font-style font-variant font-weight text-anchor " +
      "dominant-baseline direction writing-mode letter-spacing marker-start marker-mid marker-end " +
      "markerWidth markerHeight refX refY orient preserveAspectRatio offset stop-color stop-opacity " +
      "gradientTransform gradientUnits patternUnits patternTransform href xlink:href",
  ),
]);

const SVG_NS = "http://www.w3.org/2000/svg";
/** A link within the page ("#columns"); no scheme can follow. */
const FRAGMENT = /^#[A-Za-z0-9_-]*$/;
/** An image drawn into the file itself (Plot's colour ramps), never one fetched. */
const DATA_IMAGE = /^data:image\/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/=]+$/;
/** CSS that could reach outside: any url() but a local "#id" reference, imports, escapes, expressions. */
const OUTSIDE_CSS = /url\(\s*(?!["']?#)|@import|\\|expression\s*\(|javascript:/i;
/** A url() that is not a local "#id" reference (presentation attributes such as fill, clip-path). */
const OUTSIDE_URL = /url\(\s*(?!["']?#)/i;
/** SVG attributes whose value may be a url(): a reference to an element of the same file only. */
const URL_VALUED = new Set([
  "fill",
  "stroke",
  "clip-path",
  "filter",
  "marker-start",
  "marker-mid",
  "marker-end",
]);

/** Is `name` allowed on `tag` (in SVG when `svg`)? */
export function allowedAttribute(tag: string, name: string, svg: boolean): boolean {
  if (ARIA.test(name)) return true;
  if (svg) return SVG_ATTRIBUTES.has(name);
  return HTML_ATTRIBUTES["*"].has(name) || (HTML_ATTRIBUTES[tag]?.has(name) ?? false);
}

/**
 * Is `value` safe for attribute `name` of `tag`? Links stay in the page, images are inline data,
 * the SVG namespace is the only `xmlns`, and no style or url() reaches anything outside.
 * `http-equiv` is set by the document builder only.
 */
export function allowedValue(tag: string, name: string, value: string): boolean {
  if (name === "href" || name === "xlink:href") {
    return tag === "a" ? FRAGMENT.test(value) : tag === "image" && DATA_IMAGE.test(value);
  }
  if (name === "xmlns") return value === SVG_NS;
  if (name === "http-equiv") return value === "Content-Security-Policy";
  if (name === "style") return !OUTSIDE_CSS.test(value);
  if (URL_VALUED.has(name)) return !OUTSIDE_URL.test(value);
  return true;
}

/** Style sheet text that cannot close its element nor reach outside the file. */
export function safeStyleText(css: string): boolean {
  return !/[<&]/.test(css) && !OUTSIDE_CSS.test(css);
}
