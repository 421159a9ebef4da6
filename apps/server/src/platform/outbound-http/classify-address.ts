import ipaddr from 'ipaddr.js';

/** Why an address may not be reached from the server unless an admin allows it. */
export type BlockedAddressClass =
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'cgnat'
  | 'metadata'
  | 'unspecified'
  | 'multicast'
  | 'broadcast'
  | 'reserved'
  | 'unique-local'
  | 'invalid';

export type AddressClass = 'public' | BlockedAddressClass;

/**
 * Cloud instance-metadata endpoints (AWS/GCP/Azure, AWS ECS, Alibaba, Oracle, AWS over IPv6). They hold
 * credentials, so they get their own class: only an explicit IP/CIDR allow-list entry unlocks them.
 */
const metadataAddresses = ['169.254.169.254', '169.254.170.2', '100.100.100.200', '192.0.0.192', 'fd00:ec2::254'].map((text) =>
  ipaddr.parse(text).toNormalizedString(),
);

const ipv4ClassByRange: Record<string, AddressClass> = {
  unicast: 'public',
  // Globally routed anycast services: public.
  as112: 'public',
  amt: 'public',
  unspecified: 'unspecified',
  broadcast: 'broadcast',
  multicast: 'multicast',
  linkLocal: 'link-local',
  loopback: 'loopback',
  carrierGradeNat: 'cgnat',
  private: 'private',
  reserved: 'reserved',
};

const ipv6ClassByRange: Record<string, AddressClass> = {
  unicast: 'public',
  as112v6: 'public',
  amt: 'public',
  unspecified: 'unspecified',
  linkLocal: 'link-local',
  multicast: 'multicast',
  loopback: 'loopback',
  uniqueLocal: 'unique-local',
  // fec0::/10, deprecated but still routed inside some networks.
  deprecatedSiteLocal: 'private',
};

/** 2000::/3 is the only IPv6 space allocated for global unicast; anything else "unicast" is unallocated. */
const globalUnicast = ipaddr.parseCIDR('2000::/3');

function ipv4FromParts(high: number, low: number): ipaddr.IPv4 {
  return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
}

/** The IPv4 address an IPv6 transition address carries, when that is where the packets really go. */
function embeddedIpv4(address: ipaddr.IPv6): ipaddr.IPv4 | null {
  const parts = address.parts;
  const range = address.range();
  // ::ffff:a.b.c.d (mapped), ::ffff:0:a.b.c.d (RFC 6145), 64:ff9b::a.b.c.d (NAT64 well-known prefix).
  if (range === 'ipv4Mapped' || range === 'rfc6145') return ipv4FromParts(parts[6]!, parts[7]!);
  if (range === 'rfc6052' && parts[1] === 0xff9b && parts[2] === 0) return ipv4FromParts(parts[6]!, parts[7]!);
  // 2002:AABB:CCDD::/48 — 6to4 tunnels to the IPv4 address in bits 16–47.
  if (range === '6to4') return ipv4FromParts(parts[1]!, parts[2]!);
  // 2001:0::/32 — Teredo: the client's IPv4 address is the last 32 bits, inverted.
  if (range === 'teredo') return ipv4FromParts(parts[6]! ^ 0xffff, parts[7]! ^ 0xffff);
  // ::a.b.c.d — the deprecated IPv4-compatible form (not :: and ::1, which have their own ranges).
  if (parts.slice(0, 6).every((part) => part === 0) && (parts[6] !== 0 || parts[7]! > 1)) return ipv4FromParts(parts[6]!, parts[7]!);
  return null;
}

function classifyIpv4(address: ipaddr.IPv4): AddressClass {
  if (metadataAddresses.includes(address.toNormalizedString())) return 'metadata';
  return ipv4ClassByRange[address.range()] ?? 'reserved';
}

function classifyIpv6(address: ipaddr.IPv6): AddressClass {
  if (metadataAddresses.includes(address.toNormalizedString())) return 'metadata';
  const carried = embeddedIpv4(address);
  if (carried) {
    const carriedClass = classifyIpv4(carried);
    // A mapped/compatible address *is* the IPv4 address; a tunnel to a public one is an ordinary route.
    if (carriedClass !== 'public' || address.range() === 'ipv4Mapped' || address.range() === 'rfc6145') return carriedClass;
    return 'public';
  }
  const range = address.range();
  // The NAT64 local-use prefix 64:ff9b:1::/48 embeds addresses at varying offsets: treat as internal.
  if (range === 'rfc6052') return 'reserved';
  const known = ipv6ClassByRange[range];
  if (known === 'public') return address.match(globalUnicast) ? 'public' : 'reserved';
  return known ?? 'reserved';
}

/**
 * Classifies an IP address (text, as DNS or a URL gives it; IPv6 with or without brackets or a zone) as
 * `public` or the reason it must not be reached: loopback, private (RFC 1918, site-local), link-local,
 * CGNAT (100.64/10), cloud metadata, unspecified, multicast, broadcast, reserved/unallocated, IPv6 unique-local
 * (fc00::/7), or `invalid` when it is no address. IPv6 forms that carry an IPv4 address (mapped, compatible,
 * NAT64, 6to4, Teredo) take the class of the IPv4 address they lead to. Pure: no DNS, no traffic.
 */
export function classifyAddress(ip: string): AddressClass {
  const text = ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
  if (!ipaddr.isValid(text)) return 'invalid';
  const address = ipaddr.parse(text);
  return address.kind() === 'ipv4' ? classifyIpv4(address as ipaddr.IPv4) : classifyIpv6(address as ipaddr.IPv6);
}

const descriptions: Record<BlockedAddressClass, string> = {
  loopback: 'a loopback address (this server itself)',
  private: 'a private network address',
  'link-local': 'a link-local address',
  cgnat: 'a carrier-grade NAT address (100.64.0.0/10)',
  metadata: 'a cloud metadata endpoint',
  unspecified: 'an unspecified address',
  multicast: 'a multicast address',
  broadcast: 'the broadcast address',
  reserved: 'a reserved address',
  'unique-local': 'a private IPv6 address (fc00::/7)',
  invalid: 'not a valid address',
};

/** A phrase for messages: "a private network address". */
export function describeAddressClass(addressClass: BlockedAddressClass): string {
  return descriptions[addressClass];
}
