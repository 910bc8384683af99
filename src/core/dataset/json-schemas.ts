/**
 * The JSON Schemas that editors use for data/ files (data/schema/*.schema.json), made from the zod schema, the one
 * definition of every field. `npm run data:schema` writes them; a test fails when the written ones are out of date.
 */
import { z } from 'zod';
import { Authority, Jurisdiction, Platform, Regime } from './schema.ts';

const SCHEMAS = { platform: Platform, authority: Authority, jurisdiction: Jurisdiction, regime: Regime } as const;

/** Each schema's file name in data/schema/ and its text. */
export function jsonSchemaFiles(): Array<{ file: string; text: string }> {
  return Object.entries(SCHEMAS).map(([name, schema]) => ({
    file: `${name}.schema.json`,
    text: `${JSON.stringify(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), null, 2)}\n`,
  }));
}
