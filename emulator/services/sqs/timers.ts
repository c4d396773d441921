import type { Clock, ClockTimer } from '../../core/clock.ts';

/**
 * Every timer one SQS state arms (long-poll wake-ups, move tasks), so that stopping the emulator can clear them all
 * and release the receivers still waiting. Timers follow the emulator clock and never keep the process alive.
 */
export class Timers {
  private readonly pending = new Map<ClockTimer, () => void>();
  /** Bumped by each stop, so that loops started before it (long polls) can tell they should end. */
  generation = 0;

  constructor(readonly clock: Clock) {}

  /** Runs `fn` after `ms`; `onStop` runs instead if the service stops first. */
  after(ms: number, fn: () => void, onStop: () => void = () => {}): ClockTimer {
    const timer = this.clock.setTimeout(() => {
      this.pending.delete(timer);
      fn();
    }, ms);
    this.pending.set(timer, onStop);
    return timer;
  }

  cancel(timer: ClockTimer): void {
    timer.cancel();
    this.pending.delete(timer);
  }

  stopAll(): void {
    for (const [timer, onStop] of this.pending) {
      timer.cancel();
      onStop();
    }
    this.pending.clear();
    this.generation += 1;
  }
}
