import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { snapshotRoot } from '../../verifier/port/snapshot-root.ts';

/**
 * Snapshots recorded against real AWS by LocalStack's test suite (github localstack/localstack, Apache-2.0; see
 * shared/reference/aws-snapshots/README.md beside the checkout), and the redaction that makes our responses comparable with them.
 */
export function loadSnapshot(service: string, file: string): Record<string, { 'recorded-content': Record<string, unknown> }> {
  return JSON.parse(readFileSync(join(snapshotRoot(), service, file), 'utf8'));
}

export interface RedactionOptions {
  accountId: string;
  region: string;
  /** JSON keys whose values become numbered placeholders, e.g. `{ AccessKeyId: 'access-key-id' }`. */
  keyValues?: Record<string, string>;
  /** Literal values that become numbered placeholders wherever they occur, e.g. `{ resource: ['my-role'] }`. */
  references?: Record<string, string[]>;
}

/**
 * LocalStack's redaction as its README describes it: the account id becomes 111111111111, the region `<region>`,
 * the partition `<partition>`, referenced values `<name:N>` in first-seen order (the same value keeping its number
 * across calls), datetimes `<datetime>`, and ResponseMetadata keeps only the status code.
 * Responses come from boto3 as JSON, with datetimes as `{"$datetime": iso}`.
 */
export class Redactor {
  private readonly placeholders = new Map<string, string>();
  private readonly counters = new Map<string, number>();

  constructor(private readonly options: RedactionOptions) {
    for (const [name, values] of Object.entries(options.references ?? {})) for (const value of values) this.reference(value, name);
  }

  private reference(value: string, name: string): void {
    if (this.placeholders.has(value)) return;
    const n = (this.counters.get(name) ?? 0) + 1;
    this.counters.set(name, n);
    this.placeholders.set(value, `<${name}:${n}>`);
  }

  /** Redacts one recorded response (call in the order the test made its calls, as numbering depends on it). */
  redact(value: unknown): unknown {
    this.collect(value);
    return this.replace(value);
  }

  private collect(value: unknown): void {
    if (Array.isArray(value)) value.forEach((v) => this.collect(v));
    else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        const name = this.options.keyValues?.[key];
        if (name && typeof v === 'string') this.reference(v, name);
        else this.collect(v);
      }
    }
  }

  private replace(value: unknown): unknown {
    if (Array.isArray(value)) return value.map((v) => this.replace(v));
    if (value && typeof value === 'object') {
      if ('$datetime' in value) return '<datetime>';
      const out: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(value)) {
        out[key] = key === 'ResponseMetadata' ? { HTTPHeaders: {}, HTTPStatusCode: (v as { HTTPStatusCode: number }).HTTPStatusCode } : this.replace(v);
      }
      return out;
    }
    return typeof value === 'string' ? this.replaceText(value) : value;
  }

  private replaceText(text: string): string {
    const literal = this.placeholders.get(text);
    if (literal) return literal;
    let out = text;
    // Longest first, so that a value containing another is replaced whole.
    for (const [value, placeholder] of [...this.placeholders].sort((a, b) => b[0].length - a[0].length)) {
      out = out.split(value).join(placeholder);
    }
    return out
      .split(this.options.accountId)
      .join('111111111111')
      .replace(/^arn:aws(-cn|-us-gov)?:/, 'arn:<partition>:')
      .split(this.options.region)
      .join('<region>');
  }
}
