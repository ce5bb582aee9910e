/**
 * Per-thread memory of a page and its dedicated workers (nested ones too) for the browser-memory
 * bench: V8's heap and the ArrayBuffers' backing stores of each thread, from the DevTools
 * protocol's `Runtime.getHeapUsage`. The tab's RSS says how much; this says which thread holds it
 * (the page, the data worker, the train coordinator, each fold worker). Workers are reached by
 * auto-attaching a session of our own in the protocol's nested (non-flat) mode, so that the
 * sessions Playwright keeps for itself are left alone.
 */
import type { CDPSession, Page } from "playwright-core";

/** One thread's peak: V8 heap used and ArrayBuffer backing stores (bytes), at the same sample. */
export interface ThreadPeak {
  /** The worker's script name (e.g. "fold.worker"), or "page". */
  name: string;
  heap: number;
  buffers: number;
}

interface Message {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { message: string };
}

interface Target {
  /** Session ids from the page's session inward. */
  path: string[];
  name: string;
  gone: boolean;
}

/** A worker's short name: its script's file without the bundle's hash. */
const shortName = (url: string) => /([A-Za-z]+\.worker)/.exec(url)?.[1] ?? url.split("/").pop() ?? url;

/** Watches the page's threads; `sample()` reads every live one's heap and buffers once. */
export async function threadHeaps(page: Page) {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const targets = new Map<string, Target>();
  const pending = new Map<number, (m: Message) => void>();
  let nextId = 1;

  /** Sends `method` to the thread at `path` (empty: the page) and resolves with its reply. */
  function send(path: string[], method: string, params: Record<string, unknown> = {}): Promise<Message> {
    if (path.length === 0)
      return cdp.send(method as "Runtime.getHeapUsage", params).then((result) => ({ result }));
    const id = nextId++;
    let message = JSON.stringify({ id, method, params });
    // Wrapped once per session from the innermost out; the outermost goes through our own session.
    for (let i = path.length - 1; i > 0; i--)
      message = JSON.stringify({
        id: nextId++,
        method: "Target.sendMessageToTarget",
        params: { sessionId: path[i], message },
      });
    const reply = new Promise<Message>((resolve) => pending.set(id, resolve));
    cdp.send("Target.sendMessageToTarget", { sessionId: path[0], message }).catch(() => pending.delete(id));
    return reply;
  }

  function attached(parent: string[], params: Record<string, unknown>) {
    const sessionId = params.sessionId as string;
    const info = params.targetInfo as { url: string; type: string };
    const path = [...parent, sessionId];
    targets.set(sessionId, { path, name: shortName(info.url), gone: false });
    // Its own workers (a coordinator's fold workers), attached the same way.
    void send(path, "Target.setAutoAttach", {
      autoAttach: true,
      waitForDebuggerOnStart: false,
      flatten: false,
    });
  }

  /** A message that came up from the thread at `path`: a reply, or an event of its sessions. */
  function received(path: string[], raw: string) {
    const m = JSON.parse(raw) as Message;
    if (m.id !== undefined) {
      pending.get(m.id)?.(m);
      pending.delete(m.id);
      return;
    }
    if (m.method === "Target.attachedToTarget") attached(path, m.params!);
    else if (m.method === "Target.detachedFromTarget") {
      const t = targets.get(m.params!.sessionId as string);
      if (t) t.gone = true;
    } else if (m.method === "Target.receivedMessageFromTarget")
      received([...path, m.params!.sessionId as string], m.params!.message as string);
  }

  cdp.on("Target.attachedToTarget", (p) => attached([], p as unknown as Record<string, unknown>));
  cdp.on("Target.detachedFromTarget", (p) => {
    const t = targets.get(p.sessionId);
    if (t) t.gone = true;
  });
  cdp.on("Target.receivedMessageFromTarget", (p) => received([p.sessionId], p.message));
  await cdp.send("Target.setAutoAttach", { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });

  /** Every live thread's heap and buffers now (a thread that does not answer in 2 s is left out). */
  async function sample(): Promise<ThreadPeak[]> {
    const live: { name: string; path: string[] }[] = [
      { name: "page", path: [] },
      ...[...targets.values()].filter((t) => !t.gone),
    ];
    const read = await Promise.all(
      live.map(async (t) => {
        const timeout = new Promise<null>((r) => setTimeout(() => r(null), 2000));
        const m = await Promise.race([send(t.path, "Runtime.getHeapUsage").catch(() => null), timeout]);
        const r = m?.result as { usedSize?: number; backingStorageSize?: number } | undefined;
        return r?.usedSize === undefined
          ? null
          : { name: t.name, heap: r.usedSize, buffers: r.backingStorageSize ?? 0 };
      }),
    );
    return read.filter((x): x is ThreadPeak => x !== null);
  }

  return { sample, detach: () => cdp.detach().catch(() => {}) };
}
