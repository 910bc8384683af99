/** `npm run data:stale`: lists statuses to verify again and old open matters. Never fails: CI prints the count. */
import { staleItems } from '../core/dataset/stale.ts';
import { loadDatasetOrExit, today } from './read-data.ts';

const items = staleItems(loadDatasetOrExit(), today());
const verbose = process.argv.includes('--list') || process.argv.includes('-l');
if (verbose) for (const item of items) console.log(`${item.file}: ${item.action}: ${item.why}`);
console.log(`data:stale: ${items.length} status(es) to look at again${verbose || items.length === 0 ? '' : ' (list them: npm run data:stale -- --list)'}`);
