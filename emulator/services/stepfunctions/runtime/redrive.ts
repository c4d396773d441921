import type { Json } from '../asl/query.ts';
import type { ExecutionEnv, Thread } from './env.ts';
import { payload } from './events.ts';

/** A Map or Parallel state's memory of its parts (iterations, branches) for a redrive. */
export interface PartsMemory {
  /** Outputs of parts that succeeded before the redrive: not run again. */
  reused(index: number): Json | undefined;
  /** A part succeeded: a later redrive reuses its output. */
  succeeded(index: number, output: Json): void;
}

/**
 * AWS redrives a failed Map or Parallel state by running only its parts that did not succeed. The execution's own
 * thread keeps the outputs of the parts that did (in its redrive point); nested Map and Parallel states run again whole.
 * A retry of the state runs every part again: only the first run after a redrive reuses outputs.
 */
export function partsMemory(env: ExecutionEnv, thread: Thread): PartsMemory | undefined {
  const at = thread.onEnter ? env.execution.resumeAt : undefined;
  if (!at) return undefined;
  const reusable = at.redriven ? (at.done ?? {}) : {};
  delete at.redriven;
  at.done = { ...reusable };
  const done = at.done;
  return {
    reused: (index) => (Object.hasOwn(reusable, String(index)) ? (JSON.parse(reusable[String(index)]) as Json) : undefined),
    succeeded: (index, output) => {
      done[String(index)] = payload(output);
    },
  };
}
