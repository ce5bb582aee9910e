import * as Plot from "@observablehq/plot";

/** The marks of a spec, nested arrays (composite marks such as boxX) flattened. */
export function marksOf(options: Plot.PlotOptions): Plot.Mark[] {
  const out: Plot.Mark[] = [];
  const walk = (m: unknown) => {
    if (Array.isArray(m)) m.forEach(walk);
    else if (m instanceof Plot.Mark) out.push(m);
  };
  walk(options.marks ?? []);
  return out;
}

export function marksOfType<T extends Plot.Mark>(
  options: Plot.PlotOptions,
  type: abstract new (...args: never[]) => T,
): T[] {
  return marksOf(options).filter((m): m is T => m instanceof type);
}

/** The data array a mark was built on. */
export function dataOf(mark: Plot.Mark): unknown[] {
  return Array.from((mark as unknown as { data: Iterable<unknown> }).data ?? []);
}

/** The label of a position scale in the options. */
export function labelOf(options: Plot.PlotOptions, scale: "x" | "y"): unknown {
  return (options[scale] as { label?: unknown } | undefined)?.label;
}
