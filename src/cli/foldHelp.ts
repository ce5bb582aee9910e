/**
 * The fold pool's help desk (Node only): a fold thread's gbdt fit offers its histogram work
 * (trees/histHelp.ts), and a thread of the same pool with no job helps it until the fit ends or a
 * job comes for it. The trees are the same to the bit whoever helps, so the leaderboard does not
 * depend on it. The browser's pool never has one (no SharedArrayBuffer without cross-origin
 * isolation).
 */
import type { Worker } from "node:worker_threads";
import { BOARD_WORDS, type HistHelpOffer, W_CLAIM, W_CLOSED } from "../core/models/trees/histHelp.ts";

/** What a thread tells the desk about help (beside its jobs' replies). */
export type HelpMessage =
  | { type: "offer"; id: string; offer: HistHelpOffer }
  | { type: "withdraw"; id: string }
  /** Left the fit it helped, after building `built` chunks of it. */
  | { type: "idle"; built: number };

/** What the desk posts to a thread: help this fit (and post `idle` when done). */
export interface HelpRequest {
  type: "help";
  offer: HistHelpOffer;
}

/** A thread as the desk sees it. */
export interface HelpThread {
  worker: Worker;
  /** Shared word the thread's help loop reads: not 0 means leave (a job came, or the end). */
  leave: Int32Array;
  /** Jobs posted and not answered. */
  busy(): boolean;
  /** The offer it helps now (posted, no `idle` back yet). */
  helping: HistHelpOffer | null;
  /** Resolves the wait of `release` once the thread said `idle`. */
  left: (() => void) | null;
  gone: boolean;
}

interface Open {
  offer: HistHelpOffer;
  owner: HelpThread;
  /** Threads it was handed to. */
  handed: number;
}

const boardOf = (o: HistHelpOffer) => new Int32Array(o.memory.buffer, o.board, BOARD_WORDS);

/** Wakes a helper that sleeps on the board, so that it sees its leave word or the close. */
const wake = (o: HistHelpOffer) => Atomics.notify(boardOf(o), W_CLAIM);

/** Chunks built by helping threads in this process, over all pools (a count, for tests). */
export const helpCount = { chunks: 0 };

/** Most milliseconds `release` waits for a helper to leave before its thread ends anyway. */
const LEAVE_MS = 5000;

/**
 * Open offers and the threads that may take them; `helpers`: most threads one fit takes (the
 * pool's threads but one).
 */
export class HelpDesk {
  private readonly open = new Map<string, Open>();
  private readonly threads: HelpThread[] = [];

  constructor(private readonly helpers: number) {}

  /** A new thread of the pool, its shared leave word already in its workerData. */
  add(worker: Worker, leave: Int32Array, busy: () => boolean): HelpThread {
    const t: HelpThread = { worker, leave, busy, helping: null, left: null, gone: false };
    this.threads.push(t);
    return t;
  }

  /** A help message from `t`. */
  message(t: HelpThread, m: HelpMessage): void {
    if (m.type === "offer") this.open.set(m.id, { offer: m.offer, owner: t, handed: 0 });
    else if (m.type === "withdraw") this.open.delete(m.id);
    else {
      helpCount.chunks += m.built;
      t.helping = null;
      t.left?.();
      t.left = null;
    }
    this.hand();
  }

  /** A job is about to be posted to `t`: it leaves the fit it helps (after its chunk). */
  jobFor(t: HelpThread): void {
    Atomics.store(t.leave, 0, 1);
    if (t.helping) wake(t.helping);
  }

  /**
   * `t` answered a job. Offers are handed after the pool had its turn (it posts the next queued
   * job in the same tick), so that a thread with a job waiting never starts helping.
   */
  jobDone(): void {
    setImmediate(() => this.hand());
  }

  /**
   * `t` ends: its own offers close (a helper must not wait on a fit that will never end), and
   * when it helps another fit it first leaves it, so that the owner never waits for a chunk it
   * claimed. Resolves when `t` may be terminated.
   */
  async release(t: HelpThread): Promise<void> {
    t.gone = true;
    for (const [id, o] of this.open) if (o.owner === t) this.open.delete(id);
    this.closeOffersOf(t);
    if (!t.helping) return;
    Atomics.store(t.leave, 0, 1);
    wake(t.helping);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, LEAVE_MS);
      t.left = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /** Every offer `t` made that a helper may still be in: closed, as the owner's `close` does. */
  private closeOffersOf(t: HelpThread): void {
    for (const h of this.threads) {
      const o = h.helping;
      if (!o || this.ownerOf(o) !== t) continue;
      Atomics.store(boardOf(o), W_CLOSED, 1);
      wake(o);
    }
  }

  private readonly owners = new WeakMap<HistHelpOffer, HelpThread>();

  private ownerOf(o: HistHelpOffer): HelpThread | undefined {
    return this.owners.get(o);
  }

  /** Hands open offers to threads with no job and no fit to help. */
  private hand(): void {
    for (const [id, o] of this.open) {
      for (const t of this.threads) {
        if (o.handed >= this.helpers) break;
        if (t === o.owner || t.gone || t.helping || t.busy()) continue;
        o.handed++;
        t.helping = o.offer;
        this.owners.set(o.offer, o.owner);
        Atomics.store(t.leave, 0, 0);
        t.worker.postMessage({ type: "help", offer: o.offer } satisfies HelpRequest);
      }
      if (o.handed >= this.helpers) this.open.delete(id);
    }
  }
}
