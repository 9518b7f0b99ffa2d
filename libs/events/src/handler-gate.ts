/**
 * Lets handlers run side by side, or one of them alone: an event whose earlier
 * attempt never finished (the process died meanwhile) runs alone, so that if it
 * kills the process again, no other event's attempt dies with it and is counted
 * against that innocent event.
 */
export class HandlerGate {
  private running = 0;
  private exclusive: Promise<void> | null = null;
  private drained: (() => void) | null = null;

  async shared<T>(work: () => Promise<T>): Promise<T> {
    while (this.exclusive) await this.exclusive;
    this.running++;
    try {
      return await work();
    } finally {
      this.running--;
      if (this.running === 0) this.drained?.();
    }
  }

  /** Waits for the handlers running now to end, keeps new ones waiting, and runs `work` alone. */
  async alone<T>(work: () => Promise<T>): Promise<T> {
    while (this.exclusive) await this.exclusive;
    let release!: () => void;
    this.exclusive = new Promise<void>((resolve) => (release = resolve));
    try {
      if (this.running > 0) await new Promise<void>((resolve) => (this.drained = resolve));
      this.drained = null;
      return await work();
    } finally {
      this.exclusive = null;
      release();
    }
  }
}
