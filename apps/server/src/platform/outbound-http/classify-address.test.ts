import { describe, expect, it } from 'vitest';
import { classifyAddress, type AddressClass } from './classify-address.js';

// Addresses as data: nothing here sends a packet.
const table: Array<[address: string, expected: AddressClass]> = [
  // Public
  ['93.184.216.34', 'public'],
  ['8.8.8.8', 'public'],
  ['1.1.1.1', 'public'],
  ['192.175.48.1', 'public'], // AS112 anycast
  ['2606:4700:4700::1111', 'public'],
  ['2a00:1450:4001:81c::200e', 'public'],
  ['[2606:4700:4700::1111]', 'public'],
  // Loopback
  ['127.0.0.1', 'loopback'],
  ['127.255.255.254', 'loopback'],
  ['::1', 'loopback'],
  ['[::1]', 'loopback'],
  ['0:0:0:0:0:0:0:1', 'loopback'],
  // Private (RFC 1918) and site-local
  ['10.0.0.1', 'private'],
  ['172.16.0.1', 'private'],
  ['172.31.255.255', 'private'],
  ['192.168.1.1', 'private'],
  ['fec0::1', 'private'],
  ['172.32.0.1', 'public'], // just outside 172.16/12
  // Link-local
  ['169.254.1.1', 'link-local'],
  ['fe80::1', 'link-local'],
  ['fe80::1%eth0', 'link-local'],
  ['febf::1', 'link-local'],
  // CGNAT
  ['100.64.0.1', 'cgnat'],
  ['100.127.255.255', 'cgnat'],
  ['100.128.0.1', 'public'],
  // Cloud metadata
  ['169.254.169.254', 'metadata'],
  ['169.254.170.2', 'metadata'],
  ['100.100.100.200', 'metadata'],
  ['fd00:ec2::254', 'metadata'],
  ['::ffff:169.254.169.254', 'metadata'],
  // Unspecified, multicast, broadcast
  ['0.0.0.0', 'unspecified'],
  ['0.1.2.3', 'unspecified'],
  ['::', 'unspecified'],
  ['224.0.0.1', 'multicast'],
  ['239.255.255.250', 'multicast'],
  ['ff02::1', 'multicast'],
  ['255.255.255.255', 'broadcast'],
  // Reserved, documentation, benchmarking, unallocated IPv6
  ['192.0.2.1', 'reserved'],
  ['198.51.100.7', 'reserved'],
  ['203.0.113.9', 'reserved'],
  ['198.18.0.1', 'reserved'],
  ['240.0.0.1', 'reserved'],
  ['2001:db8::1', 'reserved'],
  ['2001:2::1', 'reserved'],
  ['100::1', 'reserved'], // discard prefix
  ['4000::1', 'reserved'], // outside 2000::/3
  ['64:ff9b:1::a00:1', 'reserved'], // NAT64 local use
  // Unique local
  ['fc00::1', 'unique-local'],
  ['fd12:3456:789a::1', 'unique-local'],
  // IPv4-mapped and compatible IPv6
  ['::ffff:127.0.0.1', 'loopback'],
  ['::ffff:7f00:1', 'loopback'],
  ['[::ffff:10.0.0.1]', 'private'],
  ['::ffff:192.168.0.1', 'private'],
  ['::ffff:0:10.1.2.3', 'private'], // RFC 6145 translated
  ['::ffff:8.8.8.8', 'public'],
  ['::127.0.0.1', 'loopback'], // IPv4-compatible (deprecated)
  ['::10.0.0.1', 'private'],
  // NAT64, 6to4 and Teredo carrying a private IPv4 address
  ['64:ff9b::7f00:1', 'loopback'],
  ['64:ff9b::a9fe:a9fe', 'metadata'],
  ['64:ff9b::808:808', 'public'],
  ['2002:7f00:1::1', 'loopback'],
  ['2002:c0a8:101::1', 'private'],
  ['2002:a9fe:a9fe::1', 'metadata'],
  ['2002:808:808::1', 'public'],
  ['2001:0:4136:e378:8000:63bf:80ff:fffe', 'loopback'], // Teredo client 127.0.0.1 (inverted)
  ['2001:0:4136:e378:8000:63bf:f5ff:fffe', 'private'], // Teredo client 10.0.0.1
  // Not addresses
  ['localhost', 'invalid'],
  ['example.com', 'invalid'],
  ['', 'invalid'],
  ['1.2.3.4.5', 'invalid'],
  ['::g', 'invalid'],
];

describe('classifyAddress', () => {
  it.each(table)('classifies %s as %s', (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });

  it('follows a Teredo address to the client IPv4 it carries (inverted bits)', () => {
    // 0x3fff ^ 0xffff = 0xc000, 0xfdd2 ^ 0xffff = 0x022d → 192.0.2.45 (documentation range).
    expect(classifyAddress('2001:0:4136:e378:8000:63bf:3fff:fdd2')).toBe('reserved');
    // 0xf7f7 ^ 0xffff = 0x0808 twice → 8.8.8.8
    expect(classifyAddress('2001:0:4136:e378:8000:63bf:f7f7:f7f7')).toBe('public');
  });
});
