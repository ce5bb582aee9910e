import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { documentCsp, htmlDocument } from "../../../../src/core/safe/htmlDocument.ts";
import { markupFromDom } from "../../../../src/core/safe/markupFromDom.ts";
import { h, serializeMarkup } from "../../../../src/core/safe/serializeMarkup.ts";
import { sha256Base64 } from "../../../../src/core/safe/sha256.ts";
import { HOSTILE } from "./hostileInputs.ts";
import { fragmentRoot, offences, parseHtml } from "./parsedHtml.ts";

/** What a text node holds once parsed: HTML cannot carry NUL, the writer sends U+FFFD. */
const asParsed = (s: string) => s.replaceAll("\0", "\uFFFD");

describe("serializeMarkup", () => {
  it.each(HOSTILE)("keeps $label as text in a text node, an attribute value and a title", ({ text }) => {
    const doc = htmlDocument({
      title: text,
      css: "p { color: red; }",
      body: [
        h("p", { title: text, "aria-label": text, class: text }, text),
        h("svg", null, h("text", null, text)),
      ],
    });
    const parsed = parseHtml(doc);
    expect(offences(parsed)).toEqual([]);
    // The text comes back whole: in the head's title, the paragraph and the SVG text.
    expect(parsed.texts.filter((t) => t === asParsed(text))).toHaveLength(3);
    const values = parsed.attributes.filter(([tag]) => tag === "p").map(([, , v]) => v);
    expect(values).toEqual([asParsed(text), asParsed(text), asParsed(text)]);
  });

  it.each(HOSTILE)("never takes $label as an element or attribute name", ({ text }) => {
    const html = serializeMarkup(h("div", null, h(text, { [text]: "x" }, "inner")));
    // An element or attribute off the allow-list is left out, with its content.
    expect(html).toBe("<div></div>");
  });

  it("writes links only within the page and images only as inline data", () => {
    const html = serializeMarkup([
      h("a", { href: "javascript:alert(1)" }, "a"),
      h("a", { href: " #x" }, "b"),
      h("a", { href: "#columns" }, "c"),
      h(
        "svg",
        null,
        h("image", { href: "http://x.test/i.png" }),
        h("image", { href: "data:image/png;base64,AAAA" }),
      ),
    ]);
    expect(html).toBe(
      '<a>a</a><a>b</a><a href="#columns">c</a><svg><image/><image href="data:image/png;base64,AAAA"/></svg>',
    );
  });

  it("lets no style reach outside the file", () => {
    const html = serializeMarkup([
      h("p", { style: "background:url(http://x.test/a)" }, "1"),
      h("p", { style: "color:red" }, "2"),
      h("svg", null, h("rect", { "clip-path": "url(#c1)", fill: "url(http://x.test/f)" })),
      h("style", null, "@import url(http://x.test/s.css);"),
      h("style", null, "p{}</style><script>alert(1)</script>"),
      h("style", null, "p > b { color: red; }"),
    ]);
    expect(html).toBe(
      '<p>1</p><p style="color:red">2</p><svg><rect clip-path="url(#c1)"/></svg><style>p > b { color: red; }</style>',
    );
  });
});

describe("markupFromDom", () => {
  it("takes a drawn chart's nodes and leaves scripts, handlers and outside links out when written", () => {
    const hostile =
      fragmentRoot(`<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)" viewBox="0 0 10 10">
      <script>alert(2)</script><!-- comment --><a href="javascript:alert(3)"><text>link</text></a>
      <foreignObject><img src="x" onerror="alert(4)"></foreignObject>
      <g aria-label="bars" class="plot-d6a7b5"><rect x="1" y="2" width="3" height="4" fill="steelblue"><title>a &lt;b&gt;</title></rect></g>
      <animate attributeName="href" to="javascript:alert(5)"/><set attributeName="onclick" to="alert(6)"/>
      <use href="http://x.test/s.svg#a"/><image xlink:href="http://x.test/i.png"/>
      <style>.plot-d6a7b5 { fill: red; }</style></svg>`);
    const html = serializeMarkup(markupFromDom(hostile)!);
    expect(html.replace(/>\s+</g, "><")).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><g aria-label="bars" class="plot-d6a7b5">' +
        '<rect x="1" y="2" width="3" height="4" fill="steelblue"><title>a &lt;b&gt;</title></rect></g>' +
        "<image/><style>.plot-d6a7b5 { fill: red; }</style></svg>",
    );
    expect(offences(parseHtml(html))).toEqual([]);
  });
});

describe("the attack on the old regex cleaner", () => {
  it("cannot rebuild a handler from a name that eats a closing quote and a value that joins 'o' + 'nload'", () => {
    // Cut " onerror=a\"" and " onx='a'" out of this markup, as the old cleaner did, and the svg gets
    // a real onload attribute. Written as nodes, both stay inside their quoted values.
    const chart = fragmentRoot(
      `<svg aria-label="Histogram of c onerror=a" aria-description=" o onx='a'nload=alert(1) "><rect/></svg>`,
    );
    const html = serializeMarkup(markupFromDom(chart)!);
    const parsed = parseHtml(html);
    expect(offences(parsed)).toEqual([]);
    expect(parsed.attributes.map(([, name]) => name)).toEqual(["aria-label", "aria-description"]);
    expect(parsed.attributes[1][2]).toBe(" o onx='a'nload=alert(1) ");
  });
});

describe("htmlDocument", () => {
  it("puts the CSP first and allows no script when there is none", () => {
    const doc = htmlDocument({ title: "t", css: "", body: [h("p", null, "x")] });
    const parsed = parseHtml(doc);
    expect(parsed.csp).toBe(documentCsp());
    expect(parsed.csp).toContain("default-src 'none'");
    expect(parsed.csp).toContain("script-src 'none'");
    expect(parsed.csp).toContain("connect-src 'none'");
    expect(parsed.csp).toContain("form-action 'none'");
    expect(parsed.elements.map((e) => e.tagName).slice(0, 5)).toEqual([
      "html",
      "head",
      "meta",
      "meta",
      "meta",
    ]);
    expect(parsed.elements.some((e) => e.tagName === "script")).toBe(false);
  });

  it("allows one inline script by its SHA-256 hash, and refuses one that could end early", () => {
    const script = "document.title = 'ok ✓';";
    const doc = htmlDocument({ title: "t", css: "", body: [], script });
    const hash = createHash("sha256").update(script, "utf8").digest("base64");
    expect(parseHtml(doc).csp).toContain(`script-src 'sha256-${hash}'`);
    expect(doc).toContain(`<script>${script}</script>`);
    expect(() => htmlDocument({ title: "t", css: "", body: [], script: "x='</SCRIPT>'" })).toThrow(/script/);
    expect(() => htmlDocument({ title: "t", css: "", body: [], script: "x='<!--'" })).toThrow(/script/);
  });

  it("refuses a style sheet that could close its element", () => {
    expect(() => htmlDocument({ title: "t", css: "</style><script>", body: [] })).toThrow(/style sheet/);
  });
});

describe("sha256Base64", () => {
  it.each(["", "abc", "a".repeat(55), "b".repeat(56), "c".repeat(64), "é✓😀".repeat(40)])(
    "agrees with node:crypto for %#",
    (text) => {
      expect(sha256Base64(text)).toBe(createHash("sha256").update(text, "utf8").digest("base64"));
    },
  );
});
