import type { Properties } from '../../provider.ts';

// An inline state machine `Definition` as SAM writes it: every intrinsic function and dynamic reference replaced by
// `${definition_substitution_N}` (numbered in sorted key order, the values moved to DefinitionSubstitutions), then
// the definition as Python's `json.dumps(sort_keys=True, indent=4)` prints it, one `Fn::Join` element per line.

const isIntrinsic = (v: unknown) => {
  if (!v || typeof v !== 'object' || Array.isArray(v) || Object.keys(v).length !== 1) return false;
  const key = Object.keys(v)[0];
  return key === 'Ref' || key === 'Condition' || key.startsWith('Fn::');
};
const isDynamicReference = (v: unknown) => typeof v === 'string' && /^\{\{resolve:([a-z-]+):(.+)\}\}$/s.test(v);

/** Python's sort of a dict's keys or a list's indices. */
function sortedKeys(value: object): (string | number)[] {
  return Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value).sort();
}

function substitute(value: unknown, substitutions: Properties): unknown {
  if (!value || typeof value !== 'object') return value;
  const out = (Array.isArray(value) ? [...value] : { ...value }) as Record<string | number, unknown>;
  for (const key of sortedKeys(value)) {
    const member = (value as Record<string | number, unknown>)[key];
    if (isIntrinsic(member) || isDynamicReference(member)) {
      const name = `definition_substitution_${Object.keys(substitutions).length + 1}`;
      substitutions[name] = member;
      out[key] = `\${${name}}`;
    } else out[key] = substitute(member, substitutions);
  }
  return out;
}

/** `json.dumps(value, sort_keys=True, indent=4, separators=(",", ": "))`: ASCII only, floats as Python prints them. */
function pythonJson(value: unknown, indent = ''): string {
  const inner = `${indent}    `;
  if (Array.isArray(value)) return value.length ? `[\n${value.map((v) => inner + pythonJson(v, inner)).join(',\n')}\n${indent}]` : '[]';
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return keys.length ? `{\n${keys.map((k) => `${inner}${pythonJson(k)}: ${pythonJson((value as Properties)[k], inner)}`).join(',\n')}\n${indent}}` : '{}';
  }
  if (typeof value === 'number' && !Number.isInteger(value)) return String(value);
  return JSON.stringify(value ?? null).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** DefinitionString (and the substitutions it needs, after the template's own) of an inline Definition. */
export function definitionString(definition: unknown, given: unknown): { DefinitionString: unknown; DefinitionSubstitutions?: unknown } {
  const substitutions: Properties = {};
  const processed = substitute(definition, substitutions);
  const joined = { 'Fn::Join': ['\n', pythonJson(processed).split('\n')] };
  const all = Object.keys(substitutions).length ? { ...((given as Properties | undefined) ?? {}), ...substitutions } : given;
  return all === undefined ? { DefinitionString: joined } : { DefinitionString: joined, DefinitionSubstitutions: all };
}
