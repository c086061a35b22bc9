/**
 * Runs tasks one after another per key (an issue) and up to `concurrency` keys at a time. Events of
 * one issue are handled in the order they arrived, so a later event never races an earlier one;
 * different issues do not wait for each other beyond the concurrency limit.
 */
export class IssueQueue {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly pending = new Set<Promise<void>>();
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly concurrency: number) {}

  /** Queues a task; its errors are the task's business (it must catch them). */
  push(key: string, task: () => Promise<void>): void {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.then(() => this.withSlot(task));
    this.tails.set(key, next);
    this.pending.add(next);
    void next.finally(() => {
      this.pending.delete(next);
      if (this.tails.get(key) === next) this.tails.delete(key);
    });
  }

  /** Tasks queued or running. */
  get size(): number {
    return this.pending.size;
  }

  /** Resolves when every task queued so far, and any queued meanwhile, has finished. */
  async drain(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private async withSlot(task: () => Promise<void>): Promise<void> {
    // A finishing task hands its slot straight to the next waiter, so the count never overshoots.
    if (this.running >= this.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running += 1;
    try {
      await task();
    } catch {
      // A task reports its own failures; the queue must keep going for the next event.
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}
