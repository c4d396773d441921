import genson from 'genson-js';
import jsonSchemaDiff from 'json-schema-diff';
import type { ContractFile, ContractInteraction } from '../contract/types.ts';

/**
 * Drift between two recordings of one scenario (e.g. the same test recorded against AWS months apart): per
 * operation, whether AWS's responses changed in a way that breaks a client (a field removed, a type changed, another
 * status or error code) or only added to them. Response schemas are inferred from the recorded bodies (genson-js) and
 * compared with json-schema-diff; the paths that explain a verdict come from walking the two schemas.
 */
export type Verdict = 'unchanged' | 'additive' | 'breaking';

export interface OperationDrift {
  operation: string;
  step: number;
  verdict: Verdict;
  changes: string[];
}

type Schema = { type?: string | string[]; properties?: Record<string, Schema>; items?: Schema; required?: string[]; anyOf?: Schema[]; additionalProperties?: boolean };

/** Closed objects without `required`: a new member is then an addition, a missing one a removal. */
function closed(schema: Schema): Schema {
  const out: Schema = { ...schema };
  delete out.required;
  if (out.properties) {
    out.properties = Object.fromEntries(Object.entries(out.properties).map(([k, v]) => [k, closed(v)]));
    out.additionalProperties = false;
  }
  if (out.items) out.items = closed(out.items);
  if (out.anyOf) out.anyOf = out.anyOf.map(closed);
  return out;
}

const typeOf = (s: Schema | undefined) => (s?.anyOf ? s.anyOf.map((x) => x.type).join('|') : [s?.type ?? 'any'].flat().join('|'));

function explain(before: Schema | undefined, after: Schema | undefined, path: string, out: string[]): void {
  if (!before && !after) return;
  if (!after) return void out.push(`removed ${path}`);
  if (!before) return void out.push(`added ${path}`);
  if (typeOf(before) !== typeOf(after) && !(before.properties && after.properties)) {
    return void out.push(`type of ${path}: ${typeOf(before)} -> ${typeOf(after)}`);
  }
  for (const key of new Set([...Object.keys(before.properties ?? {}), ...Object.keys(after.properties ?? {})])) {
    explain(before.properties?.[key], after.properties?.[key], `${path}.${key}`, out);
  }
  if (before.items || after.items) explain(before.items, after.items, `${path}[*]`, out);
}

function outcome(i: ContractInteraction): { status?: number; error?: string; output: unknown } {
  const e = i.comments.twinstack.expect;
  return { status: e.status, error: e.error?.code, output: e.output ?? {} };
}

export async function diffInteraction(before: ContractInteraction, after: ContractInteraction): Promise<OperationDrift> {
  const a = outcome(before);
  const b = outcome(after);
  const changes: string[] = [];
  let breaking = false;
  if (a.status !== b.status) {
    changes.push(`status: ${a.status ?? 'any 2xx'} -> ${b.status ?? 'any 2xx'}`);
    breaking = true;
  }
  if (a.error !== b.error) {
    changes.push(`error code: ${a.error ?? 'none'} -> ${b.error ?? 'none'}`);
    breaking = true;
  }
  const sa = closed(genson.createSchema(a.output) as Schema);
  const sb = closed(genson.createSchema(b.output) as Schema);
  const result = await jsonSchemaDiff.diffSchemas({ sourceSchema: sa as object, destinationSchema: sb as object });
  if (result.removalsFound) breaking = true;
  if (result.additionsFound || result.removalsFound) explain(sa, sb, '$', changes);
  const verdict: Verdict = breaking ? 'breaking' : changes.length || result.additionsFound ? 'additive' : 'unchanged';
  return { operation: before.comments.twinstack.operation, step: before.comments.twinstack.step, verdict, changes };
}

/** Pairs the interactions of two recordings by step and operation; unpaired ones are reported as such. */
export async function diffContracts(before: ContractFile, after: ContractFile): Promise<OperationDrift[]> {
  const byStep = new Map(after.interactions.map((i) => [i.comments.twinstack.step, i]));
  const out: OperationDrift[] = [];
  for (const old of before.interactions) {
    const meta = old.comments.twinstack;
    const next = byStep.get(meta.step);
    if (!next || next.comments.twinstack.operation !== meta.operation) {
      out.push({ operation: meta.operation, step: meta.step, verdict: 'breaking', changes: ['the new recording has no such call at this step'] });
      continue;
    }
    out.push(await diffInteraction(old, next));
  }
  return out;
}

export function driftText(before: string, after: string, drift: OperationDrift[]): string {
  const worst = drift.some((d) => d.verdict === 'breaking') ? 'breaking' : drift.some((d) => d.verdict === 'additive') ? 'additive' : 'unchanged';
  return [
    `${before} -> ${after}: ${worst}`,
    ...drift.map((d) => `  step ${d.step} ${d.operation}: ${d.verdict}${d.changes.length ? `\n    ${d.changes.join('\n    ')}` : ''}`),
  ].join('\n');
}
