/** `npm run data:schema`: writes the JSON Schemas that editors use for data/ files, from the zod schema. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { Authority, Jurisdiction, Platform, Regime } from '../core/dataset/schema.ts';
import { DATA_DIR } from './read-data.ts';

const dir = join(DATA_DIR, 'schema');
mkdirSync(dir, { recursive: true });
for (const [name, schema] of [
  ['platform', Platform],
  ['authority', Authority],
  ['jurisdiction', Jurisdiction],
  ['regime', Regime],
] as const) {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  writeFileSync(join(dir, `${name}.schema.json`), `${JSON.stringify(json, null, 2)}\n`);
}
console.log(`wrote ${dir}/{platform,authority,jurisdiction,regime}.schema.json`);
