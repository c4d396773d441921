import type { Clock } from '../../core/clock.ts';
import type { DynamoState } from './state.ts';
import type { Table } from './table.ts';

/** How often expired items are looked for; DynamoDB itself takes up to a few days, tests want it soon. */
const DEFAULT_INTERVAL_MS = 5000;
/** DynamoDB ignores expiry times more than five years in the past. */
const MAX_AGE_SECONDS = 5 * 365 * 24 * 60 * 60;

export const TTL_IDENTITY = { type: 'Service', principalId: 'dynamodb.amazonaws.com' };

/** Deletes expired items of tables with TTL enabled, as the DynamoDB service (with its own identity) does. */
export function sweepExpired(state: DynamoState, nowSeconds: number): number {
  let deleted = 0;
  for (const table of state.tables.values()) deleted += sweepTable(table, nowSeconds);
  return deleted;
}

function sweepTable(table: Table, now: number): number {
  const attribute = table.ttl.status === 'ENABLED' ? table.ttl.attribute : undefined;
  if (!attribute) return 0;
  const expired = [];
  for (const entry of table.items.all()) {
    const value = entry.item[attribute]?.N;
    if (value === undefined) continue;
    const expiry = Number(value);
    if (expiry <= now && expiry > now - MAX_AGE_SECONDS) expired.push(entry.item);
  }
  for (const item of expired) table.write(table.keyOf(item), undefined, { userIdentity: TTL_IDENTITY });
  return expired.length;
}

/**
 * Sweeps one account's and region's tables on an unref'ed emulator-clock timer (moving the clock past an expiry
 * sweeps at once); the interval comes from DYNAMODB_TTL_SWEEP_INTERVAL_MS.
 */
export function startTtlSweeper(state: DynamoState, clock: Clock, onDeleted: () => void): () => void {
  const interval = Number(process.env.DYNAMODB_TTL_SWEEP_INTERVAL_MS) || DEFAULT_INTERVAL_MS;
  let timer = clock.setTimeout(function sweep() {
    if (sweepExpired(state, clock.now() / 1000)) onDeleted();
    timer = clock.setTimeout(sweep, interval);
  }, interval);
  return () => timer.cancel();
}
