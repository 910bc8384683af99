/**
 * Settings and the history are read, changed and written back one change at a time per key, so changes that come
 * together (two tabs hiding the badge while an option changes, visits counted meanwhile) are all kept. The
 * storage here answers after random delays, as the browser's does, so unserialised writes would lose changes.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const store: Record<string, unknown> = {};
const later = () => new Promise((resolve) => setTimeout(resolve, Math.random() * 4));
const area = {
  get: async (key: string) => {
    await later();
    return key in store ? { [key]: structuredClone(store[key]) } : {};
  },
  set: async (values: Record<string, unknown>) => {
    await later();
    Object.assign(store, structuredClone(values));
  },
  remove: async (key: string) => {
    await later();
    delete store[key];
  },
};
vi.mock('webextension-polyfill', () => ({ default: { storage: { local: area, sync: area } } }));

const { changeHistory, changeStoredSettings } = await import('../../../src/browser/extension-api.ts');
const { readSettings, updateSettings } = await import('../../../src/core/settings/settings.ts');
const { readHistory, recordVisit } = await import('../../../src/core/settings/history.ts');

beforeEach(() => {
  for (const key of Object.keys(store)) delete store[key];
});

describe('stored changes', () => {
  it('keeps every one of many concurrent changes to the settings', async () => {
    const hide = (host: string) =>
      changeStoredSettings((stored) => {
        const s = readSettings(stored);
        return updateSettings(s, { siteExceptions: [...s.siteExceptions, host] });
      });
    const hosts = Array.from({ length: 30 }, (_, i) => `platform${i}.example`);
    await Promise.all([
      ...hosts.map(hide),
      changeStoredSettings((stored) => updateSettings(readSettings(stored), { badgeCorner: 'top-left' })),
      changeStoredSettings((stored) => updateSettings(readSettings(stored), { history: true })),
    ]);
    const settings = readSettings(store.settings);
    expect([...settings.siteExceptions].sort()).toEqual([...hosts].sort());
    expect(settings).toMatchObject({ badgeCorner: 'top-left', history: true });
  });

  it('keeps every visit counted at once, and a clear is a change like the others', async () => {
    const day = '2026-01-15';
    await Promise.all(Array.from({ length: 25 }, (_, i) => changeHistory((stored) => recordVisit(readHistory(stored, day, 30), i % 2 ? 'tiktok' : 'gmail', day, 30))));
    expect(readHistory(store.history, day, 30)).toEqual([
      { day, platformId: 'gmail', visits: 13 },
      { day, platformId: 'tiktok', visits: 12 },
    ]);
    await changeHistory(() => undefined);
    expect('history' in store).toBe(false);
  });

  it('goes on after a change that fails', async () => {
    const failed = changeStoredSettings(() => {
      throw new Error('bad change');
    });
    const next = changeStoredSettings((stored) => updateSettings(readSettings(stored), { enabled: false }));
    await expect(failed).rejects.toThrow('bad change');
    expect((await next).enabled).toBe(false);
  });
});
