/**
 * The toolbar tooltip reads as sentences in every region: when the page also sent data to other platforms, the
 * platform's sentence is closed before the next one starts, with or without a regime's note after the countries.
 */
import { describe, expect, it } from 'vitest';
import { framedSummaryOf, pageOf } from '../../../src/background/answerer.ts';
import { toolbarBadge } from '../../../src/background/toolbar-badge.ts';
import { createFormatters } from '../../../src/core/format.ts';
import { REGIONS } from '../../../src/core/settings/settings.ts';
import { answererFor } from '../fixtures.ts';
import { realDataset } from '../helpers.ts';
import { translator } from '../translator.ts';

const t = translator('en');
const f = createFormatters('en');
const answerer = answererFor(realDataset(), 'en-US', t);

describe('toolbar tooltip', () => {
  it.each(REGIONS)('%s: ends each sentence before the third parties', async (region) => {
    const summary = await framedSummaryOf(answerer, pageOf(answerer, 'https://www.tiktok.com/')!.platform, region);
    const title = toolbarBadge(summary, 'count', t, f, ['Google Analytics', 'Criteo'])!.title;
    expect(title).toMatch(/[.!?] The page also sent data to: Google Analytics, Criteo\.$/);
    expect(title).not.toMatch(/\.\. /);
  });
});
