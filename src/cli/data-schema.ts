/** `npm run data:schema`: writes the JSON Schemas that editors use for data/ files, from the zod schema. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchemaFiles } from '../core/dataset/json-schemas.ts';
import { DATA_DIR } from './read-data.ts';

const dir = join(DATA_DIR, 'schema');
mkdirSync(dir, { recursive: true });
const files = jsonSchemaFiles();
for (const { file, text } of files) writeFileSync(join(dir, file), text);
console.log(`wrote ${files.map((f) => join(dir, f.file)).join(', ')}`);
