import type { Properties } from '../provider.ts';
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { templateError } from '../errors.ts';

export type Template = {
  AWSTemplateFormatVersion?: string;
  Description?: string;
  Metadata?: Record<string, unknown>;
  Parameters?: Record<string, Properties>;
  Rules?: Properties;
  Mappings?: Record<string, Record<string, Record<string, unknown>>>;
  Conditions?: Record<string, unknown>;
  Transform?: unknown;
  Resources?: Record<string, TemplateResource>;
  Outputs?: Record<string, { Value: unknown; Description?: unknown; Condition?: string; Export?: { Name: unknown } }>;
};

export interface TemplateResource {
  Type: string;
  Properties?: Record<string, unknown>;
  DependsOn?: string | string[];
  Condition?: string;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
  Metadata?: unknown;
  CreationPolicy?: unknown;
  UpdatePolicy?: unknown;
}

/** The YAML short forms and the functions they stand for (`!Ref x` is `{Ref: x}`, `!GetAtt a.b` is `{Fn::GetAtt: [a, b]}`). */
const SHORT_FORMS = new Map<string, string>([
  ['!Ref', 'Ref'],
  ['!Condition', 'Condition'],
  ...['Base64', 'Cidr', 'FindInMap', 'GetAtt', 'GetAZs', 'ImportValue', 'Join', 'Select', 'Split', 'Sub', 'Transform', 'And', 'Equals', 'If', 'Not', 'Or', 'Length', 'ToJsonString', 'Contains', 'EachMemberEquals', 'EachMemberIn', 'RefAll', 'ValueOf', 'ValueOfAll', 'ForEach'].map(
    (name): [string, string] => [`!${name}`, `Fn::${name}`],
  ),
]);

/** Converts a YAML node to JSON values, turning the short-form tags into the functions' long forms. */
function toJson(node: unknown, doc: Document): unknown {
  if (isAlias(node)) return toJson(node.resolve(doc), doc);
  let value: unknown;
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? String(pair.key.value) : String(toJson(pair.key, doc));
      out[key] = toJson(pair.value, doc);
    }
    value = out;
  } else if (isSeq(node)) {
    value = node.items.map((item) => toJson(item, doc));
  } else if (isScalar(node)) {
    value = node.value;
  } else if (node == null) {
    return null;
  }
  const tag = (node as Node).tag;
  if (!tag || tag.startsWith('tag:yaml.org')) return value;
  const name = SHORT_FORMS.get(tag);
  if (!name) throw templateError(`Template format error: YAML not well-formed. Unknown tag ${tag}`);
  if (name === 'Fn::GetAtt' && typeof value === 'string') {
    const dot = value.indexOf('.');
    value = dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)];
  }
  return { [name]: value };
}

/** Parses a template body in JSON or YAML, with AWS's messages for what is not a template. */
export function parseTemplate(body: string): Template {
  const text = body.trim();
  let parsed: unknown;
  if (text.startsWith('{')) {
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      // AWS's parser takes a comma before a closing bracket (LocalStack's AWS-validated
      // test_lambda_cfn_dead_letter_config_async_invocation deploys such a template).
      const relaxed = withoutTrailingCommas(text);
      try {
        parsed = JSON.parse(relaxed);
      } catch {
        throw templateError(`Template format error: JSON not well-formed. (${jsonErrorPlace(text, (error as Error).message)})`);
      }
    }
  } else {
    // The body as sent: a template indented as a whole (a test's triple-quoted text) is YAML only with its first line's indentation.
    const doc = parseDocument(body, { uniqueKeys: true, strict: false, logLevel: 'silent' });
    if (doc.errors.length) {
      const error = doc.errors[0];
      const [line, col] = error.linePos?.[0] ? [error.linePos[0].line, error.linePos[0].col] : [1, 1];
      throw templateError(`Template format error: YAML not well-formed. (line ${line}, column ${col})`);
    }
    parsed = toJson(doc.contents, doc);
  }
  // A body that is one scalar (a URL passed as TemplateBody) is no structure at all, AWS says.
  if (typeof parsed === 'string' || typeof parsed === 'number' || typeof parsed === 'boolean') throw templateError('Template format error: unsupported structure.');
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw templateError('Template format error: At least one Resources member must be defined.');
  }
  return parsed as Template;
}

/** JSON text without the commas that directly precede a `}` or `]` (whitespace between), strings left as they are. */
function withoutTrailingCommas(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === ',') {
      let next = i + 1;
      while (/\s/.test(text[next] ?? '')) next++;
      if (text[next] === '}' || text[next] === ']') continue;
    }
    out += c;
  }
  return out;
}

/**
 * Where a JSON template stops parsing, as AWS's parser reports it: `line L, column C`, the column one past the
 * offending character (AWS answers `column 25` for `{"this is invalid JSON"="bobbins"}`, whose `=` is the 24th).
 */
function jsonErrorPlace(text: string, message: string): string {
  const position = /at position (\d+)/.exec(message)?.[1];
  const at = position === undefined ? text.length : Number(position);
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const column = at - (before.lastIndexOf('\n') + 1) + 2;
  return `line ${line}, column ${column}`;
}
