/**
 * A queue of task ids shared by the threads of a process: every thread claims the next id with
 * one atomic add, so no thread waits for another to hand out work (a busy main thread cannot
 * starve a worker). The order is fixed up front: longest text first, so no long task is left
 * for the end while the other threads idle.
 */
export class SharedTaskQueue {
  private readonly next: Int32Array;
  private readonly order: Int32Array;

  constructor(readonly buffer: SharedArrayBuffer) {
    this.next = new Int32Array(buffer, 0, 1);
    this.order = new Int32Array(buffer, 4);
  }

  /** A queue over task ids 0..lengths.length-1, longest first (ties in input order). */
  static longestFirst(lengths: readonly number[]): SharedTaskQueue {
    const queue = new SharedTaskQueue(new SharedArrayBuffer(4 * (lengths.length + 1)));
    const ids = lengths.map((_, i) => i).sort((a, b) => lengths[b] - lengths[a] || a - b);
    queue.order.set(ids);
    return queue;
  }

  /** A queue over task ids 0..count-1 in that order (one thread: nothing to balance). */
  static inOrder(count: number): SharedTaskQueue {
    const queue = new SharedTaskQueue(new SharedArrayBuffer(4 * (count + 1)));
    for (let i = 0; i < count; i++) queue.order[i] = i;
    return queue;
  }

  /** The next task id, or -1 when every task has been claimed. */
  claim(): number {
    const k = Atomics.add(this.next, 0, 1);
    return k < this.order.length ? this.order[k] : -1;
  }
}
