import { invalidParameter } from './errors.ts';
import { memoized } from './memo.ts';
import type { LogGroup, LogsState } from './state.ts';

/**
 * The managed data identifiers twinstack finds in log events, by name (AWS's names; AWS has more, which are accepted in
 * a policy but find nothing here). Patterns follow the identifiers' documented descriptions.
 */
const MANAGED: ReadonlyMap<string, RegExp> = new Map([
  ['EmailAddress', /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g],
  ['IpAddress', /\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b/g],
  ['AwsSecretKey', /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])/g],
  ['CreditCardNumber', /\b(?:\d[ -]?){12,18}\d\b/g],
  ['Ssn-US', /\b\d{3}-\d{2}-\d{4}\b/g],
  ['PhoneNumber-US', /(?:\+1[ .-]?)?\(?\b\d{3}\)?[ .-]\d{3}[ .-]\d{4}\b/g],
]);

const MANAGED_ARN = /^arn:[a-z-]+:dataprotection::aws:data-identifier\/([A-Za-z0-9-]+)$/;

/** A parsed data protection policy: what its Deidentify statement masks. */
export interface Masker {
  patterns: RegExp[];
}

interface Statement {
  DataIdentifier?: unknown;
  Operation?: { Audit?: unknown; Deidentify?: { MaskConfig?: unknown } };
}

/** Checks a data protection policy document as AWS requires it and returns what it masks. */
export function parseDataProtectionPolicy(document: string): Masker {
  let policy: { Name?: unknown; Version?: unknown; Statement?: unknown; Configuration?: { CustomDataIdentifier?: unknown } };
  try {
    policy = JSON.parse(document);
  } catch {
    throw invalidParameter('Invalid data protection policy: the policy document must be valid JSON.');
  }
  if (!policy || typeof policy !== 'object' || typeof policy.Name !== 'string') throw invalidParameter('Invalid data protection policy: Name is required.');
  if (policy.Version !== '2021-06-01') throw invalidParameter('Invalid data protection policy: Version must be 2021-06-01.');
  const custom = new Map<string, RegExp>();
  const customList = policy.Configuration?.CustomDataIdentifier ?? [];
  if (!Array.isArray(customList) || customList.length > 10) throw invalidParameter('Invalid data protection policy: at most 10 custom data identifiers are allowed.');
  for (const c of customList as { Name?: unknown; Regex?: unknown }[]) {
    if (typeof c?.Name !== 'string' || typeof c.Regex !== 'string' || c.Regex.length > 200) {
      throw invalidParameter('Invalid data protection policy: a custom data identifier needs a Name and a Regex of at most 200 characters.');
    }
    try {
      custom.set(c.Name, new RegExp(c.Regex, 'g'));
    } catch {
      throw invalidParameter(`Invalid data protection policy: the Regex of custom data identifier ${c.Name} is not valid.`);
    }
  }
  const statements = policy.Statement;
  if (!Array.isArray(statements) || statements.length !== 2) {
    throw invalidParameter('Invalid data protection policy: it must contain exactly two statements, one Audit and one Deidentify.');
  }
  const audit = (statements as Statement[]).find((s) => s?.Operation?.Audit !== undefined);
  const deidentify = (statements as Statement[]).find((s) => s?.Operation?.Deidentify?.MaskConfig !== undefined);
  if (!audit || !deidentify) throw invalidParameter('Invalid data protection policy: it must contain exactly two statements, one Audit and one Deidentify.');
  const identifiers = (s: Statement): string[] => {
    if (!Array.isArray(s.DataIdentifier) || !s.DataIdentifier.length || s.DataIdentifier.some((d) => typeof d !== 'string')) {
      throw invalidParameter('Invalid data protection policy: each statement needs a non-empty DataIdentifier list.');
    }
    return s.DataIdentifier as string[];
  };
  const masked = identifiers(deidentify);
  if ([...identifiers(audit)].sort().join('\n') !== [...masked].sort().join('\n')) {
    throw invalidParameter('Invalid data protection policy: the Audit and Deidentify statements must name the same data identifiers.');
  }
  const patterns: RegExp[] = [];
  for (const identifier of masked) {
    const name = MANAGED_ARN.exec(identifier)?.[1];
    if (name !== undefined) {
      const pattern = MANAGED.get(name);
      if (pattern) patterns.push(pattern);
    } else if (custom.has(identifier)) patterns.push(custom.get(identifier)!);
    else throw invalidParameter(`Invalid data protection policy: unknown data identifier ${identifier}.`);
  }
  return { patterns };
}

const parsed = memoized(parseDataProtectionPolicy);

/** The masker of a group: its own data protection policy, else the account's (an account policy of that type). */
export function maskerFor(state: LogsState, group: LogGroup): Masker | undefined {
  const document = group.dataProtection?.document ?? accountPolicyDocument(state, 'DATA_PROTECTION_POLICY', group.name);
  return document === undefined ? undefined : parsed(document);
}

/** The document of the account policy of a type that applies to a group (its selection criteria, if any). */
export function accountPolicyDocument(state: LogsState, type: string, groupName: string): string | undefined {
  for (const policy of state.accountPolicies.values()) {
    if (policy.policyType === type && appliesTo(policy.selectionCriteria, groupName)) return policy.policyDocument;
  }
  return undefined;
}

/** AWS's selection criteria: `LogGroupName NOT IN ["a", "b"]` (and, for some types, `LogGroupNamePrefix IN [...]`). */
function appliesTo(criteria: string | undefined, groupName: string): boolean {
  if (!criteria) return true;
  const match = /^\s*(LogGroupName|LogGroupNamePrefix)\s+(NOT IN|IN)\s*\[(.*)\]\s*$/s.exec(criteria);
  if (!match) return true;
  const names = [...match[3].matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]);
  const hit = match[1] === 'LogGroupName' ? names.includes(groupName) : names.some((prefix) => groupName.startsWith(prefix));
  return match[2] === 'IN' ? hit : !hit;
}

/** A message with what the masker finds replaced by asterisks, or undefined when nothing is found. */
export function mask(masker: Masker, message: string): string | undefined {
  let masked = message;
  for (const pattern of masker.patterns) masked = masked.replace(pattern, (found) => '*'.repeat(found.length));
  return masked === message ? undefined : masked;
}

/** What a read shows of an event: masked unless the caller asks to unmask (AWS requires logs:Unmask for that). */
export function shown(event: { message: string; masked?: string }, unmask: boolean | undefined): string {
  return unmask ? event.message : (event.masked ?? event.message);
}
