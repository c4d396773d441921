import type { ParityReport } from './aggregate.ts';

export interface Baseline {
  generatedAt: string;
  parity: number;
  verdicts: Record<string, boolean>;
}

export interface BaselineComparison {
  regressions: string[];
  improvements: string[];
  /** Interactions the baseline knew that this run did not replay (filters, shards, removed contracts). */
  missing: number;
}

export function toBaseline(report: ParityReport): Baseline {
  return { generatedAt: report.generatedAt, parity: report.totals.parity, verdicts: report.verdicts };
}

/** A regression is an interaction that passed in the baseline and fails now; new failing interactions are not. */
export function compareWithBaseline(report: ParityReport, baseline: Baseline): BaselineComparison {
  const regressions: string[] = [];
  const improvements: string[] = [];
  let missing = 0;
  for (const [key, passedBefore] of Object.entries(baseline.verdicts)) {
    const now = report.verdicts[key];
    if (now === undefined) missing++;
    else if (passedBefore && !now) regressions.push(key);
    else if (!passedBefore && now) improvements.push(key);
  }
  for (const [key, now] of Object.entries(report.verdicts)) if (!(key in baseline.verdicts) && now) improvements.push(key);
  return { regressions: regressions.sort(), improvements: improvements.sort(), missing };
}
