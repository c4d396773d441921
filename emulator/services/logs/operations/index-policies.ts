import type {
  DeleteIndexPolicyRequest,
  DescribeFieldIndexesRequest,
  DescribeFieldIndexesResponse,
  DescribeIndexPoliciesRequest,
  DescribeIndexPoliciesResponse,
  FieldIndex,
  IndexPolicy,
  PutIndexPolicyRequest,
  PutIndexPolicyResponse,
} from '@aws-sdk/client-cloudwatch-logs';
import type { RequestContext } from '../../../core/service.ts';
import { accountPolicyDocument } from '../data-protection.ts';
import { invalidParameter, notFound } from '../errors.ts';
import { findGroup, retained } from '../groups.ts';
import { page } from '../pages.ts';
import type { LogGroup, LogsState } from '../state.ts';

type Ctx = RequestContext<LogsState>;

/** AWS indexes up to 20 fields per log group. */
const MAX_FIELDS = 20;

/** The fields an index policy document (`{"Fields": [...]}`) names. */
export function parseIndexPolicy(document: string): string[] {
  let fields: unknown;
  try {
    fields = (JSON.parse(document) as { Fields?: unknown })?.Fields;
  } catch {
    throw invalidParameter('Invalid index policy: the policy document must be valid JSON.');
  }
  if (!Array.isArray(fields) || fields.some((f) => typeof f !== 'string' || !f.length)) throw invalidParameter('Invalid index policy: Fields must be a list of field names.');
  if (fields.length > MAX_FIELDS) throw invalidParameter(`Invalid index policy: at most ${MAX_FIELDS} fields can be indexed.`);
  return fields as string[];
}

/** A group's index policy: its own, else the account's field index policy that selects it (by name prefix). */
function effectivePolicy(state: LogsState, group: LogGroup): IndexPolicy | undefined {
  const logGroupIdentifier = state.groupArn(group.name);
  if (group.indexPolicy) return { logGroupIdentifier, lastUpdateTime: group.indexPolicy.lastUpdated, policyDocument: group.indexPolicy.document, source: 'LOG_GROUP' };
  const policy = [...state.accountPolicies.values()].find((p) => p.policyType === 'FIELD_INDEX_POLICY' && accountPolicyDocument(state, 'FIELD_INDEX_POLICY', group.name) === p.policyDocument);
  return policy && { logGroupIdentifier, lastUpdateTime: policy.lastUpdatedTime, policyDocument: policy.policyDocument, policyName: policy.policyName, source: 'ACCOUNT' };
}

export function putIndexPolicy(input: PutIndexPolicyRequest, ctx: Ctx): PutIndexPolicyResponse {
  const group = findGroup(ctx.state, { logGroupIdentifier: input.logGroupIdentifier });
  parseIndexPolicy(input.policyDocument!);
  group.indexPolicy = { document: input.policyDocument!, lastUpdated: ctx.emulator.clock.now() };
  return { indexPolicy: effectivePolicy(ctx.state, group) };
}

export function deleteIndexPolicy(input: DeleteIndexPolicyRequest, ctx: Ctx): object {
  const group = findGroup(ctx.state, { logGroupIdentifier: input.logGroupIdentifier });
  if (!group.indexPolicy) throw notFound('The specified log group has no index policy.');
  group.indexPolicy = undefined;
  return {};
}

export function describeIndexPolicies(input: DescribeIndexPoliciesRequest, ctx: Ctx): DescribeIndexPoliciesResponse {
  const policies = input.logGroupIdentifiers!.flatMap((id) => effectivePolicy(ctx.state, findGroup(ctx.state, { logGroupIdentifier: id })) ?? []);
  const { items, nextToken } = page(policies, input.nextToken, 50);
  return { indexPolicies: items, nextToken };
}

/** The indexed fields of each group, with the times of the first and last events that carry them. */
export function describeFieldIndexes(input: DescribeFieldIndexesRequest, ctx: Ctx): DescribeFieldIndexesResponse {
  const now = ctx.emulator.clock.now();
  const indexes: FieldIndex[] = [];
  for (const id of input.logGroupIdentifiers!) {
    const group = findGroup(ctx.state, { logGroupIdentifier: id });
    const policy = effectivePolicy(ctx.state, group);
    if (!policy) continue;
    for (const field of parseIndexPolicy(policy.policyDocument!)) {
      let first: number | undefined;
      let last: number | undefined;
      for (const stream of group.streams.values()) {
        for (const e of retained(group, stream, now)) {
          if (!carries(e.message, field)) continue;
          first = Math.min(first ?? e.timestamp, e.timestamp);
          last = Math.max(last ?? e.timestamp, e.timestamp);
        }
      }
      indexes.push({ logGroupIdentifier: policy.logGroupIdentifier, fieldIndexName: field, lastScanTime: now, firstEventTime: first, lastEventTime: last, type: 'FIELD_INDEX' });
    }
  }
  const { items, nextToken } = page(indexes, input.nextToken, 50);
  return { fieldIndexes: items, nextToken };
}

/** Whether a JSON log event has the (dotted) field. */
function carries(message: string, field: string): boolean {
  if (!message.trimStart().startsWith('{')) return false;
  try {
    let value: unknown = JSON.parse(message);
    for (const part of field.split('.')) {
      if (!value || typeof value !== 'object' || !Object.hasOwn(value, part)) return false;
      value = (value as Record<string, unknown>)[part];
    }
    return true;
  } catch {
    return false;
  }
}
