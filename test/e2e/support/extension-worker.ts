/**
 * Helpers for the reliability tests: stopping the extension's service worker and waiting for it to be stopped, evaluating in the (possibly restarted) worker
 * with a time limit, and reading the worker's V8 heap over CDP. Everything is bounded in time.
 */
import type { BrowserContext, CDPSession, Page, Worker } from 'playwright-core';

/** Rejects with `what` when `promise` has not settled within `ms`. */
export async function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

type VersionUpdate = { versions: Array<{ scriptURL: string; runningStatus: string }> };

/**
 * Watches the extension's service worker through the CDP ServiceWorker domain of a page session (a persistent
 * context has no browser-level CDP session). `stop()` stops every service worker and resolves once the
 * extension's worker is reported stopped.
 */
export async function workerController(page: Page, extensionId: string) {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const prefix = `chrome-extension://${extensionId}/`;
  let status = 'unknown';
  const waiters: Array<() => void> = [];
  cdp.on('ServiceWorker.workerVersionUpdated', (event: VersionUpdate) => {
    for (const v of event.versions) {
      // Updates for a stopped version may come without a scriptURL; there is only one worker in the profile.
      if (v.scriptURL && !v.scriptURL.startsWith(prefix)) continue;
      status = v.runningStatus;
      waiters.splice(0).forEach((wake) => wake());
    }
  });
  await cdp.send('ServiceWorker.enable');
  const waitFor = async (wanted: string, ms: number) => {
    const end = Date.now() + ms;
    while (status !== wanted) {
      if (Date.now() > end) throw new Error(`service worker not ${wanted} after ${ms} ms (last status: ${status})`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 50);
        waiters.push(() => (clearTimeout(timer), resolve()));
      });
    }
  };
  return {
    status: () => status,
    async stop(): Promise<void> {
      await cdp.send('ServiceWorker.stopAllWorkers');
      await waitFor('stopped', 5_000);
    },
    waitRunning: (ms = 10_000) => waitFor('running', ms),
    detach: () => cdp.detach(),
  };
}

/**
 * The extension's worker as Playwright sees it now. A stopped worker is restarted by the browser on the next
 * event it listens to; Chromium keeps the same target for it, so Playwright may hand back the same object.
 * Evaluation is bounded (Playwright's evaluate waits forever on a stopped worker).
 */
export async function currentWorker(context: BrowserContext, extensionId: string, ms = 10_000): Promise<Worker> {
  const prefix = `chrome-extension://${extensionId}/`;
  const end = Date.now() + ms;
  for (;;) {
    // Newest first: should a restart ever come as a new Worker object, the stale one must not be picked.
    for (const worker of context.serviceWorkers().filter((w) => w.url().startsWith(prefix)).reverse()) {
      const alive = await within(2_000, 'worker evaluate', worker.evaluate(() => true)).catch(() => false);
      if (alive) return worker;
    }
    if (Date.now() > end) throw new Error(`no live extension service worker after ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The extension worker's V8 heap (after a full garbage collection), read over CDP: a page session attaches to
 * the worker target in the non-flattened mode and sends HeapProfiler.collectGarbage and Runtime.getHeapUsage.
 */
export async function workerHeapUsage(page: Page, extensionId: string): Promise<{ usedSize: number; totalSize: number; backingStorageSize?: number }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: Array<{ targetId: string; type: string; url: string }> };
    const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
    if (!target) throw new Error('no extension service worker target');
    const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
    let nextId = 1;
    const pending = new Map<number, (result: unknown) => void>();
    cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
      if (event.sessionId !== sessionId) return;
      const reply = JSON.parse(event.message) as { id?: number; result?: unknown; error?: unknown };
      if (reply.id !== undefined) pending.get(reply.id)?.(reply.error ? { error: reply.error } : reply.result);
    });
    const send = (method: string, params: object = {}) => {
      const id = nextId++;
      const answer = new Promise<unknown>((resolve) => pending.set(id, resolve));
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
      return within(10_000, method, answer);
    };
    await send('HeapProfiler.collectGarbage');
    await send('HeapProfiler.collectGarbage');
    // backingStorageSize (newer Chromium): ArrayBuffer memory outside the V8 heap, where typed arrays keep their data.
    const usage = (await send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number; backingStorageSize?: number; error?: unknown };
    if (usage.error) throw new Error(`Runtime.getHeapUsage: ${JSON.stringify(usage.error)}`);
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    return { usedSize: usage.usedSize, totalSize: usage.totalSize, ...(typeof usage.backingStorageSize === 'number' && { backingStorageSize: usage.backingStorageSize }) };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
