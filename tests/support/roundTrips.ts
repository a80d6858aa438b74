/**
 * Counting each action's store calls (issue 15, "round trips counted"): a Store wrapper that records every call
 * (`calls`) and the sequential round trips (`rounds`: a call that starts while no other is in flight begins a new round;
 * calls made together with Promise.all share one). In the cloud each call is a network round trip to the database.
 * A transaction counts its begin, each operation inside and its commit as calls of the same kind.
 */
import type { Store, Tx } from '../../cloudfunctions/_lib/store/port';

export interface Counts {
  calls: number;
  rounds: number;
}

export class CountingStore implements Store {
  calls = 0;
  rounds = 0;
  private inFlight = 0;
  constructor(private readonly inner: Store) {}

  reset(): void {
    this.calls = 0;
    this.rounds = 0;
  }
  snapshot(): Counts {
    return { calls: this.calls, rounds: this.rounds };
  }

  private async track<T>(fn: () => Promise<T>): Promise<T> {
    this.calls++;
    if (this.inFlight === 0) this.rounds++;
    this.inFlight++;
    try {
      return await fn();
    } finally {
      this.inFlight--;
    }
  }

  get: Store['get'] = (c, id) => this.track(() => this.inner.get(c, id));
  find: Store['find'] = (c, q) => this.track(() => this.inner.find(c, q));
  count: Store['count'] = (c, w) => this.track(() => this.inner.count(c, w));
  insert: Store['insert'] = (c, d) => this.track(() => this.inner.insert(c, d));
  update: Store['update'] = (c, id, p) => this.track(() => this.inner.update(c, id, p));
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    // begin and commit: one round each; every operation inside another.
    this.calls += 2;
    this.rounds += 2;
    return this.inner.transaction((tx) =>
      fn({
        get: (c, id) => this.track(() => tx.get(c, id)),
        insert: (c, d) => this.track(() => tx.insert(c, d)),
        set: (c, id, d) => this.track(() => tx.set(c, id, d)),
        update: (c, id, p) => this.track(() => tx.update(c, id, p)),
        remove: (c, id) => this.track(() => tx.remove(c, id)),
      }),
    );
  }
}
