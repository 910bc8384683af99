/**
 * An IP address as the browser reports it (webRequest `details.ip`: dotted IPv4, or IPv6 in any RFC 4291 text
 * form) to the key the IP-country table is searched by. IPv6 addresses that carry an IPv4 address (mapped
 * ::ffff:a.b.c.d, and the NAT64 prefix 64:ff9b::/96 an IPv6-only network uses to reach IPv4 servers) give that
 * IPv4 address: the server is the IPv4 one.
 */
export type AddressKey = { family: 4; block: number } | { family: 6; prefix48: number };

/** "1.2.3.4" to its 32-bit value, or -1. */
function ipv4Value(text: string): number {
  let value = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i <= text.length; i += 1) {
    const c = i === text.length ? 46 : text.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || part > 255) return -1;
      value = value * 256 + part;
      part = 0;
      digits = 0;
      dots += 1;
    } else if (c >= 48 && c <= 57 && digits < 3) {
      part = part * 10 + (c - 48);
      digits += 1;
    } else return -1;
  }
  return dots === 4 ? value : -1;
}

/** The eight 16-bit groups of an IPv6 address, or undefined. */
function ipv6Groups(text: string): number[] | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const parse = (part: string): number[] | undefined => {
    if (part === '') return [];
    const groups: number[] = [];
    const pieces = part.split(':');
    for (let i = 0; i < pieces.length; i += 1) {
      const piece = pieces[i]!;
      if (i === pieces.length - 1 && piece.includes('.')) {
        const v4 = ipv4Value(piece);
        if (v4 < 0) return undefined;
        groups.push(Math.floor(v4 / 65536), v4 % 65536);
      } else if (/^[0-9a-fA-F]{1,4}$/.test(piece)) groups.push(Number.parseInt(piece, 16));
      else return undefined;
    }
    return groups;
  };
  const head = parse(halves[0]!);
  const tail = halves.length === 2 ? parse(halves[1]!) : [];
  if (!head || !tail) return undefined;
  if (halves.length === 1) return head.length === 8 ? head : undefined;
  const zeros = 8 - head.length - tail.length;
  return zeros >= 1 ? [...head, ...new Array<number>(zeros).fill(0), ...tail] : undefined;
}

export function addressKey(ip: string): AddressKey | undefined {
  if (!ip.includes(':')) {
    const v4 = ipv4Value(ip);
    return v4 < 0 ? undefined : { family: 4, block: Math.floor(v4 / 256) };
  }
  // "[2001:db8::1]" or a zone ("fe80::1%eth0") as some APIs write them.
  let text = ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
  const zone = text.indexOf('%');
  if (zone !== -1) text = text.slice(0, zone);
  const g = ipv6Groups(text);
  if (!g) return undefined;
  const embedsIpv4 =
    (g[0] === 0 && g[1] === 0 && g[2] === 0 && g[3] === 0 && g[4] === 0 && g[5] === 0xffff) || // ::ffff:a.b.c.d
    (g[0] === 0x64 && g[1] === 0xff9b && g[2] === 0 && g[3] === 0 && g[4] === 0 && g[5] === 0); // 64:ff9b::a.b.c.d
  if (embedsIpv4) return { family: 4, block: g[6]! * 256 + (g[7]! >> 8) };
  return { family: 6, prefix48: (g[0]! * 65536 + g[1]!) * 65536 + g[2]! };
}
