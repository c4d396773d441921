import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ParityReport } from './aggregate.ts';
import type { BaselineComparison } from './baseline.ts';
import type { PeerComparison } from '../peers/compare.ts';
import { toHtml, type HistoryEntry } from './html.ts';
import { toJunit, toMarkdown } from './text.ts';

export function readHistory(file: string): HistoryEntry[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as HistoryEntry);
}

export function appendHistory(file: string, report: ParityReport): void {
  mkdirSync(dirname(file), { recursive: true });
  const entry: HistoryEntry = { generatedAt: report.generatedAt, parity: report.totals.parity, passed: report.totals.passed, scoring: report.totals.scoring };
  appendFileSync(file, `${JSON.stringify(entry)}\n`);
}

/** parity.json (also the input of `report --merge`), parity.md, parity.html, junit.xml. */
export function writeReports(report: ParityReport, dir: string, history: HistoryEntry[], comparison?: BaselineComparison, peers?: PeerComparison): string[] {
  mkdirSync(dir, { recursive: true });
  const files: [string, string][] = [
    ['parity.json', `${JSON.stringify({ ...report, ...(comparison ? { baseline: comparison } : {}) }, null, 1)}\n`],
    ['parity.md', toMarkdown(report, comparison)],
    ['parity.html', toHtml(report, history, peers)],
    ['junit.xml', toJunit(report)],
  ];
  for (const [name, content] of files) writeFileSync(join(dir, name), content);
  return files.map(([name]) => join(dir, name));
}
