/**
 * The Public Suffix List as tldts ships it, for the build step. tldts has no public API that lists its rules,
 * so this reads its generated trie (pinned tldts version; `test/unit/public-suffixes.test.ts` fails loudly if
 * the format changes). Only the build uses it: the extension never ships the list.
 */
// @ts-expect-error: tldts's generated data module has no type declarations.
import * as trie from 'tldts/dist/es6/src/data/trie.js';
import type { PublicSuffixes } from '../core/dataset/compile.ts';
import { registrableDomain } from '../core/match/registrable-domain.ts';
import type { EmbeddedData } from './third-party/notices.ts';

/** The list's own terms, for the third-party notices: tldts's MIT licence covers its code, not the list. */
export const PUBLIC_SUFFIX_LIST: EmbeddedData = {
  what: 'Public Suffix List',
  module: 'tldts/dist/es6/src/data/trie.js',
  license: 'MPL-2.0',
  url: 'https://publicsuffix.org/',
  use: "its rules under the platforms' domains are compiled into the extension's host table (the extension ships no other copy).",
};

type Trie = {
  edgeChild: ArrayLike<number>;
  edgeLength: ArrayLike<number>;
  edgeStart: ArrayLike<number>;
  labelText: string;
  nodeFlags: ArrayLike<number>;
  rulesRoot: number;
};

function listRules({ edgeChild, edgeLength, edgeStart, labelText, nodeFlags, rulesRoot }: Trie): string[] {
  const offsets: number[] = [];
  for (let edge = 0, offset = 0; edge < edgeLength.length; edge += 1) {
    offsets.push(offset);
    offset += edgeLength[edge]!;
  }
  const rules: string[] = [];
  // The trie is keyed from the top-level domain down; a node flag marks the end of a rule.
  const stack: Array<[number, string]> = [[rulesRoot, '']];
  while (stack.length > 0) {
    const [node, suffix] = stack.pop()!;
    for (let edge = edgeStart[node]!; edge < edgeStart[node + 1]!; edge += 1) {
      const label = labelText.slice(offsets[edge]!, offsets[edge]! + edgeLength[edge]!);
      const name = suffix === '' ? label : `${label}.${suffix}`;
      const child = edgeChild[edge]!;
      if (nodeFlags[child]) rules.push(name);
      stack.push([child, name]);
    }
  }
  return rules.sort();
}

export function publicSuffixes(): PublicSuffixes {
  return {
    rules: listRules(trie as Trie),
    registrableDomain,
  };
}
