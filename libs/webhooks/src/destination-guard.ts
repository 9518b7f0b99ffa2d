import { promises as dns } from 'node:dns';
import { DomainError } from '@kz/errors';
import { cidrContains, formatIpv4, parseCidr, parseIpAddress, unmapIpv4, type CidrRange, type IpAddress } from './ip-address';

/**
 * Server-side request forgery protection for webhook endpoints. A partner chooses the URL our servers will POST to, so
 * without these checks a URL could make us call our own databases, admin ports or the cloud's metadata service.
 *
 * Checking the URL's text is not enough: a public-looking name can resolve to 127.0.0.1, and its DNS answer can change
 * between our check and our connection. So {@link DestinationGuard.resolve} resolves the name once, refuses if any
 * address is blocked, and returns the addresses: the deliverer must connect to one of those (pin it, for example with
 * the `lookup` option of the HTTP client) and send the original host name for TLS and the Host header.
 */

/** What an address is, as far as reaching it from our servers is concerned. */
export type AddressCategory =
  | 'PUBLIC'
  | 'LOOPBACK'
  | 'UNSPECIFIED_ADDRESS'
  | 'PRIVATE_ADDRESS'
  | 'SHARED_ADDRESS'
  | 'LINK_LOCAL_ADDRESS'
  | 'METADATA_ADDRESS'
  | 'UNIQUE_LOCAL_ADDRESS'
  | 'MULTICAST_ADDRESS'
  | 'BROADCAST_ADDRESS'
  | 'DOCUMENTATION_ADDRESS'
  | 'RESERVED_ADDRESS';

export type BlockedAddressCategory = Exclude<AddressCategory, 'PUBLIC'>;

/** Stable reasons a destination is refused; callers and clients may branch on them. */
export type DestinationRefusalReason =
  'BAD_URL' | 'UNSUPPORTED_SCHEME' | 'NOT_HTTPS' | 'CREDENTIALS_IN_URL' | 'INTERNAL_HOSTNAME' | 'UNRESOLVABLE' | BlockedAddressCategory;

export class DestinationRefusedError extends DomainError {
  constructor(
    readonly reason: DestinationRefusalReason,
    message: string,
    field: string,
    /** For UNRESOLVABLE: the DNS failure may pass (a timeout, a server failure), so a delivery may be tried again later. */
    readonly temporary = false,
    options?: { cause?: unknown },
  ) {
    super('BAD_USER_INPUT', message, field);
    this.name = 'DestinationRefusedError';
    if (options && 'cause' in options) this.cause = options.cause;
  }
}

type RangeTable = ReadonlyArray<readonly [CidrRange, BlockedAddressCategory]>;
const table = (entries: ReadonlyArray<readonly [string, BlockedAddressCategory]>): RangeTable =>
  entries.map(([cidr, category]) => [parseCidr(cidr), category] as const);

// First match wins, so single addresses come before the ranges that contain them.
const IPV4_RANGES = table([
  ['169.254.169.254/32', 'METADATA_ADDRESS'], // AWS, GCP, Azure, OpenStack, DigitalOcean…
  ['168.63.129.16/32', 'METADATA_ADDRESS'], // Azure's platform endpoint (DHCP, DNS, health), inside public space
  ['100.100.100.200/32', 'METADATA_ADDRESS'], // Alibaba Cloud
  ['0.0.0.0/8', 'UNSPECIFIED_ADDRESS'], // "this network": Linux connects 0.0.0.0 to the local host
  ['10.0.0.0/8', 'PRIVATE_ADDRESS'],
  ['172.16.0.0/12', 'PRIVATE_ADDRESS'],
  ['192.168.0.0/16', 'PRIVATE_ADDRESS'],
  ['100.64.0.0/10', 'SHARED_ADDRESS'], // carrier-grade NAT (RFC 6598), used inside some clouds and VPNs
  ['127.0.0.0/8', 'LOOPBACK'],
  ['169.254.0.0/16', 'LINK_LOCAL_ADDRESS'],
  ['192.0.0.0/24', 'RESERVED_ADDRESS'], // IETF protocol assignments
  ['192.0.2.0/24', 'DOCUMENTATION_ADDRESS'],
  ['198.51.100.0/24', 'DOCUMENTATION_ADDRESS'],
  ['203.0.113.0/24', 'DOCUMENTATION_ADDRESS'],
  ['192.88.99.0/24', 'RESERVED_ADDRESS'], // former 6to4 relay anycast
  ['198.18.0.0/15', 'RESERVED_ADDRESS'], // benchmarking
  ['224.0.0.0/4', 'MULTICAST_ADDRESS'],
  ['255.255.255.255/32', 'BROADCAST_ADDRESS'],
  ['240.0.0.0/4', 'RESERVED_ADDRESS'],
]);

const IPV6_RANGES = table([
  ['::/128', 'UNSPECIFIED_ADDRESS'],
  ['::1/128', 'LOOPBACK'],
  ['fd00:ec2::254/128', 'METADATA_ADDRESS'], // AWS's IPv6 metadata endpoint
  ['::/96', 'RESERVED_ADDRESS'], // deprecated IPv4-compatible addresses
  ['64:ff9b:1::/48', 'RESERVED_ADDRESS'], // local-use NAT64
  ['100::/64', 'RESERVED_ADDRESS'], // discard-only
  ['2001:db8::/32', 'DOCUMENTATION_ADDRESS'],
  ['2001::/23', 'RESERVED_ADDRESS'], // IETF protocol assignments, Teredo (which hides an IPv4 address) among them
  ['2002::/16', 'RESERVED_ADDRESS'], // 6to4: the IPv4 address inside could be anything, and real endpoints no longer use it
  ['3fff::/20', 'DOCUMENTATION_ADDRESS'],
  ['fc00::/7', 'UNIQUE_LOCAL_ADDRESS'],
  ['fe80::/10', 'LINK_LOCAL_ADDRESS'],
  ['fec0::/10', 'RESERVED_ADDRESS'], // deprecated site-local
  ['ff00::/8', 'MULTICAST_ADDRESS'],
]);

// Only 2000::/3 is allocated for global unicast; anything else that got past the table is unallocated.
const IPV6_GLOBAL_UNICAST = parseCidr('2000::/3');
// DNS64 networks answer with addresses in this prefix; the gateway connects to the IPv4 address in the low 32 bits.
const NAT64 = parseCidr('64:ff9b::/96');

function categoryOf(address: IpAddress): AddressCategory {
  if (address.version === 6 && cidrContains(NAT64, address)) {
    return categoryOf({ version: 4, value: address.value & 0xffffffffn });
  }
  const ranges = address.version === 4 ? IPV4_RANGES : IPV6_RANGES;
  const match = ranges.find(([range]) => cidrContains(range, address));
  if (match) return match[1];
  if (address.version === 6 && !cidrContains(IPV6_GLOBAL_UNICAST, address)) return 'RESERVED_ADDRESS';
  return 'PUBLIC';
}

/**
 * Classifies a textual IP address (IPv4 dotted quad or IPv6, optionally bracketed). IPv4-mapped IPv6 addresses are
 * judged as the IPv4 address they map to. Throws a TypeError if the text is not an IP address.
 */
export function classifyAddress(text: string): AddressCategory {
  const address = parseIpAddress(text);
  if (!address) throw new TypeError(`"${text}" is not an IP address.`);
  return categoryOf(unmapIpv4(address));
}

const ADDRESS_DESCRIPTIONS: Record<BlockedAddressCategory, string> = {
  LOOPBACK: 'a loopback address, which means this server itself',
  UNSPECIFIED_ADDRESS: 'an unspecified ("this network") address, which reaches this server itself',
  PRIVATE_ADDRESS: 'in a private network range (10/8, 172.16/12 or 192.168/16)',
  SHARED_ADDRESS: 'in the carrier-grade NAT range 100.64.0.0/10, which is not on the public internet',
  LINK_LOCAL_ADDRESS: 'a link-local address, which only reaches machines on the same network segment',
  METADATA_ADDRESS: "a cloud provider's instance metadata service",
  UNIQUE_LOCAL_ADDRESS: 'an IPv6 unique local address (fc00::/7), which belongs to a private network',
  MULTICAST_ADDRESS: 'a multicast address',
  BROADCAST_ADDRESS: 'the broadcast address',
  DOCUMENTATION_ADDRESS: 'reserved for documentation and examples',
  RESERVED_ADDRESS: 'reserved and not routable on the public internet',
};

// Names that by convention mean this machine or a private network; resolving them would only tell us what we already know.
const INTERNAL_NAME_SUFFIXES = ['localhost', 'localdomain', 'local', 'internal', 'intranet', 'lan', 'home.arpa', 'ip6-localhost', 'ip6-loopback'];

/** Longer URLs are not endpoints anyone types, and would bloat every delivery log. */
const MAX_URL_LENGTH = 2048;

export interface ResolvedAddress {
  readonly address: string;
  readonly family: 4 | 6;
}

/** Resolves a host name to every address it has; injectable so tests need no DNS. */
export type HostResolver = (hostname: string) => Promise<readonly ResolvedAddress[]>;

export const resolveWithSystemDns: HostResolver = async (hostname) => {
  const answers = await dns.lookup(hostname, { all: true });
  return answers.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
};

export interface DestinationPolicy {
  /** Accept http:// URLs. For development and tests only: events then travel unencrypted. */
  readonly allowInsecureHttp?: boolean;
  /** CIDR ranges allowed even though they are blocked (e.g. "127.0.0.1/32" for a test receiver). Checked before the block list. */
  readonly allowedCidrs?: readonly string[];
  /** Host names exempt from the internal-name rule (e.g. a receiver container's name); their addresses are still checked. */
  readonly allowedHostnames?: readonly string[];
  /** The input field refusals name; "url" unless the caller's form calls it something else. */
  readonly field?: string;
  readonly resolve?: HostResolver;
}

export interface ParsedDestination {
  readonly url: URL;
  /** The host without brackets or trailing dot, lower case: what to resolve and to send as TLS server name. */
  readonly hostname: string;
  readonly port: number;
  /** Set when the URL names an IP address rather than a host name. */
  readonly literalAddress?: ResolvedAddress;
}

export interface CheckedDestination extends ParsedDestination {
  /** Every address the host resolved to, all of them allowed; connect only to these. */
  readonly addresses: readonly ResolvedAddress[];
}

const TEMPORARY_DNS_ERRORS = new Set(['EAI_AGAIN', 'ETIMEOUT', 'ESERVFAIL', 'ECONNREFUSED']);

const errorCodeOf = (error: unknown): string | undefined =>
  error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;

export class DestinationGuard {
  private readonly allowedRanges: readonly CidrRange[];
  private readonly allowedHostnames: ReadonlySet<string>;
  private readonly field: string;
  private readonly resolver: HostResolver;

  constructor(private readonly policy: DestinationPolicy = {}) {
    this.allowedRanges = (policy.allowedCidrs ?? []).map(parseCidr);
    this.allowedHostnames = new Set((policy.allowedHostnames ?? []).map((name) => name.toLowerCase().replace(/\.$/, '')));
    this.field = policy.field ?? 'url';
    this.resolver = policy.resolve ?? resolveWithSystemDns;
  }

  /**
   * Checks what can be checked without DNS: syntax, scheme, credentials, internal host names, and the address itself
   * when the URL names one. Use it to refuse a bad endpoint at once; {@link resolve} before every delivery.
   */
  parse(input: string): ParsedDestination {
    const text = input.trim();
    if (text.length > MAX_URL_LENGTH) {
      throw this.refuse('BAD_URL', `The URL is longer than ${MAX_URL_LENGTH} characters; use a shorter endpoint address.`);
    }
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw this.refuse('BAD_URL', 'This is not a valid URL: give the full address of your endpoint, such as https://hooks.example.com/events.');
    }
    if (url.protocol === 'http:' && !this.policy.allowInsecureHttp) {
      throw this.refuse('NOT_HTTPS', 'The URL must start with https:// so that events are encrypted on their way to you; plain http:// is not accepted.');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw this.refuse('UNSUPPORTED_SCHEME', `Webhooks are sent over HTTPS, so the URL must start with https:// (not ${url.protocol}//).`);
    }
    if (url.username !== '' || url.password !== '') {
      throw this.refuse(
        'CREDENTIALS_IN_URL',
        'Remove the user name and password from the URL: deliveries are authenticated by their signature, and credentials in a URL end up in logs.',
      );
    }
    const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
    const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
    const literal = parseIpAddress(hostname);
    if (literal) {
      const literalAddress: ResolvedAddress = { address: hostname, family: literal.version };
      this.assertAllowed(literalAddress.address);
      return { url, hostname, port, literalAddress };
    }
    if (this.isInternalName(hostname)) {
      throw this.refuse(
        'INTERNAL_HOSTNAME',
        `"${hostname}" names a machine on a private network, which webhooks may not reach; use your endpoint's public domain name (such as hooks.example.com).`,
      );
    }
    return { url, hostname, port };
  }

  /**
   * Parses the URL, resolves its host and refuses it if any address is blocked: a name with one public and one private
   * address would otherwise reach the private one whenever the client happened to pick it.
   */
  async resolve(input: string): Promise<CheckedDestination> {
    const parsed = this.parse(input);
    if (parsed.literalAddress) return { ...parsed, addresses: [parsed.literalAddress] };
    let answers: readonly ResolvedAddress[];
    try {
      answers = await this.resolver(parsed.hostname);
    } catch (error) {
      const code = errorCodeOf(error);
      const temporary = code !== undefined && TEMPORARY_DNS_ERRORS.has(code);
      throw this.refuse(
        'UNRESOLVABLE',
        temporary
          ? `The domain name "${parsed.hostname}" could not be resolved right now (${code}); delivery will be tried again later.`
          : `The domain name "${parsed.hostname}" does not resolve to any address; check its spelling and its DNS records.`,
        { temporary, cause: error },
      );
    }
    if (answers.length === 0) {
      throw this.refuse('UNRESOLVABLE', `The domain name "${parsed.hostname}" does not resolve to any address; check its spelling and its DNS records.`);
    }
    const addresses = new Map<string, ResolvedAddress>();
    for (const answer of answers) {
      this.assertAllowed(answer.address, parsed.hostname);
      addresses.set(answer.address, answer);
    }
    return { ...parsed, addresses: [...addresses.values()] };
  }

  /** Throws a DestinationRefusedError unless the address is public or in the configured allow-list. */
  assertAllowed(addressText: string, resolvedFrom?: string): void {
    const address = parseIpAddress(addressText);
    if (!address) {
      throw this.refuse('UNRESOLVABLE', `"${resolvedFrom ?? addressText}" resolved to "${addressText}", which is not an IP address.`);
    }
    const unmapped = unmapIpv4(address);
    if (this.allowedRanges.some((range) => cidrContains(range, address) || cidrContains(range, unmapped))) return;
    const category = categoryOf(unmapped);
    if (category === 'PUBLIC') return;
    const shown = unmapped === address ? addressText : `${addressText} (IPv4 ${formatIpv4(unmapped.value)})`;
    const subject = resolvedFrom ? `"${resolvedFrom}" resolves to ${shown}, which is` : `The address ${shown} is`;
    throw this.refuse(category, `${subject} ${ADDRESS_DESCRIPTIONS[category]}; webhooks may only be sent to endpoints on the public internet.`);
  }

  private isInternalName(hostname: string): boolean {
    if (this.allowedHostnames.has(hostname)) return false;
    // A single-label name is completed with the server's DNS search domains, i.e. looked up inside our own network.
    if (!hostname.includes('.')) return true;
    return INTERNAL_NAME_SUFFIXES.some((suffix) => hostname === suffix || hostname.endsWith(`.${suffix}`));
  }

  private refuse(reason: DestinationRefusalReason, message: string, details: { temporary?: boolean; cause?: unknown } = {}) {
    const options = 'cause' in details ? { cause: details.cause } : undefined;
    return new DestinationRefusedError(reason, message, this.field, details.temporary ?? false, options);
  }
}
