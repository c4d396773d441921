import type { ParityReport } from '../report/aggregate.ts';
import type { InteractionResult } from '../replay/run.ts';

/** One run of the corpus per target, side by side. */
export interface PeerComparison {
  generatedAt: string;
  /** Target names in column order, with their endpoints and, where known, versions. */
  targets: { name: string; endpoint: string; version?: string }[];
  services: { service: string; byTarget: Record<string, { passed: number; scoring: number }> }[];
  operations: {
    service: string;
    operation: string;
    scoring: number;
    byTarget: Record<string, { passed: number; failingPaths: string[] }>;
  }[];
}

function key(r: InteractionResult) {
  return `${r.service}.${r.operation}`;
}

/** Operation × target pass rates from one report per target (the same corpus replayed against each). */
export function comparePeers(reports: { name: string; version?: string; report: ParityReport }[]): PeerComparison {
  const operations = new Map<string, PeerComparison['operations'][number]>();
  const services = new Map<string, PeerComparison['services'][number]>();
  for (const [index, { name, report }] of reports.entries()) {
    for (const r of report.results.filter((x) => x.scoring)) {
      const op = operations.get(key(r)) ?? { service: r.service, operation: r.operation, scoring: 0, byTarget: {} };
      // Every target replays the same corpus: count the interactions once.
      if (index === 0) op.scoring++;
      const cell = (op.byTarget[name] ??= { passed: 0, failingPaths: [] });
      if (r.passed) cell.passed++;
      else for (const m of r.mismatches) if (!cell.failingPaths.includes(m.path)) cell.failingPaths.push(m.path);
      operations.set(key(r), op);
      const svc = services.get(r.service) ?? { service: r.service, byTarget: {} };
      const total = (svc.byTarget[name] ??= { passed: 0, scoring: 0 });
      total.scoring++;
      if (r.passed) total.passed++;
      services.set(r.service, svc);
    }
  }
  const byName = (a: { service: string; operation?: string }, b: { service: string; operation?: string }) =>
    a.service.localeCompare(b.service) || (a.operation ?? '').localeCompare(b.operation ?? '');
  return {
    generatedAt: new Date().toISOString(),
    targets: reports.map(({ name, version, report }) => ({ name, endpoint: report.target, ...(version ? { version } : {}) })),
    services: [...services.values()].sort(byName),
    operations: [...operations.values()].sort(byName),
  };
}

const pct = (passed: number, total: number) => (total ? `${((passed / total) * 100).toFixed(1)}%` : '—');

export function comparisonMarkdown(c: PeerComparison): string {
  const names = c.targets.map((t) => t.name);
  const head = (first: string[]) => [`| ${[...first, ...names].join(' | ')} |`, `|${[...first, ...names].map(() => '---').join('|')}|`];
  return [
    '# twinstack and its peers, judged by the same AWS-recorded contracts',
    '',
    `${c.generatedAt} · ${c.targets.map((t) => `${t.name}${t.version ? ` ${t.version}` : ''} (${t.endpoint})`).join(' · ')}`,
    '',
    'Each cell: scoring interactions whose response matches what AWS returned. Expectations come from real AWS only.',
    '',
    ...head(['service']),
    ...c.services.map((s) => `| ${s.service} | ${names.map((n) => { const t = s.byTarget[n]; return t ? `${pct(t.passed, t.scoring)} (${t.passed}/${t.scoring})` : '—'; }).join(' | ')} |`),
    '',
    ...head(['operation', 'interactions']),
    ...c.operations.map(
      (o) =>
        `| ${o.service}.${o.operation} | ${o.scoring} | ${names
          .map((n) => {
            const t = o.byTarget[n];
            if (!t) return '—';
            const paths = t.failingPaths.slice(0, 2).map((p) => `\`${p}\``).join(' ');
            return `${pct(t.passed, o.scoring)}${paths ? ` ${paths}` : ''}`;
          })
          .join(' | ')} |`,
    ),
    '',
  ].join('\n');
}
