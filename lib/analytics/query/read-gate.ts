import { ReadBusyError, ReadCancelledError } from "./read-errors";

// Turns for heavy reads (a filtered view's raw scans: seconds of CPU each). Postgres on a
// 2-core machine runs a few of them well and two hundred badly: each gets a sliver of a
// core, every one of them finishes late, and the Node process — which answers /api/event —
// gets its sliver too. So at most `total` run at once and at most `perAccount` of them for
// one account; the others wait in their account's queue, and accounts take turns
// (round-robin), so one account's two hundred tabs delay another account by one turn at
// most. A read that waits longer than `maxWaitMs` gives up with ReadBusyError (the panel
// says "busy, try again" instead of hanging), and one whose client left gives up at once.

export type GateLimits = { total: number; perAccount: number; maxWaitMs: number };

type Waiter = {
  account: string;
  grant: () => void;
  fail: (error: Error) => void;
};

export type Release = () => void;

export class ReadGate {
  private running = 0;
  private readonly runningByAccount = new Map<string, number>();
  /** Accounts with waiters, in turn order; each account's queue in arrival order. */
  private readonly queues = new Map<string, Waiter[]>();

  constructor(private readonly limits: GateLimits) {}

  /** Resolves with a release function once the read may run. */
  acquire(account: string, signal?: AbortSignal): Promise<Release> {
    if (signal?.aborted) return Promise.reject(new ReadCancelledError());
    if (!this.queues.has(account) && this.canRun(account)) return Promise.resolve(this.start(account));
    return new Promise<Release>((resolve, reject) => {
      const started = performance.now();
      const cleanup = () => {
        clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
      };
      const waiter: Waiter = {
        account,
        grant: () => {
          cleanup();
          resolve(this.start(account));
        },
        fail: (error) => {
          cleanup();
          this.remove(waiter);
          reject(error);
        },
      };
      const onAbort = () => waiter.fail(new ReadCancelledError());
      const timer = setTimeout(() => waiter.fail(new ReadBusyError((performance.now() - started) / 1000)), this.limits.maxWaitMs);
      timer.unref?.();
      signal?.addEventListener("abort", onAbort, { once: true });
      const queue = this.queues.get(account);
      if (queue) queue.push(waiter);
      else this.queues.set(account, [waiter]);
    });
  }

  /** Reads running and waiting, overall and for one account (tests, diagnostics). */
  stats(account?: string): { running: number; waiting: number } {
    if (account === undefined) return { running: this.running, waiting: [...this.queues.values()].reduce((n, q) => n + q.length, 0) };
    return { running: this.runningByAccount.get(account) ?? 0, waiting: this.queues.get(account)?.length ?? 0 };
  }

  private canRun(account: string): boolean {
    return this.running < this.limits.total && (this.runningByAccount.get(account) ?? 0) < this.limits.perAccount;
  }

  private start(account: string): Release {
    this.running++;
    this.runningByAccount.set(account, (this.runningByAccount.get(account) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running--;
      const left = (this.runningByAccount.get(account) ?? 1) - 1;
      if (left === 0) this.runningByAccount.delete(account);
      else this.runningByAccount.set(account, left);
      this.dispatch();
    };
  }

  /** Grants turns while there is room, one account at a time in turn order. */
  private dispatch(): void {
    let granted = true;
    while (granted && this.running < this.limits.total) {
      granted = false;
      for (const [account, queue] of this.queues) {
        if (!this.canRun(account)) continue;
        const next = queue.shift();
        if (queue.length === 0) this.queues.delete(account);
        else {
          // To the back of the line: the next turn goes to another account first.
          this.queues.delete(account);
          this.queues.set(account, queue);
        }
        if (next) {
          next.grant();
          granted = true;
        }
        break;
      }
    }
  }

  private remove(waiter: Waiter): void {
    const queue = this.queues.get(waiter.account);
    if (!queue) return;
    const i = queue.indexOf(waiter);
    if (i !== -1) queue.splice(i, 1);
    if (queue.length === 0) this.queues.delete(waiter.account);
  }
}
