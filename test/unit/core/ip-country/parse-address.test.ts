/** IP addresses as the browser reports them, to the keys the server-location table is searched by. */
import { describe, expect, it } from 'vitest';
import { addressKey } from '../../../../src/core/ip-country/parse-address.ts';

describe('addressKey', () => {
  it('reads IPv4 in /24 blocks', () => {
    expect(addressKey('8.8.8.8')).toEqual({ family: 4, block: (8 * 256 + 8) * 256 + 8 });
    expect(addressKey('255.255.255.255')).toEqual({ family: 4, block: 0xffffff });
    expect(addressKey('0.0.0.0')).toEqual({ family: 4, block: 0 });
  });

  it('reads every RFC 4291 text form of IPv6 to its /48 prefix', () => {
    const google = { family: 6, prefix48: 0x2001_4860_4860 };
    expect(addressKey('2001:4860:4860::8888')).toEqual(google);
    expect(addressKey('2001:4860:4860:0:0:0:0:8888')).toEqual(google);
    expect(addressKey('2001:4860:4860:0000:0000:0000:0000:8888')).toEqual(google);
    expect(addressKey('2001:4860:4860::')).toEqual(google);
    expect(addressKey('2001:4860:4860::8888%eth0')).toEqual(google);
    expect(addressKey('[2001:4860:4860::8888]')).toEqual(google);
    expect(addressKey('2A03:2880:F12F:83:FACE:B00C:0:25DE')).toEqual({ family: 6, prefix48: 0x2a03_2880_f12f });
    expect(addressKey('::1')).toEqual({ family: 6, prefix48: 0 });
    expect(addressKey('::')).toEqual({ family: 6, prefix48: 0 });
    expect(addressKey('ffff:ffff:ffff::')).toEqual({ family: 6, prefix48: 2 ** 48 - 1 });
  });

  it('gives the IPv4 server behind an IPv4-mapped or NAT64 address', () => {
    expect(addressKey('::ffff:8.8.4.4')).toEqual(addressKey('8.8.4.4'));
    expect(addressKey('::ffff:808:404')).toEqual(addressKey('8.8.4.4'));
    expect(addressKey('64:ff9b::8.8.4.4')).toEqual(addressKey('8.8.4.4'));
    // An embedded IPv4 tail elsewhere is just part of an IPv6 address.
    expect(addressKey('2001:db8::8.8.4.4')).toEqual({ family: 6, prefix48: 0x2001_0db8_0000 });
  });

  it('refuses what is not an address', () => {
    for (const bad of ['', '1.2.3', '1.2.3.4.5', '256.1.1.1', '1.2.3.-4', '1..2.3', '01234.1.1.1', 'a.b.c.d', ':::', '1::2::3', '1:2:3:4:5:6:7:8:9',
      '1:2:3:4:5:6:7', '12345::', 'g::1', '::ffff:1.2.3', 'example.com', '1:2:3:4:5:6:7::8']) {
      expect(addressKey(bad), bad).toBeUndefined();
    }
  });
});
