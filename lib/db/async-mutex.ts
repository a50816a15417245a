// One SQLite writer at a time inside this process. Both SQLite connections (Prisma's and the data
// layer's own) write the same file; better-sqlite3 waits for a lock synchronously, so without
// this an internal write could block the event loop while a Prisma transaction that holds the lock
// waits for that same event loop.
export class AsyncMutex {
  private tail: Promise<void> = Promise.resolve();

  async run<T>(task: () => Promise<T> | T): Promise<T> {
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise((resolve) => (release = resolve));
    await previous;
    try {
      return await task();
    } finally {
      release();
    }
  }
}
