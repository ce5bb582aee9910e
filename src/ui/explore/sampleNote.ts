import { formatInt } from "../shared/format.ts";

export interface SampleFacts {
  rows: number;
  /** Rows in the plot sample, and whether that is fewer than all. */
  plotRows: number;
  plotSampled: boolean;
  plotSeed: number;
  /** Rows behind correlations and leakage checks. */
  correlationRows: number;
  correlationSampled: boolean;
  correlationSeed: number;
}

/**
 * Says plainly which numbers use every row and which a seeded sample, e.g. "Plots use a random
 * sample of 5,000 of 1,000,000 rows (seed 0); correlations use 50,000 (seed 0); all other
 * statistics use every row."
 */
export function sampleNote(f: SampleFacts): string {
  if (!f.plotSampled && !f.correlationSampled) {
    return `Every chart and statistic uses all ${formatInt(f.rows)} rows.`;
  }
  const parts: string[] = [];
  if (f.plotSampled) {
    parts.push(
      `Plots of individual rows (scatter, density, pairs, parallel coordinates) use a random sample of ${formatInt(f.plotRows)} of ${formatInt(f.rows)} rows (seed ${f.plotSeed})`,
    );
  }
  if (f.correlationSampled) {
    parts.push(
      `${f.plotSampled ? "correlations" : "Correlations"} and leakage checks use a random sample of ${formatInt(f.correlationRows)}${f.plotSampled ? "" : ` of ${formatInt(f.rows)}`} rows (seed ${f.correlationSeed})`,
    );
  }
  return `${parts.join("; ")}; histograms, counts and all other statistics use every row.`;
}
