/**
 * The emulator's notion of now. Every time-based behaviour reads it (never `Date.now()` directly) so that tests can
 * move time: a 12-hour visibility timeout or a one-day Wait state then takes milliseconds. Real time by default.
 *
 * Timers armed through the clock (`setTimeout`) follow it: moving the clock fires at once every timer that became
 * due, in due order; otherwise a timer fires when real time reaches its due time.
 */
export class Clock {
  private offsetMs = 0;
  private readonly pending = new Set<ClockTimer>();

  /** Milliseconds since the epoch, as the emulator sees them. */
  now(): number {
    return Date.now() + this.offsetMs;
  }

  date(): Date {
    return new Date(this.now());
  }

  /** Moves the emulator's time forward by `ms` and fires the timers that became due. */
  advance(ms: number): void {
    if (!(ms >= 0) || !Number.isFinite(ms)) throw new RangeError('the clock only moves forward, by a finite number of milliseconds');
    this.offsetMs += ms;
    this.fireDue();
  }

  /** Sets the emulator's time (milliseconds since the epoch); timers due by then fire. Earlier times are allowed. */
  set(epochMs: number): void {
    if (!Number.isFinite(epochMs)) throw new RangeError('the clock needs a finite time');
    this.offsetMs = epochMs - Date.now();
    this.fireDue();
  }

  /** Back to real time (the offset a test added is dropped); timers stay armed for their emulator due time. */
  reset(): void {
    this.set(Date.now());
  }

  /**
   * Runs `task` once the emulator's time reaches now + `delayMs`. The real timer behind it is unref'ed unless
   * `keepAlive`: clock timers never keep the process running by themselves.
   */
  setTimeout(task: () => void, delayMs: number, options: { keepAlive?: boolean } = {}): ClockTimer {
    const timer = new ClockTimer(this, task, this.now() + Math.max(0, delayMs), options.keepAlive ?? false);
    this.pending.add(timer);
    timer.arm();
    return timer;
  }

  /** How many timers are armed (for tests and diagnostics). */
  get pendingTimers(): number {
    return this.pending.size;
  }

  /** @internal */
  release(timer: ClockTimer): void {
    this.pending.delete(timer);
  }

  private fireDue(): void {
    const now = this.now();
    const due = [...this.pending].filter((t) => t.dueAt <= now).sort((a, b) => a.dueAt - b.dueAt);
    for (const timer of due) timer.fire();
    // Timers not yet due re-arm their real timeout for the time left.
    for (const timer of this.pending) timer.arm();
  }
}

/** One pending clock timer; `cancel()` drops it. */
export class ClockTimer {
  private real?: NodeJS.Timeout;

  constructor(
    private readonly clock: Clock,
    private readonly task: () => void,
    readonly dueAt: number,
    private readonly keepAlive: boolean,
  ) {}

  /** @internal (re)arms the real timeout for the time left on the emulator clock. */
  arm(): void {
    if (this.real) clearTimeout(this.real);
    const left = this.dueAt - this.clock.now();
    // Node caps timeouts at 2^31-1 ms; a later due time re-arms when that fires.
    this.real = setTimeout(() => (this.dueAt <= this.clock.now() ? this.fire() : this.arm()), Math.min(Math.max(0, left), 2 ** 31 - 1));
    if (!this.keepAlive) this.real.unref();
  }

  /** @internal */
  fire(): void {
    this.cancel();
    this.task();
  }

  cancel(): void {
    if (this.real) clearTimeout(this.real);
    this.real = undefined;
    this.clock.release(this);
  }
}

/** Parses a duration: a number of milliseconds, or text like `12h`, `90s`, `1d2h`, `500ms`, `1.5m`. */
export function parseDuration(value: unknown): number {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  if (typeof value !== 'string' || !value.trim()) throw new RangeError(`not a duration: ${JSON.stringify(value)}`);
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
  let total = 0;
  let rest = text;
  for (;;) {
    const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/.exec(rest);
    if (!match) break;
    total += Number(match[1]) * units[match[2]];
    rest = rest.slice(match[0].length);
  }
  if (rest || text === rest) throw new RangeError(`not a duration: ${JSON.stringify(value)} (use e.g. 500ms, 30s, 12h, 1d)`);
  return total;
}
