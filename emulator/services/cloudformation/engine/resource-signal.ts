import { setTimeout as sleep } from 'node:timers/promises';
import { validationError } from '../errors.ts';
import type { StackResource } from '../state.ts';
import { POLL_MS } from './response-bucket.ts';
import type { Run } from './run.ts';

/** Longest a creation policy may wait: 12 hours. */
const MAX_TIMEOUT_SECONDS = 43_200;
/** CreationPolicy's default ResourceSignal Timeout: PT5M. */
const DEFAULT_TIMEOUT_SECONDS = 300;

/** A resource's `CreationPolicy.ResourceSignal` (intrinsics resolved), with AWS's defaults (Count 1, Timeout PT5M), if it has one. */
export function resourceSignalPolicy(creationPolicy: unknown): { count: number; seconds: number } | undefined {
  const signal = (creationPolicy as { ResourceSignal?: { Count?: unknown; Timeout?: unknown } } | undefined)?.ResourceSignal;
  if (!signal || typeof signal !== 'object') return undefined;
  const count = signal.Count === undefined ? 1 : Number(signal.Count);
  if (!Number.isInteger(count) || count < 1) throw validationError('Invalid CreationPolicy: ResourceSignal Count must be a positive integer');
  const seconds = signal.Timeout === undefined ? DEFAULT_TIMEOUT_SECONDS : isoSeconds(String(signal.Timeout));
  if (seconds === undefined || seconds > MAX_TIMEOUT_SECONDS) throw validationError(`Invalid CreationPolicy: ResourceSignal Timeout must be an ISO8601 duration of at most PT12H`);
  return { count, seconds };
}

/** Seconds in an ISO8601 duration of the form `PT#H#M#S`. */
function isoSeconds(text: string): number | undefined {
  const match = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/.exec(text);
  if (!match || text === 'PT') return undefined;
  return Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
}

/**
 * Holds a just-created resource in CREATE_IN_PROGRESS until SignalResource has brought `count` SUCCESS signals
 * (distinct UniqueIds); a FAILURE signal, or the timeout, fails it with AWS's reason.
 */
export async function awaitSignals(run: Run, resource: StackResource, policy: { count: number; seconds: number }, cancelled: () => boolean): Promise<void> {
  resource.signals = [];
  const deadline = run.emulator.clock.now() + policy.seconds * 1000;
  try {
    for (;;) {
      const failure = resource.signals.find((s) => s.status === 'FAILURE');
      if (failure) throw validationError(`Received FAILURE signal with UniqueId ${failure.uniqueId}`);
      if (resource.signals.length >= policy.count) return;
      if (cancelled()) throw validationError('Resource creation cancelled');
      if (run.emulator.clock.now() >= deadline) throw validationError(`Failed to receive ${policy.count} resource signal(s) within the specified duration`);
      await sleep(POLL_MS);
    }
  } finally {
    resource.signals = undefined;
  }
}
