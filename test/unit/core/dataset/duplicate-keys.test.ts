import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { duplicateKeys } from '../../../../src/core/dataset/duplicate-keys.ts';

describe('duplicate keys in a data file', () => {
  it('finds a key written twice in one object, with its line', () => {
    const text = '{\n  "url": "https://a.example/",\n  "quote": "first",\n  "publisher": "A",\n  "quote": "second"\n}';
    expect(duplicateKeys(text)).toEqual([{ key: 'quote', line: 5 }]);
  });

  it('does not count the same key in sibling or nested objects, or strings that look like keys', () => {
    const text = '{"a": {"quote": "x"}, "b": [{"quote": "y"}, {"quote": "z \\" , \\"quote\\": {"}], "quote": "[{,"}';
    expect(duplicateKeys(text)).toEqual([]);
  });

  it('finds none in anything JSON.stringify writes, and the one added to any object (any JSON)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue(), { minKeys: 1 }), fc.jsonValue(), (object, value) => {
        const text = JSON.stringify(object, null, 2);
        expect(duplicateKeys(text)).toEqual([]);
        const key = Object.keys(object)[0]!;
        const doubled = `${text.slice(0, -1)}${text.length > 2 ? ',' : ''}${JSON.stringify(key)}: ${JSON.stringify(value)}}`;
        expect(duplicateKeys(doubled).map((d) => d.key)).toEqual([key]);
      }),
    );
  });
});
