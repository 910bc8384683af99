/**
 * Where the badge's parts are and how they are styled, read in Chromium through the DevTools protocol (the closed
 * shadow root is invisible to the page and to page scripts).
 */
import type { Page } from 'playwright-core';

export type Box = { x: number; y: number; width: number; height: number };
export type Part = { box: Box | null; style: Record<string, string> };

type Node = { nodeId: number; localName?: string; attributes?: string[]; children?: Node[]; shadowRoots?: Node[] };

const classOf = (node: Node) => {
  const attrs = node.attributes ?? [];
  const i = attrs.indexOf('class');
  return i >= 0 ? (attrs[i + 1] ?? '').split(/\s+/) : [];
};

/** The host element and the first element inside it with each class name asked for. */
export async function badgeParts(page: Page, classes: string[], properties: string[] = ['direction']): Promise<Record<string, Part>> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: Node };
    const all = (node: Node): Node[] => [node, ...[...(node.children ?? []), ...(node.shadowRoots ?? [])].flatMap(all)];
    const host = all(root).find((n) => n.localName === 'residency-lens-badge');
    if (!host) throw new Error('no badge in the page');
    const inside = all(host);
    const wanted: Array<[string, Node | undefined]> = [['host', host], ...classes.map((c) => [c, inside.find((n) => classOf(n).includes(c))] as [string, Node | undefined])];
    const out: Record<string, Part> = {};
    for (const [name, node] of wanted) {
      if (!node) throw new Error(`no .${name} in the badge`);
      const box = await cdp
        .send('DOM.getBoxModel', { nodeId: node.nodeId })
        .then(({ model }) => {
          const [x1, y1, x2, , , y3] = model.border;
          return { x: x1!, y: y1!, width: x2! - x1!, height: y3! - y1! };
        })
        .catch(() => null); // not rendered (display: none)
      const { computedStyle } = await cdp.send('CSS.getComputedStyleForNode', { nodeId: node.nodeId });
      out[name] = { box, style: Object.fromEntries(properties.map((p) => [p, computedStyle.find((s) => s.name === p)?.value ?? ''])) };
    }
    return out;
  } finally {
    await cdp.detach();
  }
}

export const area = (b: Box) => Math.max(0, b.width) * Math.max(0, b.height);

export function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}
