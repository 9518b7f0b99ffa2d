import { cidrContains, formatIpv4, parseCidr, parseIpAddress, unmapIpv4 } from './ip-address';

const v6 = (text: string) => {
  const address = parseIpAddress(text);
  if (!address) throw new Error(`test address ${text} does not parse`);
  return address;
};

describe('parseIpAddress', () => {
  it.each([
    ['0.0.0.0', 0n],
    ['1.2.3.4', 0x01020304n],
    ['255.255.255.255', 0xffffffffn],
  ])('reads the IPv4 address %s', (text, value) => {
    expect(parseIpAddress(text)).toEqual({ version: 4, value });
  });

  it.each([
    ['::', 0n],
    ['::1', 1n],
    ['1::', 1n << 112n],
    ['1:2:3:4:5:6:7:8', 0x0001_0002_0003_0004_0005_0006_0007_0008n],
    ['1:2:3:4:5:6:7::', 0x0001_0002_0003_0004_0005_0006_0007_0000n],
    ['FE80::ABCD', 0xfe80_0000_0000_0000_0000_0000_0000_abcdn],
    ['::ffff:1.2.3.4', 0xffff_0102_0304n],
    ['64:ff9b::192.0.2.33', 0x0064_ff9b_0000_0000_0000_0000_c000_0221n],
    ['[::1]', 1n],
    ['fe80::1%eth0', 0xfe80_0000_0000_0000_0000_0000_0000_0001n],
  ])('reads the IPv6 address %s', (text, value) => {
    expect(parseIpAddress(text)).toEqual({ version: 6, value });
  });

  it('reads both spellings of an IPv4-mapped address alike', () => {
    expect(parseIpAddress('::ffff:127.0.0.1')).toEqual(parseIpAddress('::ffff:7f00:1'));
  });

  it.each([
    '',
    'example.com',
    '1.2.3',
    '1.2.3.4.5',
    '1.2.3.256',
    '010.0.0.1',
    '0x7f.0.0.1',
    '2130706433',
    ' 1.2.3.4',
    ':::',
    '1::2::3',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:6:7',
    '1:2:3:4:5:6:7:8::',
    '12345::',
    'g::',
    '::1.2.3',
    '1.2.3.4::',
    '[::1',
  ])('refuses %j', (text) => {
    expect(parseIpAddress(text)).toBeUndefined();
  });
});

describe('CIDR ranges', () => {
  it('keeps the network part of the address only', () => {
    expect(parseCidr('10.1.2.3/8')).toEqual({ version: 4, network: 0x0a000000n, prefixLength: 8 });
  });

  it('reads a bare address as a range of one', () => {
    expect(parseCidr('127.0.0.1')).toEqual({ version: 4, network: 0x7f000001n, prefixLength: 32 });
    expect(parseCidr('::1')).toEqual({ version: 6, network: 1n, prefixLength: 128 });
  });

  it.each(['1.2.3.4/33', '::/129', 'localhost/8', '1.2.3.4/', '1.2.3.4/8/9', '1.2.3.4/-1', '1.2.3.4/x'])('refuses %j', (text) => {
    expect(() => parseCidr(text)).toThrow(RangeError);
  });

  it('contains the addresses of its prefix and no others', () => {
    const range = parseCidr('172.16.0.0/12');
    expect(cidrContains(range, v6('172.16.0.0'))).toBe(true);
    expect(cidrContains(range, v6('172.31.255.255'))).toBe(true);
    expect(cidrContains(range, v6('172.15.255.255'))).toBe(false);
    expect(cidrContains(range, v6('172.32.0.0'))).toBe(false);
  });

  it('never mixes IPv4 and IPv6', () => {
    expect(cidrContains(parseCidr('0.0.0.0/0'), v6('::'))).toBe(false);
    expect(cidrContains(parseCidr('::/0'), v6('1.2.3.4'))).toBe(false);
    expect(cidrContains(parseCidr('::/0'), v6('2001:db8::1'))).toBe(true);
  });
});

describe('unmapIpv4', () => {
  it('turns an IPv4-mapped IPv6 address into the IPv4 address it reaches', () => {
    expect(unmapIpv4(v6('::ffff:10.0.0.1'))).toEqual({ version: 4, value: 0x0a000001n });
    expect(formatIpv4(unmapIpv4(v6('::ffff:a9fe:a9fe')).value)).toBe('169.254.169.254');
  });

  it('leaves other addresses alone', () => {
    expect(unmapIpv4(v6('::1'))).toEqual(v6('::1'));
    expect(unmapIpv4(v6('::fffe:a00:1'))).toEqual(v6('::fffe:a00:1'));
    expect(unmapIpv4(v6('10.0.0.1'))).toEqual(v6('10.0.0.1'));
  });
});
