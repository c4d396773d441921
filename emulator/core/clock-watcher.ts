import type { Clock } from './clock.ts';

/** How often a waiting watcher looks at the clock again, so that a test moving the clock sees schedules fire promptly. */
const POLL_MS = 250;

/**
 * Fires due schedules on the emulator clock: sleeps until the earliest due time, but never longer than POLL_MS, since
 * the clock may be moved forward meanwhile. Stops when nothing is scheduled; `poke` after a schedule changes.
 */
export class ClockWatcher {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly clock: Clock,
    private readonly nextDue: () => number | undefined,
    private readonly fireDue: (nowMs: number) => void,
  ) {}

  poke(): void {
    this.stop();
    const due = this.nextDue();
    if (due === undefined) return;
    const wait = Math.max(0, Math.min(POLL_MS, due - this.clock.now()));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.fireDue(this.clock.now());
      this.poke();
    }, wait);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
