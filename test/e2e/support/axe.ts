/** axe-core on an extension page in Chromium, with every folding section opened so hidden content is checked too. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The violations, one line each (rule id and up to three targets); empty when the page passes. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE); // through the DevTools protocol: the extension page's CSP rightly forbids inline scripts
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  const result = await page.evaluate(async () => (window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> } }).axe.run());
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}
