/**
 * The emulator's notion of now. Every time-based behaviour reads it (never `Date.now()` directly) so that tests can
 * move time: a 12-hour visibility timeout or a one-day Wait state then takes milliseconds. Real time by default.
 */
export class Clock {
  private offsetMs = 0;

  /** Milliseconds since the epoch, as the emulator sees them. */
  now(): number {
    return Date.now() + this.offsetMs;
  }

  date(): Date {
    return new Date(this.now());
  }

  /** Moves the emulator's time forward (never backward). */
  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError('the clock only moves forward');
    this.offsetMs += ms;
  }
}
