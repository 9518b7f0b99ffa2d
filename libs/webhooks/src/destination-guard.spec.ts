import { DomainError } from '@kz/errors';
import {
  classifyAddress,
  DestinationGuard,
  DestinationRefusedError,
  resolveWithSystemDns,
  type AddressCategory,
  type DestinationRefusalReason,
  type HostResolver,
  type ResolvedAddress,
} from './destination-guard';

const refusalOf = async (attempt: () => unknown): Promise<DestinationRefusedError> => {
  try {
    await attempt();
  } catch (error) {
    if (error instanceof DestinationRefusedError) return error;
    throw error;
  }
  throw new Error('expected the destination to be refused');
};

const answers =
  (...addresses: string[]): HostResolver =>
  async () =>
    addresses.map((address): ResolvedAddress => ({ address, family: address.includes(':') ? 6 : 4 }));

const dnsError = (code: string): HostResolver => {
  return async (hostname) => {
    throw Object.assign(new Error(`getaddrinfo ${code} ${hostname}`), { code });
  };
};

describe('classifyAddress', () => {
  it.each<[string, AddressCategory]>([
    ['8.8.8.8', 'PUBLIC'],
    ['1.1.1.1', 'PUBLIC'],
    ['172.15.255.255', 'PUBLIC'],
    ['172.32.0.0', 'PUBLIC'],
    ['100.63.255.255', 'PUBLIC'],
    ['100.128.0.0', 'PUBLIC'],
    ['192.169.0.1', 'PUBLIC'],
    ['169.253.255.255', 'PUBLIC'],
    ['223.255.255.255', 'PUBLIC'],
    ['2606:4700:4700::1111', 'PUBLIC'],
    ['2a00:1450:4001:82b::200e', 'PUBLIC'],
    ['::ffff:8.8.8.8', 'PUBLIC'],
    ['64:ff9b::8.8.8.8', 'PUBLIC'],

    ['127.0.0.1', 'LOOPBACK'],
    ['127.255.255.254', 'LOOPBACK'],
    ['::1', 'LOOPBACK'],
    ['[::1]', 'LOOPBACK'],
    ['::ffff:127.0.0.1', 'LOOPBACK'],
    ['::ffff:7f00:1', 'LOOPBACK'],
    ['64:ff9b::7f00:1', 'LOOPBACK'],

    ['0.0.0.0', 'UNSPECIFIED_ADDRESS'],
    ['0.1.2.3', 'UNSPECIFIED_ADDRESS'],
    ['::', 'UNSPECIFIED_ADDRESS'],
    ['::ffff:0.0.0.0', 'UNSPECIFIED_ADDRESS'],

    ['10.0.0.1', 'PRIVATE_ADDRESS'],
    ['10.255.255.255', 'PRIVATE_ADDRESS'],
    ['172.16.0.1', 'PRIVATE_ADDRESS'],
    ['172.31.255.255', 'PRIVATE_ADDRESS'],
    ['192.168.1.1', 'PRIVATE_ADDRESS'],
    ['::ffff:10.0.0.1', 'PRIVATE_ADDRESS'],
    ['::ffff:c0a8:101', 'PRIVATE_ADDRESS'],

    ['100.64.0.1', 'SHARED_ADDRESS'],
    ['100.127.255.255', 'SHARED_ADDRESS'],

    ['169.254.0.1', 'LINK_LOCAL_ADDRESS'],
    ['fe80::1', 'LINK_LOCAL_ADDRESS'],
    ['fe80::1%eth0', 'LINK_LOCAL_ADDRESS'],
    ['febf:ffff::1', 'LINK_LOCAL_ADDRESS'],

    ['169.254.169.254', 'METADATA_ADDRESS'],
    ['::ffff:169.254.169.254', 'METADATA_ADDRESS'],
    ['::ffff:a9fe:a9fe', 'METADATA_ADDRESS'],
    ['fd00:ec2::254', 'METADATA_ADDRESS'],
    ['168.63.129.16', 'METADATA_ADDRESS'],
    ['100.100.100.200', 'METADATA_ADDRESS'],

    ['fc00::1', 'UNIQUE_LOCAL_ADDRESS'],
    ['fd12:3456:789a::1', 'UNIQUE_LOCAL_ADDRESS'],

    ['224.0.0.1', 'MULTICAST_ADDRESS'],
    ['239.255.255.250', 'MULTICAST_ADDRESS'],
    ['ff02::1', 'MULTICAST_ADDRESS'],
    ['255.255.255.255', 'BROADCAST_ADDRESS'],

    ['192.0.2.1', 'DOCUMENTATION_ADDRESS'],
    ['198.51.100.7', 'DOCUMENTATION_ADDRESS'],
    ['203.0.113.200', 'DOCUMENTATION_ADDRESS'],
    ['2001:db8::1', 'DOCUMENTATION_ADDRESS'],
    ['3fff::1', 'DOCUMENTATION_ADDRESS'],

    ['192.0.0.8', 'RESERVED_ADDRESS'],
    ['198.18.0.1', 'RESERVED_ADDRESS'],
    ['198.19.255.255', 'RESERVED_ADDRESS'],
    ['192.88.99.1', 'RESERVED_ADDRESS'],
    ['240.0.0.1', 'RESERVED_ADDRESS'],
    ['255.255.255.254', 'RESERVED_ADDRESS'],
    ['::7f00:1', 'RESERVED_ADDRESS'],
    ['::ffff:0:7f00:1', 'RESERVED_ADDRESS'],
    ['64:ff9b:1::1', 'RESERVED_ADDRESS'],
    ['100::1', 'RESERVED_ADDRESS'],
    ['2001::1', 'RESERVED_ADDRESS'],
    ['2002:7f00:1::1', 'RESERVED_ADDRESS'],
    ['fec0::1', 'RESERVED_ADDRESS'],
    ['4000::1', 'RESERVED_ADDRESS'],
    ['5f00::1', 'RESERVED_ADDRESS'],
  ])('%s is %s', (address, category) => {
    expect(classifyAddress(address)).toBe(category);
  });

  it.each(['example.com', '', '1.2.3.256', '010.0.0.1', '2130706433'])('throws on %j, which is not an IP address', (text) => {
    expect(() => classifyAddress(text)).toThrow(TypeError);
  });
});

describe('DestinationGuard.parse', () => {
  const guard = new DestinationGuard();

  it('accepts a public https URL and says where to connect', () => {
    const destination = guard.parse('  https://Hooks.Example.COM./kaizala?token=1  ');
    expect(destination.url.href).toBe('https://hooks.example.com./kaizala?token=1');
    expect(destination.hostname).toBe('hooks.example.com');
    expect(destination.port).toBe(443);
    expect(destination.literalAddress).toBeUndefined();
  });

  it('keeps an explicit port', () => {
    expect(guard.parse('https://hooks.example.com:8443/').port).toBe(8443);
  });

  it('accepts a public IP address', () => {
    expect(guard.parse('https://8.8.8.8/hook').literalAddress).toEqual({ address: '8.8.8.8', family: 4 });
    expect(guard.parse('https://[2606:4700:4700::1111]/hook')).toMatchObject({ hostname: '2606:4700:4700::1111', literalAddress: { family: 6 } });
  });

  it.each<[string, string, DestinationRefusalReason]>([
    ['text that is no URL', 'not a url', 'BAD_URL'],
    ['a relative path', '/webhooks', 'BAD_URL'],
    ['a port out of range', 'https://example.com:70000/', 'BAD_URL'],
    ['a space in the host', 'https://exa mple.com/', 'BAD_URL'],
    ['an overlong URL', `https://example.com/${'a'.repeat(2100)}`, 'BAD_URL'],
    ['plain http', 'http://hooks.example.com/', 'NOT_HTTPS'],
    ['ftp', 'ftp://hooks.example.com/', 'UNSUPPORTED_SCHEME'],
    ['file', 'file:///etc/passwd', 'UNSUPPORTED_SCHEME'],
    ['javascript', 'javascript:alert(1)', 'UNSUPPORTED_SCHEME'],
    ['gopher', 'gopher://127.0.0.1:6379/_INFO', 'UNSUPPORTED_SCHEME'],
    ['a user and password', 'https://user:secret@hooks.example.com/', 'CREDENTIALS_IN_URL'],
    ['a user alone', 'https://user@hooks.example.com/', 'CREDENTIALS_IN_URL'],
    ['localhost', 'https://localhost/hook', 'INTERNAL_HOSTNAME'],
    ['LOCALHOST. with a trailing dot', 'https://LOCALHOST./hook', 'INTERNAL_HOSTNAME'],
    ['a subdomain of localhost', 'https://api.localhost/', 'INTERNAL_HOSTNAME'],
    ['an mDNS name', 'https://printer.local/', 'INTERNAL_HOSTNAME'],
    ["Google's metadata name", 'https://metadata.google.internal/computeMetadata/v1/', 'INTERNAL_HOSTNAME'],
    ['a home network name', 'https://nas.home.arpa/', 'INTERNAL_HOSTNAME'],
    ['a single-label name', 'https://redis:6379/', 'INTERNAL_HOSTNAME'],
    ['the loopback address', 'https://127.0.0.1/', 'LOOPBACK'],
    ['the IPv6 loopback address', 'https://[::1]:8443/', 'LOOPBACK'],
    ['a hexadecimal loopback address', 'https://0x7f.1/', 'LOOPBACK'],
    ['a decimal loopback address', 'https://2130706433/', 'LOOPBACK'],
    ['a short loopback address', 'https://127.1/', 'LOOPBACK'],
    ['an octal loopback address', 'https://0177.0.0.1/', 'LOOPBACK'],
    ['an IPv4-mapped loopback address', 'https://[::ffff:127.0.0.1]/', 'LOOPBACK'],
    ['0.0.0.0', 'https://0.0.0.0:5432/', 'UNSPECIFIED_ADDRESS'],
    ['a bare 0', 'https://0/', 'UNSPECIFIED_ADDRESS'],
    ['a private address', 'https://10.1.2.3/', 'PRIVATE_ADDRESS'],
    ['a hexadecimal private address', 'https://0xc0a80001/', 'PRIVATE_ADDRESS'],
    ['a carrier-grade NAT address', 'https://100.64.0.1/', 'SHARED_ADDRESS'],
    ['the metadata service', 'http://169.254.169.254/latest/meta-data/', 'NOT_HTTPS'],
    ['the metadata service over https', 'https://169.254.169.254/latest/meta-data/', 'METADATA_ADDRESS'],
    ['the metadata service in decimal', 'https://2852039166/', 'METADATA_ADDRESS'],
    ["AWS's IPv6 metadata service", 'https://[fd00:ec2::254]/', 'METADATA_ADDRESS'],
    ['an IPv6 link-local address', 'https://[fe80::1]/', 'LINK_LOCAL_ADDRESS'],
    ['a unique local address', 'https://[fd00::1]/', 'UNIQUE_LOCAL_ADDRESS'],
    ['a multicast address', 'https://224.0.0.251/', 'MULTICAST_ADDRESS'],
    ['the broadcast address', 'https://255.255.255.255/', 'BROADCAST_ADDRESS'],
    ['a documentation address', 'https://192.0.2.10/', 'DOCUMENTATION_ADDRESS'],
  ])('refuses %s', async (_, url, reason) => {
    const refusal = await refusalOf(() => guard.parse(url));
    expect(refusal.reason).toBe(reason);
  });

  it('refuses with a BAD_USER_INPUT domain error naming the field and saying what to do', async () => {
    const refusal = await refusalOf(() => guard.parse('https://10.0.0.7/hook'));
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url', reason: 'PRIVATE_ADDRESS', temporary: false });
    expect(refusal.message).toBe(
      'The address 10.0.0.7 is in a private network range (10/8, 172.16/12 or 192.168/16); webhooks may only be sent to endpoints on the public internet.',
    );
  });

  it('shows the IPv4 address behind an IPv4-mapped one', async () => {
    const refusal = await refusalOf(() => guard.parse('https://[::ffff:169.254.169.254]/'));
    expect(refusal.message).toContain("::ffff:a9fe:a9fe (IPv4 169.254.169.254) is a cloud provider's instance metadata service");
  });

  it('names the field the caller asks for', async () => {
    const refusal = await refusalOf(() => new DestinationGuard({ field: 'endpointUrl' }).parse('https://localhost/'));
    expect(refusal.field).toBe('endpointUrl');
  });

  it('accepts http:// when the policy allows it, for development and tests', () => {
    expect(new DestinationGuard({ allowInsecureHttp: true }).parse('http://hooks.example.com/').port).toBe(80);
  });

  it('still refuses other schemes when http:// is allowed', async () => {
    expect((await refusalOf(() => new DestinationGuard({ allowInsecureHttp: true }).parse('ws://hooks.example.com/'))).reason).toBe('UNSUPPORTED_SCHEME');
  });
});

describe('allow-lists', () => {
  const testGuard = new DestinationGuard({ allowInsecureHttp: true, allowedCidrs: ['127.0.0.1/32', 'fd00:1234::/32'], allowedHostnames: ['receiver'] });

  it('let a configured range through, however it is spelt', () => {
    expect(testGuard.parse('http://127.0.0.1:3000/hook').port).toBe(3000);
    expect(testGuard.parse('http://[::ffff:127.0.0.1]:3000/hook').hostname).toBe('::ffff:7f00:1');
    expect(testGuard.parse('http://2130706433:3000/hook').hostname).toBe('127.0.0.1');
    expect(testGuard.parse('http://[fd00:1234::5]/').hostname).toBe('fd00:1234::5');
  });

  it('let nothing else through', async () => {
    expect((await refusalOf(() => testGuard.parse('http://127.0.0.2/'))).reason).toBe('LOOPBACK');
    expect((await refusalOf(() => testGuard.parse('http://[::1]/'))).reason).toBe('LOOPBACK');
    expect((await refusalOf(() => testGuard.parse('http://[fd00:1235::5]/'))).reason).toBe('UNIQUE_LOCAL_ADDRESS');
    expect((await refusalOf(() => testGuard.parse('http://localhost/'))).reason).toBe('INTERNAL_HOSTNAME');
  });

  it('exempt a configured host name from the name rule but not its addresses from the address rules', async () => {
    const guard = new DestinationGuard({ allowedHostnames: ['Receiver.'], resolve: answers('172.18.0.5') });
    expect(guard.parse('https://receiver/hook').hostname).toBe('receiver');
    expect((await refusalOf(() => guard.resolve('https://receiver/hook'))).reason).toBe('PRIVATE_ADDRESS');
  });

  it('refuse malformed ranges when the guard is built, not when a delivery is due', () => {
    expect(() => new DestinationGuard({ allowedCidrs: ['127.0.0.1/33'] })).toThrow(RangeError);
    expect(() => new DestinationGuard({ allowedCidrs: ['localhost'] })).toThrow(RangeError);
  });
});

describe('DestinationGuard.resolve', () => {
  it('returns every address of a public host, once each, to connect to', async () => {
    const resolver = jest.fn(answers('93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c', '93.184.215.14'));
    const destination = await new DestinationGuard({ resolve: resolver }).resolve('https://Hooks.Example.com./events');
    expect(resolver).toHaveBeenCalledWith('hooks.example.com');
    expect(destination.addresses).toEqual([
      { address: '93.184.215.14', family: 4 },
      { address: '2606:2800:21f:cb07:6820:80da:af6b:8b2c', family: 6 },
    ]);
    expect(destination).toMatchObject({ hostname: 'hooks.example.com', port: 443 });
  });

  it('refuses a host if any one of its addresses is blocked', async () => {
    const guard = new DestinationGuard({ resolve: answers('93.184.215.14', '10.0.0.5') });
    const refusal = await refusalOf(() => guard.resolve('https://rebind.example.com/'));
    expect(refusal.reason).toBe('PRIVATE_ADDRESS');
    expect(refusal.message).toBe(
      '"rebind.example.com" resolves to 10.0.0.5, which is in a private network range (10/8, 172.16/12 or 192.168/16); webhooks may only be sent to endpoints on the public internet.',
    );
  });

  it.each<[string, DestinationRefusalReason]>([
    ['127.0.0.1', 'LOOPBACK'],
    ['::1', 'LOOPBACK'],
    ['::ffff:127.0.0.1', 'LOOPBACK'],
    ['169.254.169.254', 'METADATA_ADDRESS'],
    ['fd00:ec2::254', 'METADATA_ADDRESS'],
    ['fe80::1%eth0', 'LINK_LOCAL_ADDRESS'],
    ['0.0.0.0', 'UNSPECIFIED_ADDRESS'],
  ])('refuses a public-looking name that resolves to %s', async (address, reason) => {
    const refusal = await refusalOf(() => new DestinationGuard({ resolve: answers(address) }).resolve('https://innocent.example.com/'));
    expect(refusal.reason).toBe(reason);
  });

  it('lets resolved addresses in the allow-list through', async () => {
    const guard = new DestinationGuard({ allowedCidrs: ['127.0.0.1/32'], allowedHostnames: ['localhost'], resolve: answers('127.0.0.1') });
    expect((await guard.resolve('https://localhost:3000/')).addresses).toEqual([{ address: '127.0.0.1', family: 4 }]);
  });

  it('does not ask DNS about an IP address', async () => {
    const resolver = jest.fn(answers('10.0.0.1'));
    const destination = await new DestinationGuard({ resolve: resolver }).resolve('https://8.8.4.4/hook');
    expect(destination.addresses).toEqual([{ address: '8.8.4.4', family: 4 }]);
    expect(resolver).not.toHaveBeenCalled();
  });

  it('refuses before DNS what the URL alone shows to be wrong', async () => {
    const resolver = jest.fn(answers('8.8.8.8'));
    expect((await refusalOf(() => new DestinationGuard({ resolve: resolver }).resolve('https://localhost/'))).reason).toBe('INTERNAL_HOSTNAME');
    expect(resolver).not.toHaveBeenCalled();
  });

  it('calls a name that does not exist UNRESOLVABLE, for good', async () => {
    const refusal = await refusalOf(() => new DestinationGuard({ resolve: dnsError('ENOTFOUND') }).resolve('https://nxdomain.example.com/'));
    expect(refusal).toMatchObject({ reason: 'UNRESOLVABLE', temporary: false, code: 'BAD_USER_INPUT' });
    expect(refusal.message).toBe('The domain name "nxdomain.example.com" does not resolve to any address; check its spelling and its DNS records.');
    expect(refusal.cause).toMatchObject({ code: 'ENOTFOUND' });
  });

  it('calls a DNS failure that may pass UNRESOLVABLE, for now', async () => {
    const refusal = await refusalOf(() => new DestinationGuard({ resolve: dnsError('EAI_AGAIN') }).resolve('https://flaky.example.com/'));
    expect(refusal).toMatchObject({ reason: 'UNRESOLVABLE', temporary: true });
    expect(refusal.message).toContain('EAI_AGAIN');
  });

  it('calls an empty or nonsensical answer UNRESOLVABLE', async () => {
    expect((await refusalOf(() => new DestinationGuard({ resolve: answers() }).resolve('https://empty.example.com/'))).reason).toBe('UNRESOLVABLE');
    expect((await refusalOf(() => new DestinationGuard({ resolve: answers('not-an-ip') }).resolve('https://odd.example.com/'))).reason).toBe('UNRESOLVABLE');
  });

  it('resolves with the system resolver by default', async () => {
    // localhost comes from the hosts file, so this needs no network; the allow-list exempts only the name.
    const refusal = await refusalOf(() => new DestinationGuard({ allowedHostnames: ['localhost'] }).resolve('https://localhost/'));
    expect(refusal.reason).toBe('LOOPBACK');
    const addresses = await resolveWithSystemDns('localhost');
    expect(addresses.length).toBeGreaterThan(0);
    for (const { address, family } of addresses) expect(address.includes(':') ? 6 : 4).toBe(family);
  });
});
