/** The provenance rules: each kind of gap is found, named with its field, and says what to change. */
import { describe, expect, it } from 'vitest';
import { coverageGaps, linkProblem, primaryFirstShare, provenanceProblems, type SourcePolicy } from '../../../../src/core/dataset/provenance.ts';
import type { Platform } from '../../../../src/core/dataset/schema.ts';
import { fixtureDataset, source, TIKTOK_LIKE } from '../../fixtures.ts';

const POLICY: SourcePolicy = {
  excludedDomains: { 'farm.example': 'content farm' },
  excludedHosts: { 'code.example': 'a repository' },
  allowedUnderExcludedHosts: { 'code.example/operator/': "the operator's own repositories" },
};
const fileOf = (p: Platform) => `data/platforms/${p.id}.json`;
const quoted = (url = 'https://www.dataprotection.ie/en/news-media') => ({ ...source(url), quote: 'The DPC imposed a fine of EUR 530 million on 2 May 2025.' });

/** A TikTok-like platform with every provenance item in place. */
function complete(): Platform {
  const p = structuredClone(TIKTOK_LIKE);
  p.domains = p.domains.map((d) => ({ ...d, sources: [source('https://www.tiktok.com/legal/privacy-policy-eea')] }));
  p.operator!.sources = [source('https://www.tiktok.com/legal/privacy-policy-eea')];
  p.parent!.sources = [source('https://news.example.org/bytedance', false)];
  p.flows = p.flows.map((f) => ({ ...f, sources: [{ ...source('https://www.tiktok.com/legal/privacy-policy-eea'), quote: 'We store your information in Ireland and the United States.' }] }));
  p.actions = p.actions.map((a) => ({
    ...a,
    sources: [quoted()],
    status: { value: 'no-later-info' as const, checked: '2026-11-29', source: source() },
  }));
  return p;
}
const problemsOf = (p: Platform) => provenanceProblems(fixtureDataset([p]), POLICY, fileOf);

describe('provenance rules', () => {
  it('finds nothing to change in a complete file', () => {
    expect(problemsOf(complete())).toEqual([]);
  });

  it('asks for the status check date and source, and a reason for "final"', () => {
    const p = complete();
    p.actions[0]!.status = { value: 'final' };
    const fields = problemsOf(p).map((x) => x.field);
    expect(fields).toEqual(['actions.0.status.checked', 'actions.0.status.source', 'actions.0.status.note']);
  });

  it('asks for the source\'s own words on a decision and on a storage or access flow', () => {
    const p = complete();
    p.actions[0]!.sources = [source()];
    p.flows[1]!.sources = [source('https://www.tiktok.com/legal/privacy-policy-eea')];
    expect(problemsOf(p).map((x) => x.field)).toEqual(['flows.1.sources', 'actions.0.sources']);
  });

  it('refuses a primary source not published by the deciding authority, or by the company about itself', () => {
    const p = complete();
    p.actions[0]!.sources = [{ ...quoted('https://www.edpb.europa.eu/news/national-news/2025/x_en'), primary: true }];
    p.operator!.sources = [source('https://blog.example.com/tiktok')];
    const found = problemsOf(p);
    expect(found).toContainEqual(expect.objectContaining({ field: 'actions.0.sources.0.primary', message: expect.stringContaining('www.edpb.europa.eu is not a domain of ie-dpc') }));
    expect(found).toContainEqual(expect.objectContaining({ field: 'operator.sources.0.primary' }));
    // The company's own newsroom counts once it is declared.
    p.operator!.sources = [source('https://newsroom.bytedance-example.com/about')];
    p.companySites = ['newsroom.bytedance-example.com'];
    expect(problemsOf(p).filter((x) => x.field.startsWith('operator'))).toEqual([]);
  });

  it('asks for a source for every domain, and counts platforms with neither a flow nor a statement', () => {
    const p = complete();
    delete p.domains[1]!.sources;
    p.flows = [];
    expect(problemsOf(p).map((x) => x.field)).toEqual(['domains.1.sources']);
    // Nothing on where data goes is a coverage gap, counted and shown as unknown, not an error.
    expect(coverageGaps(fixtureDataset([p]), fileOf).map((x) => x.file)).toEqual(['data/platforms/tiktok.json']);
    p.flowStatement = { summary: 'It names no country.', sources: [{ ...source('https://www.tiktok.com/legal/privacy-policy-eea'), quote: 'We may transfer your information to countries where we operate.' }] };
    expect(coverageGaps(fixtureDataset([p]), fileOf)).toEqual([]);
  });

  it('refuses links a reader cannot open or trust', () => {
    expect(linkProblem('https://www.dataprotection.ie/en/news-media', POLICY)).toBeUndefined();
    expect(linkProblem('https://en.wikisource.org./wiki/X', POLICY)).toMatch(/ends with a dot/);
    expect(linkProblem('https://www-nytimes-com.ezproxy.uni.example/x', POLICY)).toMatch(/proxy/);
    expect(linkProblem('https://digital-stage.thehill.com/policy/x', POLICY)).toMatch(/development/);
    expect(linkProblem('https://news.example.org/a?utm_source=x', POLICY)).toMatch(/utm_source/);
    expect(linkProblem('https://news.example.org/a?os=ios', POLICY)).toMatch(/"os"/);
    expect(linkProblem('https://news.example.org/a?outputType=amp', POLICY)).toMatch(/outputType/);
    expect(linkProblem('https://en.wikipedia.org/w/index.php?title=X&diff=1', POLICY)).toMatch(/wiki diff/);
    expect(linkProblem('https://www.linkedin.com/help/answer/1?trk=footer&lang=en', POLICY)).toMatch(/"trk"/);
    expect(linkProblem('https://uitspraken.example.nl/doc?id=ECLI:1&showbutton=true', POLICY)).toMatch(/"showbutton"/);
    expect(linkProblem('https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32002D0002&qid=141', POLICY)).toMatch(/"qid"/);
    expect(linkProblem('https://curia.europa.eu/juris/document/document.jsf;jsessionid=9FA2?docid=273175', POLICY)).toMatch(/session id/);
    expect(linkProblem('https://curia.europa.eu/juris/document/document.jsf?docid=273175&doclang=EN', POLICY)).toBeUndefined();
    expect(linkProblem('https://www.farm.example/story', POLICY)).toMatch(/never cited \(content farm\)/);
    expect(linkProblem('https://news.example.org:8443/a', POLICY)).toMatch(/port/);
    // A single excluded host leaves the rest of its domain citable.
    expect(linkProblem('https://www.code.example/someone/readme', POLICY)).toMatch(/never cited \(a repository\)/);
    expect(linkProblem('https://docs.code.example/en/site-policy', POLICY)).toBeUndefined();
    // Except where the policy names an owner whose own repositories they are (owners in any case), and only there.
    expect(linkProblem('https://code.example/Operator/sdk/blob/1/hosts.ts', POLICY)).toBeUndefined();
    expect(linkProblem('https://www.code.example/operator/sdk', POLICY)).toBeUndefined();
    expect(linkProblem('https://code.example/operator-fan/sdk', POLICY)).toMatch(/never cited \(a repository\)/);
    expect(linkProblem('https://code.example/someone/operator/', POLICY)).toMatch(/never cited \(a repository\)/);
  });

  it('counts actions whose first source is primary', () => {
    const p = complete();
    p.actions[1]!.sources = [{ ...quoted('https://news.example.org/x'), primary: false }];
    expect(primaryFirstShare(fixtureDataset([p]))).toEqual({ primaryFirst: 1, actions: 2 });
  });
});
