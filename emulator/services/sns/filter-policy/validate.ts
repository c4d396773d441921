import { isIP } from 'node:net';
import { JsonSyntaxError, parsePositioned, toPlain, type JsonNode } from './json.ts';
import { compileMatcher, type CompiledFilter, type Condition, type PolicyNode } from './match.ts';

const MAX_KEYS = 5;
const MAX_COMBINATIONS = 150;
const MAX_POLICY_BYTES = 256 * 1024;
const NUMERIC_OPERATORS = new Set(['=', '<', '<=', '>', '>=']);

class PolicyError extends Error {}

/** Jackson's place for an error at `node`: after the token, or after a string's opening quote when its text was not read. */
function at(text: string, node: JsonNode, read = true): string {
  const offset = node.kind === 'string' && !read ? node.start + 1 : node.kind === 'array' || node.kind === 'object' ? node.openEnd : node.end;
  return `\n at [Source: (String)"${text}"; line: 1, column: ${offset + 1}]`;
}

/**
 * Checks a FilterPolicy as SNS does (AWS's messages, places and limits: 5 keys, 150 combinations, 256 KB) and
 * compiles it. `fail` builds the error with SNS's prefix for the calling operation.
 */
export function compileFilterPolicy(text: string, scope: string, fail: (message: string) => Error): CompiledFilter {
  if (Buffer.byteLength(text) > MAX_POLICY_BYTES) throw fail('FilterPolicy: Filter policy is too long');
  let root: JsonNode;
  try {
    root = parsePositioned(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) throw fail(`FilterPolicy: failed to parse JSON. ${error.message}`);
    throw error;
  }
  // AWS checks the policy in its compact form: its messages quote that text, and their columns count in it.
  text = JSON.stringify(toPlain(root));
  root = parsePositioned(text);
  let policy: PolicyNode;
  try {
    if (root.kind !== 'object') throw new PolicyError(`Filter policy must be a JSON object${at(text, root)}`);
    policy = compileObject(text, root);
    // Nesting is refused for attributes only once the whole policy has been read.
    if (scope !== 'MessageBody' && policy.keys.some((k) => k.nested)) throw new NestedInAttributes();
  } catch (error) {
    if (error instanceof NestedInAttributes) throw fail('Filter policy scope MessageAttributes does not support nested filter policy');
    if (error instanceof PolicyError) throw fail(`FilterPolicy: ${error.message}`);
    throw error;
  }
  const { keys, combinations } = measure(policy);
  if (keys > MAX_KEYS) throw fail('FilterPolicy: Filter policy can not have more than 5 keys');
  if (combinations > MAX_COMBINATIONS) throw fail('FilterPolicy: Filter policy is too complex');
  return compileMatcher(policy, scope === 'MessageBody' ? 'MessageBody' : 'MessageAttributes');
}

class NestedInAttributes extends Error {}

function compileObject(text: string, node: Extract<JsonNode, { kind: 'object' }>): PolicyNode {
  const policy: PolicyNode = { keys: [], or: [] };
  for (const { key, value } of node.entries) {
    if (key === '$or') {
      if (value.kind !== 'array') throw new PolicyError(`"$or" must be an array${at(text, value, false)}`);
      policy.or.push(
        value.items.map((item) => {
          if (item.kind !== 'object') throw new PolicyError(`"$or" must contain objects${at(text, item, false)}`);
          return compileObject(text, item);
        }),
      );
      continue;
    }
    if (value.kind === 'object') {
      policy.keys.push({ key, nested: compileObject(text, value) });
      continue;
    }
    if (value.kind !== 'array') throw new PolicyError(`"${key}" must be an object or an array${at(text, value, false)}`);
    if (value.items.length === 0) throw new PolicyError(`Empty arrays are not allowed${at(text, value, true).replace(/column: \d+/, `column: ${value.end + 1}`)}`);
    policy.keys.push({ key, conditions: value.items.map((item) => condition(text, item)) });
  }
  return policy;
}

function condition(text: string, node: JsonNode): Condition {
  switch (node.kind) {
    case 'string':
      return { type: 'exact', value: node.value };
    case 'number':
      return { type: 'numeric-exact', value: node.value };
    case 'boolean':
    case 'null':
      return { type: 'literal', value: node.value };
    case 'array':
      throw new PolicyError(`Match value must be String, number, true, false, or null${at(text, node)}`);
    case 'object':
      return operator(text, node);
  }
}

function operator(text: string, node: Extract<JsonNode, { kind: 'object' }>): Condition {
  if (node.entries.length === 0) throw new PolicyError(`Empty objects are not allowed${at(text, node)}`);
  if (node.entries.length > 1) throw new PolicyError(`Only one key allowed in match expression${at(text, node.entries[1].value, false)}`);
  const { key, value } = node.entries[0];
  switch (key) {
    case 'prefix':
    case 'suffix':
    case 'equals-ignore-case':
      return { type: key, value: stringPattern(text, key, value) };
    case 'exists':
      if (value.kind !== 'boolean') throw new PolicyError(`exists match pattern must be either true or false.${at(text, value, false)}`);
      return { type: 'exists', value: value.value };
    case 'cidr':
      return { type: 'cidr', ...cidr(stringPattern(text, 'prefix', value)) };
    case 'numeric':
      return { type: 'numeric', ranges: numeric(text, value) };
    case 'anything-but':
      return anythingBut(text, value);
    default:
      throw new PolicyError(`Unrecognized match type ${key}${at(text, value)}`);
  }
}

function stringPattern(text: string, name: string, value: JsonNode): string {
  if (value.kind !== 'string') throw new PolicyError(`${name} match pattern must be a string${at(text, value)}`);
  return value.value;
}

function anythingBut(text: string, value: JsonNode): Condition {
  if (value.kind === 'object') {
    const entry = value.entries[0];
    if (value.entries.length !== 1 || entry.key !== 'prefix') {
      throw new PolicyError(`Unsupported anything-but pattern: ${entry?.key ?? ''}${at(text, entry?.value ?? value, false)}`);
    }
    return { type: 'anything-but-prefix', value: stringPattern(text, 'prefix', entry.value) };
  }
  const items = value.kind === 'array' ? value.items : [value];
  const values: (string | number)[] = [];
  for (const item of items) {
    if (item.kind !== 'string' && item.kind !== 'number') {
      throw new PolicyError(`Inside anything but list, start|null|boolean is not supported.${at(text, item)}`);
    }
    values.push(item.value);
  }
  return { type: 'anything-but', values };
}

const NUMERIC_NAMES: Record<string, string> = { '=': 'equals' };

/** A numeric match: `["=", n]`, or one or two bounds (a lower bound first when there are two), as AWS parses it. */
function numeric(text: string, node: JsonNode): { op: string; value: number }[] {
  if (node.kind !== 'array') throw new PolicyError(`Value of numeric must be an array.${at(text, node)}`);
  const items = node.items;
  const endOf = (index: number): string => `\n at [Source: (String)"${text}"; line: 1, column: ${(items[index]?.end ?? node.end) + 1}]`;
  const first = items[0];
  if (!first) throw new PolicyError(`Invalid member in numeric match: ]${endOf(0)}`);
  if (first.kind !== 'string') throw new PolicyError(`Invalid member in numeric match: ${text.slice(first.start, first.end)}${at(text, first)}`);
  const ranges: { op: string; value: number }[] = [];
  let index = 0;
  while (index < items.length) {
    const opNode = items[index];
    const op = opNode.kind === 'string' ? opNode.value : text.slice(opNode.start, opNode.end);
    if (index === 0 && !NUMERIC_OPERATORS.has(op)) throw new PolicyError(`Unrecognized numeric range operator: ${op}${endOf(1)}`);
    if (index === 2) {
      if (ranges[0].op === '=' || ranges[0].op.startsWith('<')) {
        throw new PolicyError(`Too many elements in numeric expression${at(text, opNode, false)}`);
      }
      if (opNode.kind !== 'string') throw new PolicyError(`Bad value in numeric range: ${op}${at(text, opNode)}`);
      if (!op.startsWith('<') || !NUMERIC_OPERATORS.has(op)) throw new PolicyError(`Bad numeric range operator: ${op}${at(text, opNode)}`);
    }
    if (index === 4) throw new PolicyError(`Too many terms in numeric range expression${at(text, opNode, false)}`);
    const valueNode = items[index + 1];
    if (!valueNode || valueNode.kind !== 'number') {
      throw new PolicyError(`Value of ${NUMERIC_NAMES[op] ?? op} must be numeric${valueNode ? at(text, valueNode, false) : endOf(index + 1)}`);
    }
    ranges.push({ op, value: valueNode.value });
    index += 2;
  }
  if (ranges.length === 2 && ranges[0].value >= ranges[1].value) {
    throw new PolicyError(`Bottom must be less than top${endOf(4)}`);
  }
  return ranges;
}

function cidr(pattern: string): { network: bigint; bits: number; family: 4 | 6 } {
  // AWS's order: the slash, then the mask, then the address.
  const parts = pattern.split('/');
  if (parts.length !== 2) throw new PolicyError("Malformed CIDR, one '/' required");
  if (!/^\d+$/.test(parts[1])) throw new PolicyError('Malformed CIDR, mask bits must be an integer');
  const family = isIP(parts[0]);
  if (!family) throw new PolicyError(`Nonstandard IP address: ${parts[0]}`);
  const width = family === 4 ? 32 : 128;
  const bits = Number(parts[1]);
  if (bits > width) throw new PolicyError('Malformed CIDR, mask bits must be an integer');
  return { network: ipToBigInt(parts[0], family as 4 | 6) >> BigInt(width - bits), bits, family: family as 4 | 6 };
}

export function ipToBigInt(ip: string, family: 4 | 6): bigint {
  if (family === 4) return ip.split('.').reduce((acc, part) => (acc << 8n) + BigInt(Number(part)), 0n);
  const [head, tail = ''] = ip.includes('::') ? ip.split('::') : [ip, undefined as unknown as string];
  const h = head ? head.split(':') : [];
  const t = ip.includes('::') && tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...h, ...Array(8 - h.length - t.length).fill('0'), ...t] : h;
  return groups.reduce((acc, g) => (acc << 16n) + BigInt(parseInt(g || '0', 16)), 0n);
}

/**
 * Keys and value combinations as AWS counts them towards its limits: a nested key counts once, as its parent; each
 * leaf contributes its number of values times its depth (AWS's documented example: 3 x 4 x 2 x 3 x 1 x 3 = 216), and
 * `$or` branches add up.
 */
function measure(policy: PolicyNode, depth = 1): { keys: number; combinations: number } {
  let keys = 0;
  let combinations = 1;
  for (const entry of policy.keys) {
    keys += 1;
    combinations *= entry.nested ? measure(entry.nested, depth + 1).combinations : entry.conditions!.length * depth;
  }
  for (const branches of policy.or) {
    let sumCombinations = 0;
    let maxKeys = 0;
    for (const branch of branches) {
      const inner = measure(branch, depth);
      sumCombinations += inner.combinations;
      maxKeys = Math.max(maxKeys, inner.keys);
    }
    keys += maxKeys;
    combinations *= sumCombinations;
  }
  return { keys, combinations };
}
