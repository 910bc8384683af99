/**
 * The dataset at N times its size, for the benchmark (issue #12 goal 8): every platform copied N-1 times under a
 * new id (`tiktok-x2`) and new domains (each registrable domain of any platform gets the copy's suffix before its
 * public suffix: tiktok.com -> tiktok-x2.com, analytics.tiktok.com -> analytics.tiktok-x2.com), with action ids
 * suffixed the same way and references between platforms (sharedWith, alsoConcerns) kept within the copy.
 * Authorities, jurisdictions and rates are shared. Written to a folder of its own: data/ is never touched. `npx tsx test/bench/synthetic-dataset.ts 10 <dir>`
 * writes one by hand.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDomain } from 'tldts';
import { DATA_DIR } from '../../src/cli/read-data.ts';

type PlatformJson = {
  id: string;
  name: string;
  domains: Array<{ domain: string; sharedWith?: string }>;
  companySites?: string[];
  actions?: Array<{ id?: string; alsoConcerns?: string[] }>;
};

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function writeScaledDataset(factor: number, outDir: string, dataDir = DATA_DIR): { platforms: number; actions: number } {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, 'platforms'), { recursive: true });
  for (const entry of readdirSync(dataDir)) {
    if (entry !== 'platforms') cpSync(join(dataDir, entry), join(outDir, entry), { recursive: true });
  }
  const files = readdirSync(join(dataDir, 'platforms')).filter((f) => f.endsWith('.json')).sort();
  const texts = files.map((f) => readFileSync(join(dataDir, 'platforms', f), 'utf8'));
  const platforms = texts.map((t) => JSON.parse(t) as PlatformJson);
  // Every registrable domain any platform names, longest first so that a longer one is replaced before a shorter
  // one it contains.
  const registrable = [...new Set(platforms.flatMap((p) => [...p.domains.map((d) => d.domain), ...(p.companySites ?? [])]).map((host) => getDomain(host, { allowPrivateDomains: true }) ?? host))]
    .sort((a, b) => b.length - a.length);
  const domainPattern = new RegExp(`(?<![a-z0-9-])(${registrable.map(escape).join('|')})(?![a-z0-9-])`, 'gi');
  const renamed = (domain: string, copy: number) => {
    const suffixStart = domain.indexOf('.');
    return `${domain.slice(0, suffixStart)}-x${copy}${domain.slice(suffixStart)}`;
  };
  let platformCount = 0;
  let actionCount = 0;
  for (let copy = 1; copy <= factor; copy += 1) {
    platforms.forEach((original, i) => {
      const text = copy === 1 ? texts[i]! : texts[i]!.replace(domainPattern, (match) => renamed(match.toLowerCase(), copy));
      const platform = JSON.parse(text) as PlatformJson;
      if (copy > 1) {
        const id = (value: string) => `${value}-x${copy}`;
        platform.id = id(original.id);
        platform.name = `${original.name} ${copy}`;
        for (const d of platform.domains) if (d.sharedWith) d.sharedWith = id(d.sharedWith);
        for (const a of platform.actions ?? []) {
          if (a.id) a.id = id(a.id);
          if (a.alsoConcerns) a.alsoConcerns = a.alsoConcerns.map(id);
        }
      }
      writeFileSync(join(outDir, 'platforms', `${platform.id}.json`), `${JSON.stringify(platform, null, 2)}\n`);
      platformCount += 1;
      actionCount += platform.actions?.length ?? 0;
    });
  }
  return { platforms: platformCount, actions: actionCount };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [factor = '10', out = 'test-results/data-x10'] = process.argv.slice(2);
  console.log(writeScaledDataset(Number(factor), out));
}
