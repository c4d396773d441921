/**
 * Sequence numbers look like AWS's: 56-digit decimal strings that increase within a shard. Ours are one integer of
 * bit fields: a marker bit (which makes every number 56 digits long), the shard's index (so a number used on the
 * wrong shard is recognised, as AWS does), the arrival time in milliseconds and a process-wide counter.
 */
const MARKER = 1n << 185n;
const SHARD_SHIFT = 160n;
const TIME_SHIFT = 64n;
const FIELD_MASK = (1n << 64n) - 1n;
const SHARD_MASK = (1n << 25n) - 1n;
/** The counter value of a closed shard's EndingSequenceNumber: above any record's. */
const MAX_COUNTER = FIELD_MASK;

let counter = 0n;
let lastTime = 0;

/** A clock that never goes back, so that numbers of one shard stay ordered by time too. */
function monotonicNow(now: number): number {
  lastTime = Math.max(lastTime, now);
  return lastTime;
}

function compose(shardIndex: number, time: number, count: bigint): bigint {
  return MARKER | (BigInt(shardIndex) << SHARD_SHIFT) | (BigInt(time) << TIME_SHIFT) | count;
}

/**
 * The next sequence number of a shard, and the record's arrival time: the emulator's `now`. The number's time field
 * never goes back (numbers stay ordered); it is process-wide, so another emulator whose clock was moved ahead must
 * not move this one's arrival times.
 */
export function nextSequenceNumber(shardIndex: number, now: number): { value: bigint; time: number } {
  counter += 1n;
  return { value: compose(shardIndex, monotonicNow(now), counter), time: now };
}

export function closingSequenceNumber(shardIndex: number): bigint {
  return compose(shardIndex, lastTime, MAX_COUNTER);
}

/** The shard index a sequence number encodes, or undefined when it is not one of ours. */
export function shardIndexOf(value: bigint): number | undefined {
  if (value >> 185n !== 1n) return undefined;
  return Number((value >> SHARD_SHIFT) & SHARD_MASK);
}
