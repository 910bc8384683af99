/** Each kind of bad data fails with a message that names the file, the field and what to change. */
import { describe, expect, it } from 'vitest';
import { validateDataset, type RawFiles } from '../../../../src/core/dataset/validate.ts';
import { authorities, jurisdictions, source, TIKTOK_LIKE } from '../../fixtures.ts';

const TODAY = '2026-11-29';

function raw(platforms: unknown[]): RawFiles {
  return {
    platforms: Object.fromEntries(platforms.map((p) => [`data/platforms/${(p as { id: string }).id}.json`, p])),
    authorities: Object.fromEntries(Object.values(authorities).map((a) => [`data/authorities/${a.id}.json`, a])),
    jurisdictions: Object.fromEntries(Object.values(jurisdictions).map((j) => [`data/jurisdictions/${j.code}.json`, j])),
  };
}

const clone = <T>(value: T): T => structuredClone(value);
const problemsOf = (platforms: unknown[]) => validateDataset(raw(platforms), TODAY).problems;

describe('validateDataset', () => {
  it('accepts a valid dataset', () => {
    const result = validateDataset(raw([TIKTOK_LIKE]), TODAY);
    expect(result.problems).toEqual([]);
    expect(result.dataset?.platforms.map((p) => p.id)).toEqual(['tiktok']);
  });

  it('rejects an action without a source', () => {
    const p = clone(TIKTOK_LIKE);
    p.actions[0]!.sources = [];
    expect(problemsOf([p])).toContainEqual({ file: 'data/platforms/tiktok.json', field: 'actions.0.sources', message: 'needs at least one source' });
  });

  it('rejects an unknown authority', () => {
    const p = clone(TIKTOK_LIKE);
    p.actions[0]!.authority = 'xx-nobody';
    expect(problemsOf([p])).toContainEqual({
      file: 'data/platforms/tiktok.json',
      field: 'actions.0.authority',
      message: 'unknown authority "xx-nobody": add data/authorities/xx-nobody.json',
    });
  });

  it('rejects a hostname listed by two platforms', () => {
    const other = { ...clone(TIKTOK_LIKE), id: 'copycat', actions: [] };
    expect(problemsOf([TIKTOK_LIKE, other])).toContainEqual({
      file: 'data/platforms/copycat.json',
      field: 'domains.0.domain',
      message: 'tiktok.com already belongs to platform "tiktok": if both use it, keep it in one and mark the other\'s entry "sharedWith": "tiktok"',
    });
  });

  it('accepts a domain two platforms share when one declares it shared with the other, and checks the owner lists it', () => {
    const other = { ...clone(TIKTOK_LIKE), id: 'copycat', actions: [] };
    other.domains = [{ domain: 'tiktok.com', purpose: 'auth', sharedWith: 'tiktok' }, { domain: 'copycat.example', purpose: 'main' }];
    expect(problemsOf([TIKTOK_LIKE, other]).filter((p) => p.field.startsWith('domains'))).toEqual([]);
    other.domains[0] = { domain: 'not-listed.example', purpose: 'auth', sharedWith: 'tiktok' };
    expect(problemsOf([TIKTOK_LIKE, other])).toContainEqual({
      file: 'data/platforms/copycat.json',
      field: 'domains.0.sharedWith',
      message: '"tiktok" must list not-listed.example itself (without sharedWith) for the look-up to answer with it',
    });
  });

  it('rejects a date in the future and a date that does not exist', () => {
    const p = clone(TIKTOK_LIKE);
    p.actions[0]!.date = '2027-01-05';
    p.actions[1]!.date = '2023-02-30';
    const problems = problemsOf([p]);
    expect(problems).toContainEqual({ file: 'data/platforms/tiktok.json', field: 'actions.0.date', message: '2027-01-05 is in the future (today is 2026-11-29)' });
    expect(problems).toContainEqual({ file: 'data/platforms/tiktok.json', field: 'actions.1.date', message: '2023-02-30 is not a real date' });
  });

  it('rejects a currency that is not ISO 4217 and a non-positive amount', () => {
    const p = clone(TIKTOK_LIKE);
    p.actions[0]!.currency = 'EURO';
    p.actions[1]!.amount = -5;
    const problems = problemsOf([p]);
    expect(problems).toContainEqual({ file: 'data/platforms/tiktok.json', field: 'actions.0.currency', message: 'EURO is not an ISO 4217 currency code' });
    expect(problems).toContainEqual({ file: 'data/platforms/tiktok.json', field: 'actions.1.amount', message: 'an amount must be a positive number' });
  });

  it('rejects a country code that is not ISO 3166-1 and a flow country without a jurisdiction file', () => {
    const p = clone(TIKTOK_LIKE);
    p.flows[0]!.country = 'XK';
    p.flows[1]!.country = 'FR';
    const problems = problemsOf([p]);
    expect(problems).toContainEqual({ file: 'data/platforms/tiktok.json', field: 'flows.0.country', message: 'XK is not an ISO 3166-1 code' });
    expect(problems).toContainEqual({ file: 'data/platforms/tiktok.json', field: 'flows.1.country', message: 'FR has no file data/jurisdictions/FR.json: add one' });
  });

  it('rejects a source that is not https', () => {
    const p = clone(TIKTOK_LIKE);
    p.actions[0]!.sources = [source('http://www.dataprotection.ie/')];
    expect(problemsOf([p])).toContainEqual({ file: 'data/platforms/tiktok.json', field: 'actions.0.sources.0.url', message: 'an https URL' });
  });

  it('rejects a publisher that also says which version or copy was read (that goes in the source\'s note)', () => {
    const p = clone(TIKTOK_LIKE);
    const publisher = `TikTok (privacy policy effective 30 November 2025, section 8; text read in an archived copy, ${'x'.repeat(80)})`;
    p.actions[0]!.sources = [{ ...source('https://www.tiktok.com/legal/privacy'), publisher }];
    expect(problemsOf([p])).toContainEqual({ file: 'data/platforms/tiktok.json', field: 'actions.0.sources.0.publisher', message: "the publisher's name only: say which version, section or copy was read in `note`" });
    p.actions[0]!.sources = [{ ...source('https://www.tiktok.com/legal/privacy'), publisher: 'TikTok', note: 'privacy policy effective 30 November 2025, section 8' }];
    expect(problemsOf([p])).toEqual([]);
  });

  it('rejects a file whose name is not its id', () => {
    const files = raw([TIKTOK_LIKE]);
    files.platforms = { 'data/platforms/TikTok.json': TIKTOK_LIKE };
    expect(validateDataset(files, TODAY).problems).toContainEqual({
      file: 'data/platforms/TikTok.json',
      field: 'id',
      message: '"tiktok" must equal the file name: rename the file to tiktok.json',
    });
  });

  it('rejects duplicate action ids and unknown platforms in alsoConcerns', () => {
    const p = clone(TIKTOK_LIKE);
    p.actions[1]!.id = p.actions[0]!.id;
    p.actions[0]!.alsoConcerns = ['nowhere'];
    const problems = problemsOf([p]);
    expect(problems.map((x) => x.field)).toEqual(expect.arrayContaining(['actions.1.id', 'actions.0.alsoConcerns.0']));
  });
});
