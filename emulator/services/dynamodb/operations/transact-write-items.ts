import { createHash } from 'node:crypto';
import type {
  CancellationReason,
  ConsumedCapacity,
  ItemCollectionMetrics,
  TransactWriteItemsCommandInput,
  TransactWriteItemsCommandOutput,
} from '@aws-sdk/client-dynamodb';
import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import { CapacityMeter } from '../capacity.ts';
import { evaluateCondition, itemSize } from '../expressions/index.ts';
import { validation } from '../errors.ts';
import { itemCollectionMetrics } from '../request.ts';
import { stateForTable } from '../account-walls.ts';
import type { DynamoState } from '../state.ts';
import type { Item } from '../values.ts';
import { prepareDelete, preparePut, prepareUpdate, type PreparedWrite } from '../writes.ts';

/** Idempotency tokens of TransactWriteItems are remembered for 10 minutes. */
const TOKEN_WINDOW_MS = 10 * 60 * 1000;

type Output = Omit<TransactWriteItemsCommandOutput, '$metadata'>;

export function transactWriteItems(input: TransactWriteItemsCommandInput, ctx: RequestContext<DynamoState>): Output {
  const state = ctx.state;
  const token = input.ClientRequestToken;
  const fingerprint = token ? fingerprintOf(input) : '';
  if (token) {
    pruneTokens(state, ctx.emulator.clock.now());
    const previous = state.transactionTokens.get(token);
    if (previous) {
      if (previous.fingerprint !== fingerprint) {
        throw new AwsError('IdempotentParameterMismatchException', 'The request uses the same client token as a previous, but non-identical request.');
      }
      return previous.result as Output;
    }
  }
  const writes = (input.TransactItems ?? []).map((entry) => prepare(entry, ctx));
  checkDistinctItems(writes);
  const result = commit(writes, input);
  if (token) state.transactionTokens.set(token, { fingerprint, at: ctx.emulator.clock.now(), result });
  return result;
}

/** The IAM action each kind of transaction item is authorized as (TransactWriteItems has none of its own). */
const ITEM_ACTIONS = { ConditionCheck: 'dynamodb:ConditionCheckItem', Put: 'dynamodb:PutItem', Delete: 'dynamodb:DeleteItem', Update: 'dynamodb:UpdateItem' } as const;

function prepare(entry: NonNullable<TransactWriteItemsCommandInput['TransactItems']>[number], ctx: RequestContext<DynamoState>): PreparedWrite {
  const actions = [entry.ConditionCheck, entry.Put, entry.Delete, entry.Update].filter(Boolean);
  if (actions.length !== 1) throw validation('TransactItems can only contain one of Check, Put, Update or Delete');
  // A table ARN names its account: the item's wall is passed before anything is written.
  const kind = (Object.keys(ITEM_ACTIONS) as (keyof typeof ITEM_ACTIONS)[]).find((k) => entry[k])!;
  const state = stateForTable(entry[kind]!.TableName!, ITEM_ACTIONS[kind], true, ctx);
  if (entry.Put) return preparePut(state, entry.Put as typeof entry.Put & { Item: Item });
  if (entry.Delete) return prepareDelete(state, entry.Delete as typeof entry.Delete & { Key: Item });
  if (entry.Update) return prepareUpdate(state, entry.Update as typeof entry.Update & { Key: Item });
  const check = entry.ConditionCheck!;
  return prepareDelete(state, check as typeof check & { Key: Item }, 'ConditionCheck');
}

export function checkDistinctItems(writes: { table: { name: string; tieOf(key: Item): string }; key: Item }[]) {
  const seen = new Set<string>();
  for (const write of writes) {
    const id = `${write.table.name}\u0000${write.table.tieOf(write.key)}`;
    if (seen.has(id)) throw validation('Transaction request cannot include multiple operations on one item');
    seen.add(id);
  }
}

/** All conditions are checked and all new items computed before anything is written: all or nothing. */
function commit(writes: PreparedWrite[], input: TransactWriteItemsCommandInput): Output {
  const olds = writes.map((w) => w.table.entry(w.key));
  const reasons: CancellationReason[] = [];
  const results: { item: Item | undefined; size: number }[] = [];
  let cancelled = false;
  writes.forEach((write, i) => {
    const old = olds[i]?.item;
    if (write.condition && !evaluateCondition(write.condition, old)) {
      cancelled = true;
      reasons.push({
        Code: 'ConditionalCheckFailed',
        Message: 'The conditional request failed',
        Item: write.returnOnConditionFailure === 'ALL_OLD' ? old : undefined,
      });
      return;
    }
    try {
      const { item, size = item ? itemSize(item) : 0 } = write.apply(old);
      results[i] = { item, size };
      reasons.push({ Code: 'None' });
    } catch (error) {
      if (!(error instanceof AwsError) || error.code !== 'ValidationException') throw error;
      cancelled = true;
      reasons.push({ Code: 'ValidationError', Message: error.message });
    }
  });
  if (cancelled) throw transactionCanceled(reasons);
  checkAggregateSize(results);
  const meters = new Map<string, CapacityMeter>();
  const metrics: Record<string, ItemCollectionMetrics[]> = {};
  writes.forEach((write, i) => {
    const { item, size } = results[i];
    if (write.kind !== 'ConditionCheck') write.table.write(write.key, item, {}, size);
    let meter = meters.get(write.tableName);
    if (!meter) meters.set(write.tableName, (meter = new CapacityMeter('write', write.tableName, write.state)));
    if (write.kind === 'ConditionCheck') meter.addTable(2);
    else meter.addWrite(write.table, olds[i]?.item, item, 2, Math.max(olds[i]?.size ?? 0, size));
    const metric = write.kind !== 'ConditionCheck' && itemCollectionMetrics(write.table, write.key, input.ReturnItemCollectionMetrics);
    if (metric) (metrics[write.tableName] ??= []).push(metric);
  });
  const mode = input.ReturnConsumedCapacity;
  return {
    ConsumedCapacity: mode && mode !== 'NONE' ? [...meters.values()].map((m) => m.report(mode)).filter((c): c is ConsumedCapacity => !!c) : undefined,
    ItemCollectionMetrics: input.ReturnItemCollectionMetrics === 'SIZE' ? metrics : undefined,
  };
}

/** "The aggregate size of the items in the transaction cannot exceed 4 MB" (TransactWriteItems API reference). */
const MAX_TRANSACTION_BYTES = 4 * 1024 * 1024;

function checkAggregateSize(results: { size: number }[]) {
  let total = 0;
  for (const { size } of results) total += size;
  if (total > MAX_TRANSACTION_BYTES) throw validation('Transaction request cannot be larger than 4 MB');
}

export function transactionCanceled(reasons: CancellationReason[]): AwsError {
  const codes = reasons.map((r) => r.Code).join(', ');
  const message = `Transaction cancelled, please refer cancellation reasons for specific reasons [${codes}]`;
  return new AwsError('TransactionCanceledException', message, { fields: { Message: message, CancellationReasons: reasons } });
}

/** Identifies a request's parameters regardless of member order (clients may serialize maps in any order). */
function fingerprintOf(input: TransactWriteItemsCommandInput): string {
  const { ClientRequestToken: _token, ...rest } = input;
  return createHash('sha256').update(canonicalJson(rest)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return JSON.stringify(Buffer.from(value).toString('base64'));
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function pruneTokens(state: DynamoState, now: number) {
  const cutoff = now - TOKEN_WINDOW_MS;
  for (const [token, entry] of state.transactionTokens) if (entry.at < cutoff) state.transactionTokens.delete(token);
}
