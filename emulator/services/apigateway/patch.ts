import type { PatchOperation } from '@aws-sdk/client-api-gateway';
import { badRequest, enumViolation, notFound } from './errors.ts';

const OPS = ['add', 'remove', 'move', 'test', 'replace', 'copy'] as const;

/** How a patchable member takes its value: scalars are coerced from the patch's string, maps and lists by key. */
export type FieldKind = 'string' | 'boolean' | 'number' | 'list' | 'map' | 'boolmap' | PatchSpec;

export interface PatchSpec {
  readonly [field: string]: FieldKind;
}

/** Coral's enum check of every operation's `op`, named as AWS names the input (`updateRestApiInput`). */
export function checkOps(ops: PatchOperation[] | undefined, inputName: string, otherProblems: (string | undefined)[] = []): PatchOperation[] {
  const list = ops ?? [];
  const problems = list.flatMap((operation, i) =>
    OPS.includes(operation.op as (typeof OPS)[number]) ? [] : [{ value: String(operation.op), at: `${inputName}.patchOperations.${i + 1}.member.op`, allowed: OPS }],
  );
  // Coral lists the other members' violations (e.g. a status code's pattern) after the operations'.
  const others = otherProblems.filter((p): p is string => p !== undefined);
  if (problems.length || others.length) throw enumViolation(problems, others);
  return list;
}

/** A JSON pointer's segments with `~1` and `~0` decoded. */
export function segments(path: string | undefined): string[] {
  if (!path?.startsWith('/')) throw badRequest(`Invalid patch path ${path ?? 'null'}`);
  return path.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function coerce(kind: FieldKind, value: string | undefined, path: string): unknown {
  if (kind === 'boolean' || kind === 'boolmap') return value === 'true';
  if (kind === 'number') {
    const n = Number(value);
    if (value === undefined || value === '' || Number.isNaN(n)) throw badRequest(`Invalid value for ${path}: ${value}`);
    return n;
  }
  return value;
}

/**
 * Applies add/remove/replace operations to a stored object, member by member as `spec` allows. Paths outside it are
 * refused with AWS's `Invalid patch path`; copy, move and test with its `Invalid patch operation`.
 */
export function applyPatch(target: Record<string, unknown>, ops: PatchOperation[], spec: PatchSpec, rules: PatchRules = {}): void {
  for (const operation of ops) applyOne(target, operation, segments(operation.path), spec, operation.path!, rules);
}

/** Per-member rules some resources add: replace/remove of a map key it lacks is a 404 with the member's message. */
export interface PatchRules {
  missingKey?: Readonly<Record<string, string>>;
}

function applyOne(target: Record<string, unknown>, operation: PatchOperation, path: string[], spec: PatchSpec, fullPath: string, rules: PatchRules): void {
  const { op, value } = operation;
  if (op !== 'add' && op !== 'remove' && op !== 'replace') throw badRequest("Invalid patch operation specified. Must be 'add'|'remove'|'replace'");
  const [field, ...rest] = path;
  const kind = Object.hasOwn(spec, field) ? spec[field] : undefined;
  if (!kind) throw badRequest(`Invalid patch path ${fullPath}`);
  if (typeof kind === 'object') {
    if (!rest.length) {
      if (op === 'remove') delete target[field];
      else throw badRequest(`Invalid patch path ${fullPath}`);
      return;
    }
    const child = (target[field] ??= {}) as Record<string, unknown>;
    applyOne(child, operation, rest, kind, fullPath, rules);
    return;
  }
  if (kind === 'list') {
    const list = ((target[field] as string[] | undefined) ?? []).slice();
    const item = rest.length ? rest.join('/') : value;
    if (op === 'remove') target[field] = list.filter((x) => x !== item);
    else if (op === 'add' && item !== undefined && !list.includes(item)) target[field] = [...list, item];
    // AWS replaces a list member by removing it and appending the new value (test_update_rest_api_operation_add_remove).
    else if (op === 'replace') target[field] = rest.length ? [...list.filter((x) => x !== item), value!] : value === undefined ? [] : [value];
    if ((target[field] as string[]).length === 0) delete target[field];
    return;
  }
  if (kind === 'map' || kind === 'boolmap') {
    // A key is one segment: `/requestModels/application~1json`, never `/requestModels/application/json`.
    if (rest.length > 1) throw badRequest(`Invalid patch path ${fullPath}`);
    if (!rest.length) {
      if (op === 'remove') delete target[field];
      else throw badRequest(`Invalid patch path ${fullPath}`);
      return;
    }
    const key = rest[0];
    const map = { ...((target[field] as Record<string, unknown> | undefined) ?? {}) };
    const missing = rules.missingKey?.[field];
    if (missing !== undefined && op !== 'add' && !Object.hasOwn(map, key)) throw notFound(missing);
    if (op === 'remove') delete map[key];
    else map[key] = coerce(kind, value, fullPath);
    if (Object.keys(map).length) target[field] = map;
    else delete target[field];
    return;
  }
  if (rest.length) throw badRequest(`Invalid patch path ${fullPath}`);
  if (op === 'remove') delete target[field];
  else target[field] = coerce(kind, value, fullPath);
}
