import type { InputTransformer, Target } from '@aws-sdk/client-eventbridge';
import { validation } from './errors.ts';
import { parseJsonPath, readJsonPath } from './json-path.ts';
import { isJsonText } from '../../core/json-text.ts';

/** What a rule knows when it hands an event to a target (InputTransformer's predefined variables). */
export interface RuleContext {
  ruleArn: string;
  ruleName: string;
  ingestionTime: string;
}

const PREDEFINED = ['aws.events.rule-arn', 'aws.events.rule-name', 'aws.events.event.ingestion-time', 'aws.events.event', 'aws.events.event.json'];
const PLACEHOLDER = /<([^<>\s]+)>/g;

/** PutTargets' checks on Input, InputPath and InputTransformer, with AWS's messages. */
export function validateTargetInput(target: Target): void {
  const given = [target.Input, target.InputPath, target.InputTransformer].filter((v) => v !== undefined).length;
  if (given > 1) throw validation(`Only one of Input, InputPath, or InputTransformer must be provided for target ${target.Id}.`);
  if (target.Input !== undefined && !isJsonText(target.Input)) throw validation(`Input for target ${target.Id} is not valid JSON text.`);
  if (target.InputPath !== undefined && !parseJsonPath(target.InputPath)) throw validation(`InputPath for target ${target.Id} is invalid.`);
  const transformer = target.InputTransformer;
  if (!transformer) return;
  for (const [key, path] of Object.entries(transformer.InputPathsMap ?? {})) {
    if (PREDEFINED.includes(key)) throw validation(`InputTransformer for target ${target.Id} contains a reserved key ${key}.`);
    if (!parseJsonPath(path)) throw validation(`InputPathsMap for target ${target.Id} contains invalid JSONPath ${path}.`);
  }
  for (const [, name] of transformer.InputTemplate!.matchAll(PLACEHOLDER)) {
    if (!PREDEFINED.includes(name) && !Object.hasOwn(transformer.InputPathsMap ?? {}, name)) {
      throw validation(`InputTemplate for target ${target.Id} contains invalid placeholder ${name}.`);
    }
  }
}

/** The text a target receives for an event, or undefined when AWS would not deliver (a template that yields no valid input). */
export function targetInput(target: Target, event: Record<string, unknown>, rule: RuleContext): string | undefined {
  if (target.Input !== undefined) return target.Input;
  if (target.InputPath !== undefined) {
    const value = readJsonPath(event, parseJsonPath(target.InputPath)!);
    return value === undefined ? undefined : JSON.stringify(value);
  }
  if (target.InputTransformer) return transform(target.InputTransformer, event, rule);
  return JSON.stringify(event);
}

/**
 * Fills an InputTemplate. Inside a JSON string a value is written bare (strings unquoted, objects and lists in AWS's
 * unquoted `{k:v}` / `[a,b]` form); outside one it is written as JSON. A template that starts as JSON must stay valid JSON.
 */
function transform(transformer: InputTransformer, event: Record<string, unknown>, rule: RuleContext): string | undefined {
  const values = new Map<string, unknown>();
  for (const [key, path] of Object.entries(transformer.InputPathsMap ?? {})) values.set(key, readJsonPath(event, parseJsonPath(path)!));
  const { detail: _detail, 'detail-type': detailType, ...envelope } = event;
  values.set('aws.events.rule-arn', rule.ruleArn);
  values.set('aws.events.rule-name', rule.ruleName);
  values.set('aws.events.event.ingestion-time', rule.ingestionTime);
  values.set('aws.events.event', { ...envelope, detailType, time: rule.ingestionTime });
  values.set('aws.events.event.json', event);

  const template = transformer.InputTemplate!;
  const first = template.trimStart()[0];
  if (first !== '{' && first !== '[' && first !== '"') return undefined;
  let out = '';
  let inString = false;
  let invalid = false;
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const index = match.index!;
    inString = quoteState(template, last, index, inString);
    out += template.slice(last, index);
    last = index + match[0].length;
    if (!values.has(match[1])) {
      out += match[0];
      continue;
    }
    const value = values.get(match[1]);
    if (inString) {
      if (first !== '"' && value !== null && typeof value === 'object') invalid = true;
      out += bare(value);
    } else out += value === undefined ? 'null' : JSON.stringify(value);
  }
  out += template.slice(last);
  if (invalid) return undefined;
  if (first !== '"') {
    try {
      JSON.parse(out);
    } catch {
      return undefined;
    }
  }
  return out;
}

/** Whether the text up to `end` leaves us inside a JSON string (counting unescaped quotes from `start`). */
function quoteState(text: string, start: number, end: number, inString: boolean): boolean {
  for (let i = start; i < end; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') inString = !inString;
  }
  return inString;
}

function bare(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return `[${value.map(bare).join(',')}]`;
  if (typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${k}:${bare(v)}`).join(',')}}`;
  if (typeof value === 'string') return JSON.stringify(value).slice(1, -1);
  return String(value);
}
