/** An execution being interpreted: how StopExecution and timeouts end it. */
export interface RunningExecution {
  readonly controller: AbortController;
  /** Settles when the execution has ended and its record is final. */
  readonly done: Promise<void>;
}

/** Why an execution was stopped from outside its own flow. */
export class StopReason {
  constructor(
    readonly kind: 'aborted' | 'timedOut',
    readonly error?: string,
    readonly cause?: string,
  ) {}
}

/** Waits `ms` on the emulator clock (through `schedule`), or rejects at once when the signal aborts. */
export function sleep(schedule: (task: () => void, ms: number) => () => void, ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason as Error);
    const onAbort = () => {
      cancel();
      reject(signal.reason as Error);
    };
    const cancel = schedule(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Waits for a promise, or rejects as soon as the signal aborts. */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error as Error);
      },
    );
  });
}
