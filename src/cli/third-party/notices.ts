/**
 * THIRD_PARTY_NOTICES.txt, written into each build: for every package whose code is in the bundle (found by the
 * build from its module graph) and every package whose data the compile step embedded (src/generated/
 * embedded-data.json), its name, version, licence, licence text and any attribution it asks for. Nothing is
 * listed by hand: a dependency added, removed or swapped changes the file at the next build.
 */
import type { PackageInfo } from './package-info.ts';

/** Data taken from a package at build time, and the terms of the data itself when they differ from the code's. */
export type EmbeddedData = {
  /** what the data is ("Public Suffix List") */
  what: string;
  /** the module the data is read from (a package specifier, resolved from the project root) */
  module: string;
  /** the data's own licence (SPDX), where the package's licence covers only its code */
  license?: string;
  url?: string;
  /** how the extension uses it */
  use: string;
};

const RULE = '='.repeat(100);
const SPDX_URL: Record<string, string> = {
  'MPL-2.0': 'https://mozilla.org/MPL/2.0/',
  'CC-BY-SA-4.0': 'https://creativecommons.org/licenses/by-sa/4.0/',
  'CC-BY-4.0': 'https://creativecommons.org/licenses/by/4.0/',
};

export function thirdPartyNotices(product: { name: string; version: string }, bundled: PackageInfo[], data: Array<EmbeddedData & { from: PackageInfo }>): string {
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  const code = [...bundled].sort(byName);
  const out: string[] = [
    `${product.name} ${product.version}: third-party notices`,
    '',
    'Generated at build time from the packages themselves: the code of each package below is bundled in this',
    'extension, and the data listed after them is embedded in it. Each comes with its licence text as the package',
    'ships it.',
    '',
    RULE,
    'Bundled code',
    RULE,
  ];
  for (const p of code) {
    out.push('', `${p.name} ${p.version}`, `Licence: ${p.license}`, ...(p.homepage ? [`Home: ${p.homepage}`] : []));
    for (const f of p.licenseFiles) out.push('', `--- ${p.name}/${f.file} ---`, f.text);
    if (p.licenseFiles.length === 0) out.push('(The package ships no licence file; its declared licence is above.)');
  }
  out.push('', RULE, 'Embedded data', RULE);
  for (const d of [...data].sort((a, b) => a.what.localeCompare(b.what))) {
    const license = d.license ?? d.from.license;
    out.push('', `${d.what}, as shipped in ${d.from.name} ${d.from.version}${d.url ? ` (${d.url})` : ''}`, `Licence: ${license}${SPDX_URL[license] ? `, ${SPDX_URL[license]}` : ''}`, `Use: ${d.use}`);
    // Where the data's licence is not declared here, the package's README says what it is and whom to credit.
    if (!d.license) for (const paragraph of d.from.attribution) out.push('', `On licences and attribution, as ${d.from.name} states it:`, paragraph);
    // The licence's full text, from a bundled package under the same licence, when one ships it.
    const text = code.find((p) => p.license === license && p.licenseFiles.length > 0);
    if (text && d.license) out.push('', `The full text of ${license} is given above, with ${text.name}.`);
    if (!code.some((p) => p.name === d.from.name)) for (const f of d.from.licenseFiles) out.push('', `--- ${d.from.name}/${f.file} ---`, f.text);
  }
  out.push('');
  return out.join('\n');
}
