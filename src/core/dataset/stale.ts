/**
 * What needs looking at again: statuses not verified for `maxAgeDays`, and matters still open (pending, under
 * appeal) whose last status date is more than a year old. Pure: the dataset and today's date come in.
 */
import type { Dataset } from './schema.ts';

export type StaleItem = { file: string; action: string; why: string };

const DAY = 24 * 60 * 60 * 1000;
const daysBetween = (from: string, to: string) => Math.floor((Date.parse(to) - Date.parse(from)) / DAY);

export function staleItems(dataset: Dataset, today: string, maxAgeDays = 180): StaleItem[] {
  const items: StaleItem[] = [];
  for (const platform of dataset.platforms) {
    const file = `data/platforms/${platform.id}.json`;
    for (const action of platform.actions) {
      const { status } = action;
      if (status.checked === undefined) items.push({ file, action: action.id, why: 'status never verified (no checked date)' });
      else if (daysBetween(status.checked, today) > maxAgeDays) {
        items.push({ file, action: action.id, why: `status last verified ${status.checked}, ${daysBetween(status.checked, today)} days ago` });
      }
      const open = status.value === 'pending' || status.value === 'appealed';
      const since = status.date ?? action.date;
      if (open && daysBetween(since, today) > 365) items.push({ file, action: action.id, why: `${status.value} since ${since}, more than a year: look for a later decision` });
    }
  }
  return items;
}
