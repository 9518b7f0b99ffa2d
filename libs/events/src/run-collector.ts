/**
 * Gathers what several callers hand in at about the same time (the runs of events that each partition of one fetch
 * brings) and handles it together once `lingerMs` has passed since the first, or at once when `maxItems` are waiting.
 * Each caller learns how its own items fared: all of one flush succeed or fail together.
 */
export class RunCollector<T> {
  private waiting: { items: readonly T[]; settle: (err?: unknown) => void }[] = [];
  private count = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly handle: (items: T[]) => Promise<void>,
    private readonly lingerMs: number,
    private readonly maxItems: number,
  ) {}

  submit(items: readonly T[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ items, settle: (err) => (err === undefined ? resolve() : reject(err)) });
      this.count += items.length;
      if (this.count >= this.maxItems) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.lingerMs);
    });
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const flushed = this.waiting;
    this.waiting = [];
    this.count = 0;
    this.handle(flushed.flatMap((w) => w.items)).then(
      () => flushed.forEach((w) => w.settle()),
      (err: unknown) => flushed.forEach((w) => w.settle(err ?? new Error('the batch failed'))),
    );
  }
}
