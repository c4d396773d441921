import { AwsError } from '../core/errors.ts';
import type { ServiceModel, Shape, ShapeRef } from '../models/types.ts';
import { compiledOnce } from './compiled.ts';

/**
 * Model constraint checks (required, length, range, enum, pattern) reported the way AWS's Coral framework words
 * them, e.g. `1 validation error detected: Value null at 'queueUrl' failed to satisfy constraint: Member must not be null`.
 * Each shape's checks are compiled once per model; a valid request builds no path strings and allocates nothing per
 * value, and the cost stays linear in the input (string lengths are counted without copying the string).
 */
export function validateInput(model: ServiceModel, ref: ShapeRef | undefined, input: unknown): void {
  if (!ref) return;
  const problems: string[] = [];
  checkerFor(model, ref.shape)(input, [], problems);
  if (problems.length === 0) return;
  const count = problems.length === 1 ? '1 validation error detected' : `${problems.length} validation errors detected`;
  throw new AwsError('ValidationException', `${count}: ${problems.join('; ')}`, { status: 400 });
}

/**
 * Where a value sits, as a stack the checks push and pop (`['entries', 1, 'member', 'id']`): its Coral path
 * (`entries.1.member.id`) is rendered only for a problem, so a valid request builds no path strings.
 */
type Path = (string | number)[];

/** Checks one value at `path`. */
type Checker = (value: unknown, path: Path, problems: string[]) => void;

const compiled = new WeakMap<ServiceModel, Map<string, Checker>>();

function checkerFor(model: ServiceModel, shapeName: string): Checker {
  // Recursive shapes meet their own checker while it is compiled: a stand-in that calls the finished one.
  return compiledOnce(compiled, model, shapeName, () => compile(model, model.shapes[shapeName]), (built) => (value, path, problems) => built()(value, path, problems));
}

const unconstrained = new WeakMap<ServiceModel, Map<string, boolean>>();

/**
 * Whether no value of a shape can break a constraint (no required member, length, range, enum or pattern anywhere in
 * it): its checks are then left out, so that a structure checks only the members that can fail (DynamoDB's
 * AttributeValue: its maps and lists, not its eight scalar members). A shape met again while it is judged (recursion)
 * counts as constrained, which only ever keeps a check.
 */
function isUnconstrained(model: ServiceModel, shapeName: string, judging = new Set<string>()): boolean {
  let known = unconstrained.get(model);
  if (!known) unconstrained.set(model, (known = new Map()));
  const cached = known.get(shapeName);
  if (cached !== undefined) return cached;
  if (judging.has(shapeName)) return false;
  judging.add(shapeName);
  const shape = model.shapes[shapeName];
  const bounded = shape.min !== undefined || shape.max !== undefined;
  let result: boolean;
  switch (shape.type) {
    case 'structure':
      result = !shape.required?.length && Object.values(shape.members ?? {}).every((ref) => isUnconstrained(model, ref.shape, judging));
      break;
    case 'list':
      result = !bounded && isUnconstrained(model, shape.member!.shape, judging);
      break;
    case 'map':
      result = !bounded && isUnconstrained(model, shape.key!.shape, judging) && isUnconstrained(model, shape.value!.shape, judging);
      break;
    case 'string':
      result = !bounded && !shape.enum && (shape.pattern === undefined || compilePattern(shape.pattern) === null);
      break;
    case 'blob':
    case 'integer':
    case 'long':
    case 'float':
    case 'double':
      result = !bounded;
      break;
    default:
      result = true;
  }
  judging.delete(shapeName);
  known.set(shapeName, result);
  return result;
}

function coralName(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/**
 * Longest rendering of a value in a message. AWS echoes a value breaking a length limit in full (CloudWatch Logs: a
 * 1,025-character filter pattern, recorded); ours are cut only past twice the member's maximum length (at least
 * MAX_ECHO characters), so that a megabyte-long value does not come back as a megabyte-long message.
 */
const MAX_ECHO = 1024;

function echo(text: string, limit: number): string {
  return text.length > limit ? `${text.slice(0, limit)}...` : text;
}

function render(value: unknown): string {
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return `java.nio.HeapByteBuffer[pos=0 lim=${value.length} cap=${value.length}]`;
  if (value instanceof Date) return value.toISOString();
  // Blobs inside documents render as blobs, not as what Buffer.toJSON makes of them (the replacer sees the original as this[key]).
  if (typeof value === 'object' && value !== null) {
    return JSON.stringify(value, function (this: Record<string, unknown>, key, v: unknown) {
      return this[key] instanceof Uint8Array ? render(this[key]) : v;
    });
  }
  return String(value);
}

function describe(value: unknown, limit: number): string {
  if (value === undefined || value === null) return 'null';
  if (Array.isArray(value)) {
    let text = '';
    for (const item of value) {
      text += (text ? ', ' : '') + render(item);
      if (text.length > limit) break;
    }
    return `'[${echo(text, limit)}]'`;
  }
  return `'${echo(render(value), limit)}'`;
}

/** Coral names the offending value, except for sensitive members (KMS plaintexts, secrets): "Value at 'plaintext' ...". */
function failure(problems: string[], value: unknown, path: Path, constraint: string, sensitive = false, echoLimit = MAX_ECHO): void {
  problems.push(`Value${sensitive ? '' : ` ${describe(value, echoLimit)}`} at '${path.join('.')}' failed to satisfy constraint: Member must ${constraint}`);
}

const patternCache = new Map<string, RegExp | null>();
function compilePattern(pattern: string): RegExp | null {
  if (!patternCache.has(pattern)) {
    try {
      // Java's leading inline flag `(?i)` (e.g. SSM's AccountId `(?i)all|[0-9]{12}`) is JavaScript's `i` flag.
      const insensitive = pattern.startsWith('(?i)');
      const source = `^(?:${insensitive ? pattern.slice(4) : pattern})$`;
      let regex: RegExp;
      try {
        regex = new RegExp(source, insensitive ? 'iu' : 'u');
      } catch (error) {
        // Java allows escapes JavaScript's unicode mode refuses (EventBridge's `arn:aws([a-z]|\-)*`): without it, as
        // long as every letter escape means there what it means in Java (not `\p{Alpha}`, `\A`, `\z`, `\Q`).
        if (/\\[^\W\d_dDwWsSbBnrtfvux]/.test(pattern.replaceAll('\\\\', ''))) throw error;
        regex = new RegExp(source, insensitive ? 'i' : '');
      }
      patternCache.set(pattern, regex);
    } catch {
      patternCache.set(pattern, null); // a Java-only construct: AWS checks it, we cannot
    }
  }
  return patternCache.get(pattern)!;
}

/** Length in code points (as Java's Coral counts), without building an array of them. */
function codePoints(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++, count++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
  }
  return count;
}

/** Matched values up to this length are remembered (a longer one would be kept alive, and compared, for little gain). */
const MATCHED_KEPT = 256;

/** Strings longer than this are not matched against patterns once they already break their length limit. */
const PATTERN_SKIP_LENGTH = 64 * 1024;

function lengthProblem(shape: Shape, length: number): string | undefined {
  if (shape.min !== undefined && length < shape.min) return `have length greater than or equal to ${shape.min}`;
  if (shape.max !== undefined && length > shape.max) return `have length less than or equal to ${shape.max}`;
  return undefined;
}

function compile(model: ServiceModel, shape: Shape): Checker {
  switch (shape.type) {
    case 'structure': {
      const required = new Set(shape.required ?? []);
      const members = Object.entries(shape.members ?? {})
        .filter(([name, ref]) => required.has(name) || !isUnconstrained(model, ref.shape))
        .map(([name, ref]) => ({ name, coral: coralName(name), required: required.has(name), check: checkerFor(model, ref.shape) }));
      if (!members.length) return UNCHECKED;
      return (value, path, problems) => {
        if (value === undefined || value === null) return;
        const object = value as Record<string, unknown>;
        for (const member of members) {
          const memberValue = Object.hasOwn(object, member.name) ? object[member.name] : undefined;
          if (memberValue === undefined || memberValue === null) {
            if (member.required) problems.push(`Value null at '${[...path, member.coral].join('.')}' failed to satisfy constraint: Member must not be null`);
            continue;
          }
          path.push(member.coral);
          member.check(memberValue, path, problems);
          path.pop();
        }
      };
    }
    case 'list': {
      const item = isUnconstrained(model, shape.member!.shape) ? undefined : checkerFor(model, shape.member!.shape);
      return (value, path, problems) => {
        if (value === undefined || value === null) return;
        const list = value as unknown[];
        const problem = lengthProblem(shape, list.length);
        if (problem) failure(problems, list, path, problem);
        if (!item) return;
        for (let i = 0; i < list.length; i++) {
          if (list[i] === undefined || list[i] === null) continue;
          path.push(i + 1, 'member');
          item(list[i], path, problems);
          path.length -= 2;
        }
      };
    }
    case 'map': {
      const key = checkerFor(model, shape.key!.shape);
      const entryValue = checkerFor(model, shape.value!.shape);
      return (value, path, problems) => {
        if (value === undefined || value === null) return;
        const map = value as Record<string, unknown>;
        const keys = Object.keys(map);
        const problem = lengthProblem(shape, keys.length);
        if (problem) failure(problems, map, path, problem);
        for (const k of keys) {
          path.push(k, 'key');
          key(k, path, problems);
          path[path.length - 1] = 'member';
          if (map[k] !== undefined && map[k] !== null) entryValue(map[k], path, problems);
          path.length -= 2;
        }
      };
    }
    case 'string': {
      const allowed = shape.enum && new Set(shape.enum);
      const pattern = shape.pattern === undefined ? undefined : compilePattern(shape.pattern);
      const hasLength = shape.min !== undefined || shape.max !== undefined;
      const echoLimit = Math.max(MAX_ECHO, 2 * (shape.max ?? 0));
      // The last value that matched the pattern: clients send the same names request after request (a table, a
      // queue URL), and comparing two equal strings costs far less than running the pattern again.
      let matched: string | undefined;
      return (value, path, problems) => {
        if (typeof value !== 'string') return;
        if (allowed && !allowed.has(value)) return failure(problems, value, path, `satisfy enum value set: [${shape.enum!.join(', ')}]`, false, echoLimit);
        let problem: string | undefined;
        let tooLong = false;
        if (hasLength) {
          // A UTF-16 length within the maximum bounds the code point count too: count only when it can matter.
          const length = shape.min === undefined && value.length <= shape.max! ? value.length : codePoints(value);
          problem = lengthProblem(shape, length);
          tooLong = shape.max !== undefined && length > shape.max;
        }
        // AWS lists a member's pattern failure before its length failure (EventBridge CreateConnection, recorded).
        if (pattern && value.length > 0 && value !== matched && !(tooLong && value.length > PATTERN_SKIP_LENGTH)) {
          if (!pattern.test(value)) failure(problems, value, path, `satisfy regular expression pattern: ${shape.pattern}`, false, echoLimit);
          else if (value.length <= MATCHED_KEPT) matched = value;
        }
        if (problem) failure(problems, value, path, problem, shape.sensitive, echoLimit);
      };
    }
    case 'blob':
      return (value, path, problems) => {
        if (!(value instanceof Uint8Array)) return;
        const problem = lengthProblem(shape, value.length);
        if (problem) failure(problems, value, path, problem, shape.sensitive);
      };
    case 'integer':
    case 'long':
    case 'float':
    case 'double':
      return (value, path, problems) => {
        if (typeof value !== 'number') return;
        if (shape.min !== undefined && value < shape.min) failure(problems, value, path, `have value greater than or equal to ${shape.min}`);
        else if (shape.max !== undefined && value > shape.max) failure(problems, value, path, `have value less than or equal to ${shape.max}`);
      };
    default:
      return UNCHECKED;
  }
}

const UNCHECKED: Checker = () => {};
