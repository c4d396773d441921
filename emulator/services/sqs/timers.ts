/**
 * Every timer one SQS state arms (long-poll wake-ups, move tasks), so that stopping the emulator can clear them all
 * and release the receivers still waiting. Timers are unref'ed: they never keep the process alive.
 */
export class Timers {
  private readonly pending = new Map<NodeJS.Timeout, () => void>();
  /** Bumped by each stop, so that loops started before it (long polls) can tell they should end. */
  generation = 0;

  /** Runs `fn` after `ms`; `onStop` runs instead if the service stops first. */
  after(ms: number, fn: () => void, onStop: () => void = () => {}): NodeJS.Timeout {
    const timer = setTimeout(() => {
      this.pending.delete(timer);
      fn();
    }, Math.max(0, ms));
    timer.unref();
    this.pending.set(timer, onStop);
    return timer;
  }

  cancel(timer: NodeJS.Timeout): void {
    clearTimeout(timer);
    this.pending.delete(timer);
  }

  stopAll(): void {
    for (const [timer, onStop] of this.pending) {
      clearTimeout(timer);
      onStop();
    }
    this.pending.clear();
    this.generation += 1;
  }
}
