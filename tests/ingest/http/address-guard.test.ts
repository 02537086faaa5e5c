// The address guard on its own: which addresses intake may connect to, with and without the loopback switch.
import { describe, expect, it } from 'vitest';
import { addressAllowed } from '../../../tools/ingest/http/address-guard';
import { guardedLookup } from '../../../tools/ingest/http/connector';

/** Address, allowed without the switch, allowed with it. */
const TABLE: readonly (readonly [string, boolean, boolean])[] = [
  // Public addresses pass either way.
  ['93.184.215.14', true, true],
  ['8.8.8.8', true, true],
  ['1.1.1.1', true, true],
  ['2606:4700:4700::1111', true, true],
  ['2001:db8::1', true, true],
  ['::ffff:8.8.8.8', true, true],
  ['64:ff9b::8.8.8.8', true, true],
  ['2002:808:808::1', true, true],
  ['[2606:4700:4700::1111]', true, true],
  // IPv4 private and special ranges, at their edges.
  ['0.0.0.0', false, false],
  ['0.255.255.255', false, false],
  ['10.0.0.1', false, false],
  ['10.255.255.255', false, false],
  ['100.64.0.1', false, false],
  ['100.127.255.255', false, false],
  ['100.128.0.1', true, true],
  ['127.0.0.1', false, true],
  ['127.255.255.254', false, true],
  ['169.254.169.254', false, false],
  ['172.15.255.255', true, true],
  ['172.16.0.1', false, false],
  ['172.31.255.255', false, false],
  ['172.32.0.1', true, true],
  ['192.168.1.1', false, false],
  ['192.0.0.170', false, false],
  ['198.18.0.1', false, false],
  ['224.0.0.1', false, false],
  ['239.255.255.250', false, false],
  ['240.0.0.1', false, false],
  ['255.255.255.255', false, false],
  // IPv6.
  ['::', false, false],
  ['::1', false, true],
  ['[::1]', false, true],
  ['0:0:0:0:0:0:0:1', false, true],
  ['::127.0.0.1', false, false],
  ['fc00::1', false, false],
  ['fd12:3456:789a::1', false, false],
  ['fe80::1', false, false],
  ['fe80::1%eth0', false, false],
  ['febf::1', false, false],
  ['fec0::1', false, false],
  ['ff02::1', false, false],
  // IPv4-mapped: judged as the IPv4 address, in either spelling.
  ['::ffff:10.0.0.1', false, false],
  ['::ffff:a00:1', false, false],
  ['::ffff:169.254.169.254', false, false],
  ['::ffff:127.0.0.1', false, true],
  ['0:0:0:0:0:ffff:c0a8:101', false, false],
  // NAT64 and 6to4 of private addresses; their loopback is the gateway's, never ours.
  ['64:ff9b::10.0.0.1', false, false],
  ['64:ff9b::a9fe:a9fe', false, false],
  ['64:ff9b::127.0.0.1', false, false],
  ['64:ff9b:1::8.8.8.8', false, false],
  ['2002:a00:1::1', false, false],
  ['2002:7f00:1::1', false, false],
  // Not addresses at all.
  ['localhost', false, false],
  ['', false, false],
  ['1.2.3', false, false],
  ['999.1.1.1', false, false],
];

describe('addressAllowed', () => {
  it.each(TABLE)('%s: allowed %s, with loopback %s', (address, plain, withLoopback) => {
    expect(addressAllowed(address, { allowLoopback: false })).toBe(plain);
    expect(addressAllowed(address, { allowLoopback: true })).toBe(withLoopback);
  });
});

describe('guardedLookup', () => {
  const lookup = (allowLoopback: boolean, all: boolean) =>
    new Promise<{ error: NodeJS.ErrnoException | null; address: unknown; family: unknown }>((resolve) => {
      guardedLookup({ allowLoopback })('localhost', { all }, (error, address, family) =>
        resolve({ error, address, family }),
      );
    });

  it('answers a caller that asks for one address', async () => {
    const { error, address, family } = await lookup(true, false);
    expect(error).toBeNull();
    expect(['127.0.0.1', '::1']).toContain(address);
    expect([4, 6]).toContain(family);
  });

  it('answers a caller that asks for all addresses with a list', async () => {
    const { error, address } = await lookup(true, true);
    expect(error).toBeNull();
    expect(Array.isArray(address)).toBe(true);
    expect((address as { address: string }[]).length).toBeGreaterThan(0);
  });

  it('refuses a private answer in both forms', async () => {
    for (const all of [false, true]) {
      const { error } = await lookup(false, all);
      expect(error?.name).toBe('PrivateAddressError');
    }
  });
});
