import type { Clock, ClockTimer } from './clock.ts';

/**
 * Fires due schedules on the emulator clock (scheduled rules, alarm evaluations): one clock timer for the earliest
 * due time, so that moving the clock fires them at once. Stops when nothing is scheduled; `poke` after a change.
 */
export class ClockWatcher {
  private timer?: ClockTimer;

  constructor(
    private readonly clock: Clock,
    private readonly nextDue: () => number | undefined,
    private readonly fireDue: (nowMs: number) => void,
  ) {}

  poke(): void {
    this.stop();
    const due = this.nextDue();
    if (due === undefined) return;
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      this.fireDue(this.clock.now());
      this.poke();
    }, due - this.clock.now());
  }

  stop(): void {
    this.timer?.cancel();
    this.timer = undefined;
  }
}
