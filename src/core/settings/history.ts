/**
 * The opt-in, local-only history: per day, which known platforms the user visited. Nothing else (no URLs, no
 * times of day). Entries older than the user's retention are dropped on every write and every read.
 */
import * as z from 'zod/mini';

const Entry = z.object({
  day: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
  platformId: z.string().check(z.regex(/^[a-z0-9-]{1,60}$/)),
  visits: z.number().check(z.int(), z.gte(1)),
});
export type HistoryEntry = z.infer<typeof Entry>;

export function readHistory(stored: unknown, today: string, days: number): HistoryEntry[] {
  if (!Array.isArray(stored)) return [];
  const oldest = addDays(today, -(days - 1));
  return stored.flatMap((item) => {
    const result = z.safeParse(Entry, item);
    return result.success && result.data.day >= oldest && result.data.day <= today ? [result.data] : [];
  });
}

export function addDays(day: string, delta: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + delta);
  return date.toISOString().slice(0, 10);
}

export function recordVisit(history: HistoryEntry[], platformId: string, today: string, days: number): HistoryEntry[] {
  const kept = readHistory(history, today, days);
  const existing = kept.find((e) => e.day === today && e.platformId === platformId);
  if (existing) existing.visits += 1;
  else kept.push({ day: today, platformId, visits: 1 });
  return kept;
}

export function historyCsv(history: HistoryEntry[], destinations: (platformId: string) => string[]): string {
  const rows = history.map((e) => [e.day, e.platformId, String(e.visits), destinations(e.platformId).join(' ')]);
  return [['day', 'platform', 'visits', 'destinations'], ...rows].map((r) => r.join(',')).join('\n') + '\n';
}
