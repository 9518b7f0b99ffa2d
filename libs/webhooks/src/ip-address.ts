/**
 * IP addresses and CIDR ranges as numbers, so that range checks are plain arithmetic rather than string matching
 * (which misses the many spellings one address can have).
 */

export type IpVersion = 4 | 6;

export interface IpAddress {
  readonly version: IpVersion;
  /** The address as an unsigned 32-bit (IPv4) or 128-bit (IPv6) integer. */
  readonly value: bigint;
}

export interface CidrRange {
  readonly version: IpVersion;
  /** The range's first address; bits past the prefix are zero. */
  readonly network: bigint;
  readonly prefixLength: number;
}

const bitsOf = (version: IpVersion) => (version === 4 ? 32 : 128);

// Four decimal octets without leading zeros: "010.0.0.1" is octal to some parsers and decimal to others, so it is refused
// rather than guessed. URLs never reach here unnormalised (the URL parser rewrites 0x7f.1 and 2130706433 as 127.0.0.1).
const IPV4 = /^(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})$/;
const HEX_GROUP = /^[0-9a-f]{1,4}$/i;

function parseIpv4(text: string): bigint | undefined {
  const octets = IPV4.exec(text);
  if (!octets) return undefined;
  let value = 0n;
  for (const octet of octets.slice(1)) {
    const number = Number(octet);
    if (number > 255) return undefined;
    value = (value << 8n) | BigInt(number);
  }
  return value;
}

/** Hex groups of one side of "::"; a trailing dotted quad counts as two groups. */
function parseIpv6Groups(text: string, mayEndInIpv4: boolean): bigint[] | undefined {
  if (text === '') return [];
  const parts = text.split(':');
  const groups: bigint[] = [];
  for (const [index, part] of parts.entries()) {
    if (mayEndInIpv4 && index === parts.length - 1 && part.includes('.')) {
      const ipv4 = parseIpv4(part);
      if (ipv4 === undefined) return undefined;
      groups.push(ipv4 >> 16n, ipv4 & 0xffffn);
    } else if (HEX_GROUP.test(part)) {
      groups.push(BigInt(`0x${part}`));
    } else {
      return undefined;
    }
  }
  return groups;
}

function parseIpv6(text: string): bigint | undefined {
  // A zone ("fe80::1%eth0", as DNS lookups may return) picks an interface; it does not change the address.
  const address = text.replace(/%[^%]+$/, '');
  const halves = address.split('::');
  if (halves.length > 2) return undefined;
  let groups: bigint[];
  if (halves.length === 1) {
    const all = parseIpv6Groups(address, true);
    if (!all || all.length !== 8) return undefined;
    groups = all;
  } else {
    const head = parseIpv6Groups(halves[0], false);
    const tail = parseIpv6Groups(halves[1], true);
    if (!head || !tail || head.length + tail.length > 7) return undefined;
    groups = [...head, ...Array<bigint>(8 - head.length - tail.length).fill(0n), ...tail];
  }
  return groups.reduce((value, group) => (value << 16n) | group, 0n);
}

/** Reads a textual IPv4 (dotted quad) or IPv6 address, with or without [brackets]; undefined if it is neither. */
export function parseIpAddress(text: string): IpAddress | undefined {
  const unbracketed = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  const ipv4 = parseIpv4(unbracketed);
  if (ipv4 !== undefined) return { version: 4, value: ipv4 };
  if (!unbracketed.includes(':')) return undefined;
  const ipv6 = parseIpv6(unbracketed);
  return ipv6 === undefined ? undefined : { version: 6, value: ipv6 };
}

/** Reads "a.b.c.d/n" or "x::y/n"; a bare address is a range of one. Throws on anything else: ranges come from configuration. */
export function parseCidr(text: string): CidrRange {
  const [addressText, prefixText, extra] = text.trim().split('/');
  const address = parseIpAddress(addressText);
  if (!address || extra !== undefined || (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText))) {
    throw new RangeError(`"${text}" is not a CIDR range; write it as 203.0.113.0/24 or 2001:db8::/32.`);
  }
  const bits = bitsOf(address.version);
  const prefixLength = prefixText === undefined ? bits : Number(prefixText);
  if (prefixLength > bits) {
    throw new RangeError(`"${text}" has a prefix longer than ${bits} bits.`);
  }
  const hostBits = BigInt(bits - prefixLength);
  return { version: address.version, network: (address.value >> hostBits) << hostBits, prefixLength };
}

export function cidrContains(range: CidrRange, address: IpAddress): boolean {
  if (range.version !== address.version) return false;
  const hostBits = BigInt(bitsOf(range.version) - range.prefixLength);
  return address.value >> hostBits === range.network >> hostBits;
}

const IPV4_MAPPED = parseCidr('::ffff:0:0/96');

/**
 * The IPv4 address an IPv4-mapped IPv6 address (::ffff:a.b.c.d) stands for: a socket connecting to it reaches that IPv4
 * address, so it must be judged as one.
 */
export function unmapIpv4(address: IpAddress): IpAddress {
  return cidrContains(IPV4_MAPPED, address) ? { version: 4, value: address.value & 0xffffffffn } : address;
}

/** The dotted quad in the low 32 bits, for messages about addresses embedded in IPv6 ones. */
export function formatIpv4(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join('.');
}
