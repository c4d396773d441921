import type { Provenance } from '../contract/types.ts';
import type { InteractionResult } from '../replay/run.ts';
import type { VerifyRun } from '../replay/verify.ts';
import { coverage, type Exercised, type OperationCoverage, type ServiceCoverage } from './tiers.ts';

export type Introspection = Record<string, { implemented: string[]; all: string[] }>;

export interface OperationScore {
  service: string;
  operation: string;
  interactions: number;
  passed: number;
  failed: number;
  passRate: number;
  /** Failing JSONPaths by frequency. */
  topFailingPaths: { path: string; count: number; example?: { expected: unknown; actual: unknown; scenario: string } }[];
  /** Latest date AWS confirmed an expectation of this operation. */
  lastAwsValidation?: string;
}

export interface ServiceScore {
  service: string;
  interactions: number;
  passed: number;
  parity: number;
  operationsCovered: number;
  /** From the target's introspection; undefined when the target cannot tell. */
  operationsImplemented?: number;
  operationsInModel?: number;
}

export interface ParityReport {
  generatedAt: string;
  target: string;
  durationMs: number;
  totals: { scenarios: number; interactions: number; scoring: number; passed: number; parity: number };
  services: ServiceScore[];
  operations: OperationScore[];
  scenarios: { id: string; service: string; protocol: string; provenance: Provenance; passed: number; scoring: number }[];
  /** Every scoring interaction's verdict, keyed `<scenario>#<step>`, for baselines and merges. */
  verdicts: Record<string, boolean>;
  results: InteractionResult[];
  /** The target's own list of implemented operations, when it told us. */
  introspection?: Introspection;
  /** Evidence tiers per operation and service (needs the target's introspection). */
  coverage?: { operations: OperationCoverage[]; services: ServiceCoverage[] };
}

function validationDate(p: Provenance): string | undefined {
  if (p.kind === 'aws-validated-snapshot') return p.lastValidated ?? p.recordedDate;
  if (p.kind === 'aws-recording') return p.recordedAt;
  return undefined;
}

const ratio = (passed: number, total: number) => (total ? Math.round((passed / total) * 10000) / 100 : 0);

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Per-operation and per-service scores of one run (or of merged shard runs). */
export function aggregate(run: VerifyRun, introspection?: Introspection, exercised?: Exercised): ParityReport {
  const scoring = run.results.filter((r) => r.scoring);
  const provenanceOf = new Map(run.scenarios.map((s) => [s.id, s.provenance]));
  // Grouped once: the whole corpus has thousands of scenarios and hundreds of operations.
  const byOperation = groupBy(scoring, (r) => `${r.service}.${r.operation}`);
  const byService = groupBy(scoring, (r) => r.service);
  const byScenario = groupBy(scoring, (r) => r.scenario);
  const operations: OperationScore[] = [...byOperation.entries()]
    .map(([, results]) => {
      const paths = new Map<string, OperationScore['topFailingPaths'][number]>();
      for (const r of results) {
        for (const m of r.mismatches) {
          const entry = paths.get(m.path) ?? { path: m.path, count: 0, example: { expected: m.expected, actual: m.actual, scenario: r.scenario } };
          entry.count++;
          paths.set(m.path, entry);
        }
      }
      const dates = results.map((r) => provenanceOf.get(r.scenario)).flatMap((p) => (p ? [validationDate(p)] : [])).filter(Boolean) as string[];
      const passed = results.filter((r) => r.passed).length;
      return {
        service: results[0].service,
        operation: results[0].operation,
        interactions: results.length,
        passed,
        failed: results.length - passed,
        passRate: ratio(passed, results.length),
        topFailingPaths: [...paths.values()].sort((a, b) => b.count - a.count).slice(0, 5),
        ...(dates.length ? { lastAwsValidation: dates.sort().at(-1) } : {}),
      };
    })
    .sort((a, b) => a.service.localeCompare(b.service) || a.operation.localeCompare(b.operation));
  const serviceNames = [...new Set([...run.scenarios.map((s) => s.service), ...Object.keys(introspection ?? {})])].sort();
  const services: ServiceScore[] = serviceNames.map((service) => {
    const results = byService.get(service) ?? [];
    const passed = results.filter((r) => r.passed).length;
    const info = introspection?.[service];
    return {
      service,
      interactions: results.length,
      passed,
      parity: ratio(passed, results.length),
      operationsCovered: operations.filter((o) => o.service === service).length,
      ...(info ? { operationsImplemented: info.implemented.length, operationsInModel: info.all.length } : {}),
    };
  });
  const passed = scoring.filter((r) => r.passed).length;
  const evidence = operations.map((o) => ({
    service: o.service,
    operation: o.operation,
    interactions: o.interactions,
    passed: o.passed,
    errorPaths: [...new Set(byOperation.get(`${o.service}.${o.operation}`)!.flatMap((r) => (r.expectedError ? [r.expectedError] : [])))].sort(),
  }));
  return {
    generatedAt: run.startedAt,
    target: run.target,
    durationMs: Math.round(run.durationMs),
    totals: { scenarios: run.scenarios.length, interactions: run.results.length, scoring: scoring.length, passed, parity: ratio(passed, scoring.length) },
    services,
    operations,
    scenarios: run.scenarios.map((s) => {
      const own = byScenario.get(s.id) ?? [];
      return { ...s, passed: own.filter((r) => r.passed).length, scoring: own.length };
    }),
    verdicts: Object.fromEntries(scoring.map((r) => [`${r.scenario}#${r.step}`, r.passed])),
    results: run.results,
    ...(introspection ? { introspection, coverage: coverage(introspection, evidence, exercised) } : {}),
  };
}
