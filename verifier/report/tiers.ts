import { COMMON_OPERATIONS } from './common-operations.ts';

/**
 * How far the evidence for one operation goes, each tier including the ones before it: in AWS's model →
 * implemented by the target → exercised by twinstack's own SDK tests → covered by AWS-validated contracts → every
 * covered interaction passing.
 */
export const TIERS = ['in-model', 'implemented', 'exercised', 'covered', 'passing'] as const;
export type Tier = (typeof TIERS)[number];

/** Operations served during the test suite, per service (reports/exercised.json, written by `npm test`). */
export type Exercised = Record<string, string[]>;

export interface OperationCoverage {
  service: string;
  operation: string;
  tier: Tier;
  implemented: boolean;
  exercised: boolean;
  /** Scoring interactions with AWS-validated expectations, and how many pass. */
  interactions: number;
  passed: number;
  /** Error codes whose AWS responses the contracts hold. */
  errorPaths: string[];
  /** One of the operations a typical application calls most. */
  common: boolean;
}

export interface ServiceCoverage {
  service: string;
  /** Operations at each tier or beyond. */
  counts: Record<Tier, number>;
  /** Pass rate of the covered interactions (undefined: nothing covered). */
  passRate?: number;
  commonOperations: number;
  commonCovered: number;
  /** Common operations not covered by AWS data, for the report to point at. */
  commonGaps: string[];
  headline: string;
}

export interface OperationEvidence {
  service: string;
  operation: string;
  interactions: number;
  passed: number;
  errorPaths: string[];
}

const ratio = (passed: number, total: number) => Math.round((passed / total) * 10000) / 100;

function tierOf(o: Omit<OperationCoverage, 'tier'>): Tier {
  if (o.interactions && o.passed === o.interactions) return 'passing';
  if (o.interactions) return 'covered';
  if (o.exercised) return 'exercised';
  if (o.implemented) return 'implemented';
  return 'in-model';
}

/** Tiers per operation and per service, from the target's introspection, the test suite's log and the contract run. */
export function coverage(
  introspection: Record<string, { implemented: string[]; all: string[] }>,
  evidence: OperationEvidence[],
  exercised: Exercised = {},
): { operations: OperationCoverage[]; services: ServiceCoverage[] } {
  const byKey = new Map(evidence.map((e) => [`${e.service}.${e.operation}`, e]));
  const operations: OperationCoverage[] = [];
  const services: ServiceCoverage[] = [];
  for (const service of Object.keys(introspection).sort()) {
    const { implemented, all } = introspection[service];
    const implementedSet = new Set(implemented);
    const exercisedSet = new Set(exercised[service] ?? []);
    const common = new Set(COMMON_OPERATIONS[service] ?? []);
    const own = all.map((operation) => {
      const e = byKey.get(`${service}.${operation}`);
      const base = {
        service,
        operation,
        implemented: implementedSet.has(operation),
        // Only what the target implements counts: protocol tests also serve stand-in definitions under real names.
        exercised: implementedSet.has(operation) && exercisedSet.has(operation),
        interactions: e?.interactions ?? 0,
        passed: e?.passed ?? 0,
        errorPaths: e?.errorPaths ?? [],
        common: common.has(operation),
      };
      return { ...base, tier: tierOf(base) };
    });
    operations.push(...own);
    const counts = Object.fromEntries(TIERS.map((t, i) => [t, own.filter((o) => TIERS.indexOf(o.tier) >= i).length])) as Record<Tier, number>;
    const interactions = own.reduce((n, o) => n + o.interactions, 0);
    const passed = own.reduce((n, o) => n + o.passed, 0);
    const passRate = interactions ? ratio(passed, interactions) : undefined;
    const commonOps = own.filter((o) => o.common);
    const commonGaps = commonOps.filter((o) => !o.interactions).map((o) => o.operation);
    services.push({
      service,
      counts,
      ...(passRate !== undefined ? { passRate } : {}),
      commonOperations: commonOps.length,
      commonCovered: commonOps.length - commonGaps.length,
      commonGaps,
      headline:
        `${service}: ${counts.covered}/${all.length} operations covered by AWS data` +
        `${passRate !== undefined ? `, ${passRate.toFixed(1)}% of their ${interactions} interactions passing` : ''}; ` +
        `${counts.implemented}/${all.length} implemented, ${counts.exercised}/${all.length} exercised by SDK tests`,
    });
  }
  return { operations, services };
}
