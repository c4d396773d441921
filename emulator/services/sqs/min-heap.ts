/**
 * A binary min-heap whose entries may go stale (the thing they point at changed or left): stale entries are skipped
 * when they reach the top, and dropped in bulk once they make up most of the heap, so removal costs nothing.
 */
export class MinHeap<T> {
  private items: T[] = [];

  constructor(
    private readonly before: (a: T, b: T) => boolean,
    private readonly isLive: (item: T) => boolean,
  ) {}

  push(item: T): void {
    this.items.push(item);
    this.up(this.items.length - 1);
  }

  /** The smallest live entry, discarding stale ones on the way. */
  peek(): T | undefined {
    while (this.items.length && !this.isLive(this.items[0])) this.removeTop();
    return this.items[0];
  }

  pop(): T | undefined {
    const top = this.peek();
    if (top !== undefined) this.removeTop();
    return top;
  }

  /** Drops stale entries when the heap holds more than `bound`; callers pass about twice what can be live. */
  compact(bound: number): void {
    if (this.items.length <= bound) return;
    this.items = this.items.filter(this.isLive);
    for (let i = (this.items.length >> 1) - 1; i >= 0; i--) this.down(i);
  }

  clear(): void {
    this.items = [];
  }

  private removeTop(): void {
    const last = this.items.pop()!;
    if (this.items.length === 0) return;
    this.items[0] = last;
    this.down(0);
  }

  // Sifts move a hole instead of swapping pairs: one write per level, and the same layout a swap would leave.
  private up(i: number): void {
    const items = this.items;
    const item = items[i];
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(item, items[parent])) break;
      items[i] = items[parent];
      i = parent;
    }
    items[i] = item;
  }

  private down(i: number): void {
    const items = this.items;
    const item = items[i];
    for (;;) {
      let child = 2 * i + 1;
      if (child >= items.length) break;
      if (child + 1 < items.length && this.before(items[child + 1], items[child])) child += 1;
      if (!this.before(items[child], item)) break;
      items[i] = items[child];
      i = child;
    }
    items[i] = item;
  }
}
