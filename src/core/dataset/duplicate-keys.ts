/**
 * Keys written twice in one JSON object. JSON.parse keeps the last silently, so an in-place edit that adds a
 * `quote` to a source which already had one would replace the checked words without anyone seeing it: the data
 * check refuses such a file instead. A single pass over the text, strings and escapes included.
 */
export type DuplicateKey = { key: string; line: number };

export function duplicateKeys(text: string): DuplicateKey[] {
  type Frame = { keys: Set<string> | undefined; expectKey: boolean };
  const stack: Frame[] = [];
  const found: DuplicateKey[] = [];
  let line = 1;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '\n') line += 1;
    else if (c === '{') stack.push({ keys: new Set(), expectKey: true });
    else if (c === '[') stack.push({ keys: undefined, expectKey: false });
    else if (c === '}' || c === ']') stack.pop();
    else if (c === ',') {
      const top = stack.at(-1);
      if (top?.keys) top.expectKey = true;
    } else if (c === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      const top = stack.at(-1);
      if (top?.keys && top.expectKey) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        if (top.keys.has(key)) found.push({ key, line });
        top.keys.add(key);
        top.expectKey = false;
      }
      i = end;
    }
  }
  return found;
}
