import { AwsError } from '../core/errors.ts';
import type { ServiceModel, ShapeRef } from '../models/types.ts';

/**
 * Model constraint checks (required, length, range, enum, pattern) reported the way AWS's Coral framework words
 * them, e.g. `1 validation error detected: Value null at 'queueUrl' failed to satisfy constraint: Member must not be null`.
 */
export function validateInput(model: ServiceModel, ref: ShapeRef | undefined, input: unknown): void {
  if (!ref) return;
  const problems: string[] = [];
  check(model, ref, input, '', problems);
  if (problems.length === 0) return;
  const count = problems.length === 1 ? '1 validation error detected' : `${problems.length} validation errors detected`;
  throw new AwsError('ValidationException', `${count}: ${problems.join('; ')}`, { status: 400 });
}

function coralName(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function describe(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (Array.isArray(value)) return `'[${value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ')}]'`;
  if (value instanceof Date) return `'${value.toISOString()}'`;
  if (Buffer.isBuffer(value)) return `'java.nio.HeapByteBuffer[pos=0 lim=${value.length} cap=${value.length}]'`;
  if (typeof value === 'object') return `'${JSON.stringify(value)}'`;
  return `'${String(value)}'`;
}

const patternCache = new Map<string, RegExp | null>();
function compile(pattern: string): RegExp | null {
  if (!patternCache.has(pattern)) {
    try {
      patternCache.set(pattern, new RegExp(`^(?:${pattern})$`, 'u'));
    } catch {
      patternCache.set(pattern, null); // a Java-only construct: AWS checks it, we cannot
    }
  }
  return patternCache.get(pattern)!;
}

function check(model: ServiceModel, ref: ShapeRef, value: unknown, path: string, problems: string[]) {
  const shape = model.shapes[ref.shape];
  const fail = (constraint: string) =>
    problems.push(`Value ${describe(value)} at '${path}' failed to satisfy constraint: Member must ${constraint}`);
  if (value === undefined || value === null) return;
  switch (shape.type) {
    case 'structure': {
      const object = value as Record<string, unknown>;
      for (const [name, member] of Object.entries(shape.members ?? {})) {
        const memberPath = path ? `${path}.${coralName(name)}` : coralName(name);
        const memberValue = object[name];
        if ((memberValue === undefined || memberValue === null) && shape.required?.includes(name)) {
          problems.push(`Value null at '${memberPath}' failed to satisfy constraint: Member must not be null`);
          continue;
        }
        check(model, member, memberValue, memberPath, problems);
      }
      return;
    }
    case 'list': {
      const list = value as unknown[];
      lengthChecks(shape.min, shape.max, list.length, fail);
      list.forEach((item, i) => check(model, shape.member!, item, `${path}.${i + 1}.member`, problems));
      return;
    }
    case 'map': {
      const entries = Object.entries(value as Record<string, unknown>);
      lengthChecks(shape.min, shape.max, entries.length, fail);
      for (const [k, v] of entries) {
        check(model, shape.key!, k, `${path}.${k}.key`, problems);
        check(model, shape.value!, v, `${path}.${k}.member`, problems);
      }
      return;
    }
    case 'string': {
      const text = value as string;
      if (shape.enum && !shape.enum.includes(text)) {
        fail(`satisfy enum value set: [${shape.enum.join(', ')}]`);
        return;
      }
      lengthChecks(shape.min, shape.max, [...text].length, fail);
      if (shape.pattern && text.length > 0 && compile(shape.pattern)?.test(text) === false) {
        fail(`satisfy regular expression pattern: ${shape.pattern}`);
      }
      return;
    }
    case 'blob':
      lengthChecks(shape.min, shape.max, (value as Buffer).length, fail);
      return;
    case 'integer':
    case 'long':
    case 'float':
    case 'double': {
      const n = value as number;
      if (shape.min !== undefined && n < shape.min) fail(`have value greater than or equal to ${shape.min}`);
      else if (shape.max !== undefined && n > shape.max) fail(`have value less than or equal to ${shape.max}`);
      return;
    }
    default:
      return;
  }
}

function lengthChecks(min: number | undefined, max: number | undefined, length: number, fail: (c: string) => void) {
  if (min !== undefined && length < min) fail(`have length greater than or equal to ${min}`);
  else if (max !== undefined && length > max) fail(`have length less than or equal to ${max}`);
}
