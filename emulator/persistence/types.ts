import type { Emulator } from '../core/emulator.ts';
import type { ClassSpec } from './codec.ts';

/**
 * How a service's state is persisted (`ServiceDefinition.persistence`). State is saved as data: plain objects,
 * arrays, Maps, Sets, Dates, Buffers, typed arrays, bigints and KeyObjects need no declaration; a service declares
 * the classes its state holds and the module-level functions it keeps in fields (comparators), and how to
 * re-arm what cannot be saved. See emulator/persistence/README.md.
 *
 * ```ts
 * persistence: {
 *   classes: { Queue, Timers: { type: Timers, transient: { pending: () => new Map() } } },
 *   functions: { compareValues },
 *   revive: (state, emulator) => startSweeper(state, emulator.clock),
 * }
 * ```
 */
export interface ServicePersistence<State = unknown> {
  /** Classes whose instances the state holds, by a stable name (kept on disk: renaming one breaks old data). */
  classes?: Record<string, ClassSpec['type'] | ClassSpec>;
  /** Module-level functions the state holds (comparators...), by a stable name. Closures cannot be saved. */
  functions?: Record<string, (...args: never[]) => unknown>;
  /** Re-arms one restored state (timers, subscriptions to other objects), once every service is restored and every class revived. */
  revive?(state: State, emulator: Emulator): void;
  /**
   * State the service keeps per emulator rather than per account and region (S3's bucket names are global): saved
   * with its states, and handed back to `restore` (with undefined when there is none, as after a reset).
   */
  shared?: {
    save(emulator: Emulator): unknown;
    restore(emulator: Emulator, saved: unknown): void;
  };
  /**
   * Operations that change state although their names read like reads (Get*, List*, Describe*, Query, Scan,
   * BatchGet*, TransactGet*, Head*); every other operation is taken to write.
   */
  writes?: readonly string[];
}
