/** Chunks pushed as they arrive and read by one consumer as an async iterable (a streamed invocation's response). */
export class ChunkQueue<T> {
  private readonly items: T[] = [];
  private ended = false;
  private wake?: () => void;

  push(item: T): void {
    this.items.push(item);
    this.wake?.();
  }

  end(last?: T): void {
    if (last !== undefined) this.items.push(last);
    this.ended = true;
    this.wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    for (;;) {
      while (this.items.length) yield this.items.shift()!;
      if (this.ended) return;
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = undefined;
    }
  }
}
