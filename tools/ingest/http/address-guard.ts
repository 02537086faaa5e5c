// Which IP addresses intake may connect to. A feed URL, a redirect or a DNS answer is chosen by someone outside, so
// without this rule a hostile outlet could make the importer read the cloud metadata service, the router or a
// service on the build machine. Only public unicast addresses pass; loopback passes only behind the testing switch.
import { BlockList, isIP, isIPv4 } from 'node:net';

/** Private, shared, loopback, link-local, multicast and reserved IPv4 ranges: never a news site. */
const PRIVATE_IPV4: readonly (readonly [string, number])[] = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT, shared between customers of one provider
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, where cloud metadata services answer (169.254.169.254)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments, never a public server
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking networks, used inside data centres
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and 255.255.255.255 broadcast
];

/** IPv6 ranges refused outright; the ranges that embed an IPv4 address are checked by that address instead. */
const PRIVATE_IPV6: readonly (readonly [string, number])[] = [
  ['::', 96], // unspecified (::), loopback (::1) and the deprecated IPv4-compatible form
  ['64:ff9b:1::', 48], // NAT64 for a local network only
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local, deprecated but still routed by some networks
  ['ff00::', 8], // multicast
];

const privateIpv4 = new BlockList();
for (const [network, prefix] of PRIVATE_IPV4) privateIpv4.addSubnet(network, prefix, 'ipv4');
const privateIpv6 = new BlockList();
for (const [network, prefix] of PRIVATE_IPV6) privateIpv6.addSubnet(network, prefix, 'ipv6');
const loopbackIpv4 = new BlockList();
loopbackIpv4.addSubnet('127.0.0.0', 8, 'ipv4');

/** Options of the guard. */
export interface AddressGuardOptions {
  /** Lets 127.0.0.0/8 and ::1 through (and nothing else private): the testing switch. */
  readonly allowLoopback: boolean;
}

/**
 * Whether intake may connect to this IP address. Anything that is not a valid IP address is refused, so a caller
 * cannot slip a host name past the check. An IPv4-mapped IPv6 address (`::ffff:10.0.0.1`) is judged as the IPv4
 * address it stands for; NAT64 (`64:ff9b::/96`) and 6to4 (`2002::/16`) addresses are refused when the IPv4 address
 * they carry is private.
 */
export function addressAllowed(address: string, options: AddressGuardOptions): boolean {
  const plain = withoutZone(withoutBrackets(address));
  const family = isIP(plain);
  if (family === 4) return ipv4Allowed(plain, options.allowLoopback);
  if (family !== 6) return false;
  const bytes = ipv6Bytes(plain);
  if (bytes === undefined) return false;
  if (startsWith(bytes, IPV4_MAPPED)) return ipv4Allowed(ipv4At(bytes, 12), options.allowLoopback);
  // ::1 is checked before the ranges because ::/96 contains it.
  if (options.allowLoopback && bytes.every((byte, index) => byte === (index === 15 ? 1 : 0))) return true;
  if (privateIpv6.check(plain, 'ipv6')) return false;
  // A translated address reaches the IPv4 address it carries, from a gateway that is not this machine: loopback
  // there is not our loopback, so it stays refused even behind the testing switch.
  if (startsWith(bytes, NAT64)) return ipv4Allowed(ipv4At(bytes, 12), false);
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return ipv4Allowed(ipv4At(bytes, 2), false);
  return true;
}

/** The host part of a URL without the brackets around an IPv6 address (`[::1]` → `::1`). */
export function withoutBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

function withoutZone(address: string): string {
  const percent = address.indexOf('%');
  return percent === -1 ? address : address.slice(0, percent);
}

function ipv4Allowed(address: string, allowLoopback: boolean): boolean {
  if (allowLoopback && loopbackIpv4.check(address, 'ipv4')) return true;
  return !privateIpv4.check(address, 'ipv4');
}

/** `::ffff:0:0/96`. */
const IPV4_MAPPED = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff] as const;
/** `64:ff9b::/96`, the well-known NAT64 prefix. */
const NAT64 = [0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0] as const;

function startsWith(bytes: readonly number[], prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function ipv4At(bytes: readonly number[], offset: number): string {
  return bytes.slice(offset, offset + 4).join('.');
}

/**
 * The 16 bytes of a valid IPv6 address (already checked with `isIP`). Written out here because Node offers no
 * parser, and the embedded IPv4 address of a mapped or translated address has to be read from the bytes: the text
 * can spell it either `::ffff:10.0.0.1` or `::ffff:a00:1`.
 */
function ipv6Bytes(address: string): number[] | undefined {
  let text = address.toLowerCase();
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  if (isIPv4(tail)) {
    // A dotted tail is the last two groups.
    const [a = 0, b = 0, c = 0, d = 0] = tail.split('.').map(Number);
    text = `${text.slice(0, lastColon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groupsOf = (half: string | undefined) => (half === undefined || half === '' ? [] : half.split(':'));
  const head = groupsOf(halves[0]);
  const rest = groupsOf(halves[1]);
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 1 ? 0 : missing).fill('0'), ...rest];
  const bytes: number[] = [];
  for (const group of groups) {
    const value = Number.parseInt(group, 16);
    if (!/^[0-9a-f]{1,4}$/.test(group) || Number.isNaN(value)) return undefined;
    bytes.push(value >> 8, value & 0xff);
  }
  return bytes;
}
