/**
 * The last `capacity` delivery keys seen, oldest forgotten first. GitLab reuses a delivery's
 * `Idempotency-Key` when it is resent, so a key seen lately means a redelivery.
 */
export class RecentKeys {
  private readonly keys = new Map<string, true>();

  constructor(private readonly capacity: number) {}

  has(key: string): boolean {
    return this.keys.has(key);
  }

  add(key: string): void {
    // Re-inserting moves the key to the newest end of the Map's insertion order.
    this.keys.delete(key);
    this.keys.set(key, true);
    while (this.keys.size > this.capacity) {
      const oldest = this.keys.keys().next().value as string;
      this.keys.delete(oldest);
    }
  }

  get size(): number {
    return this.keys.size;
  }
}
