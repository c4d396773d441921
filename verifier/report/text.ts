import type { ParityReport } from './aggregate.ts';
import type { ServiceCoverage } from './tiers.ts';
import type { BaselineComparison } from './baseline.ts';

const pct = (n: number) => `${n.toFixed(1)}%`;
/** A service without contracts has no parity score yet, not 0%. */
const score = (parity: number, interactions: number) => (interactions ? pct(parity) : '—');
const short = (v: unknown) => {
  const text = typeof v === 'string' ? v : JSON.stringify(v);
  return text === undefined ? '—' : text.length > 80 ? `${text.slice(0, 77)}...` : text;
};

/**
 * The one-line verdict: coverage and pass rate together, never a bare percentage (100% of a few covered operations
 * says little about the rest).
 */
export function headline(report: ParityReport): string {
  const passing = `${report.totals.passed}/${report.totals.scoring} AWS-recorded interactions passing (${pct(report.totals.parity)})`;
  const services = report.coverage?.services;
  if (!services?.length) return passing;
  const sum = (f: (s: ServiceCoverage) => number) => services.reduce((n, s) => n + f(s), 0);
  const all = sum((s) => s.counts['in-model']);
  return (
    `${sum((s) => s.counts.covered)}/${all} operations of ${services.length} services covered by AWS data, ${passing}; ` +
    `${sum((s) => s.counts.implemented)}/${all} implemented, ${sum((s) => s.counts.exercised)}/${all} exercised by SDK tests`
  );
}

function coverageTable(report: ParityReport): string[] {
  const services = report.coverage?.services;
  if (!services?.length) return [];
  return [
    '| service | covered by AWS data | passing | implemented | exercised by SDK tests | common operations covered | common gaps |',
    '|---|---|---|---|---|---|---|',
    ...services.map((s) => {
      const all = s.counts['in-model'];
      const gaps = s.commonGaps.length > 6 ? `${s.commonGaps.slice(0, 6).join(', ')}, +${s.commonGaps.length - 6}` : s.commonGaps.join(', ');
      return (
        `| ${s.service} | ${s.counts.covered}/${all} | ${s.passRate !== undefined ? pct(s.passRate) : '—'} | ${s.counts.implemented}/${all} | ` +
        `${s.counts.exercised}/${all} | ${s.commonCovered}/${s.commonOperations} | ${gaps} |`
      );
    }),
    '',
    'Tiers: in the AWS model → implemented → exercised by our SDK tests → covered by AWS-validated contracts → all passing. ' +
      '"passing" is the pass rate of the covered interactions only.',
    '',
  ];
}

/** The scorecard for CI summaries and the README. */
export function toMarkdown(report: ParityReport, comparison?: BaselineComparison): string {
  const lines = [
    '# twinstack parity scorecard',
    '',
    `**${headline(report)}**`,
    '',
    `${report.generatedAt} · target ${report.target} · ${report.totals.scenarios} scenarios · ${report.totals.interactions} interactions ` +
      `(${report.totals.scoring} scoring) in ${report.durationMs} ms`,
    '',
    'Expectations come from real AWS only (see each contract\'s provenance); LocalStack snapshot data is Apache-2.0.',
    '',
    ...coverageTable(report),
    '| service | parity | passed / scoring | operations covered | implemented / in AWS model |',
    '|---|---|---|---|---|',
    ...report.services.map(
      (s) =>
        `| ${s.service} | ${score(s.parity, s.interactions)} | ${s.passed} / ${s.interactions} | ${s.operationsCovered} | ` +
        `${s.operationsImplemented ?? '?'} / ${s.operationsInModel ?? '?'} |`,
    ),
    '',
    '| operation | pass rate | passed | failed | top failing paths | last AWS validation |',
    '|---|---|---|---|---|---|',
    ...report.operations.map(
      (o) =>
        `| ${o.service}.${o.operation} | ${pct(o.passRate)} | ${o.passed} | ${o.failed} | ` +
        `${o.topFailingPaths.slice(0, 3).map((p) => `\`${p.path}\` ×${p.count}`).join(', ')} | ${o.lastAwsValidation?.slice(0, 10) ?? ''} |`,
    ),
  ];
  if (comparison) {
    lines.push('', `Against the baseline: ${comparison.regressions.length} regressions, ${comparison.improvements.length} improvements.`);
    for (const r of comparison.regressions) lines.push(`- regression: \`${r}\``);
    for (const i of comparison.improvements) lines.push(`- improvement: \`${i}\``);
  }
  return `${lines.join('\n')}\n`;
}

function xml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** JUnit XML: one suite per service, one case per scoring interaction. */
export function toJunit(report: ParityReport): string {
  const suites = report.services.map((s) => {
    const results = report.results.filter((r) => r.scoring && r.service === s.service);
    const cases = results.map((r) => {
      const name = xml(`${r.scenario} #${r.step} ${r.operation}`);
      if (r.passed) return `    <testcase classname="${xml(`${r.service}.${r.operation}`)}" name="${name}" time="${(r.ms / 1000).toFixed(3)}"/>`;
      const detail = r.mismatches.map((m) => `${m.path}: expected ${short(m.expected)}, got ${short(m.actual)}${m.reason ? ` (${m.reason})` : ''}`).join('\n');
      return `    <testcase classname="${xml(`${r.service}.${r.operation}`)}" name="${name}" time="${(r.ms / 1000).toFixed(3)}"><failure message="${xml(r.mismatches[0]?.path ?? 'mismatch')}">${xml(detail)}</failure></testcase>`;
    });
    return `  <testsuite name="parity.${xml(s.service)}" tests="${results.length}" failures="${results.length - s.passed}">\n${cases.join('\n')}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="twinstack parity" tests="${report.totals.scoring}" failures="${report.totals.scoring - report.totals.passed}">\n${suites.join('\n')}\n</testsuites>\n`;
}

/** Short console scorecard. */
export function toConsole(report: ParityReport): string {
  const rows = report.services.map((s) => `  ${s.service.padEnd(16)} ${score(s.parity, s.interactions).padStart(6)}  ${String(s.passed).padStart(4)}/${String(s.interactions).padEnd(4)} ops ${s.operationsImplemented ?? '?'}/${s.operationsInModel ?? '?'}`);
  const tiers = (report.coverage?.services ?? []).map((s) => `  ${s.headline}`);
  return [
    headline(report),
    `(${report.totals.interactions} interactions replayed, ${report.totals.scenarios} scenarios, ${report.durationMs} ms)`,
    ...(tiers.length ? tiers : rows),
  ].join('\n');
}

export { short };
