// The one place a socket is opened. The address guard runs here, after DNS, because a public-looking name can
// resolve to a private address; and the socket is opened to the very address that was checked, so a second DNS
// answer (DNS rebinding) cannot swap it between the check and the connection.
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import * as tls from 'node:tls';
import { buildConnector, errors } from 'undici';
import { addressAllowed, withoutBrackets } from './address-guard';

/** The connector refused a host because it is or resolves to a private address; nothing was sent. */
export class PrivateAddressError extends Error {
  /** The refused address. */
  readonly address: string;
  constructor(hostname: string, address: string) {
    super(
      hostname === address
        ? `the address ${address} is private`
        : `${hostname} resolves to the private address ${address}`,
    );
    this.name = 'PrivateAddressError';
    this.address = address;
  }
}

/** A host name that DNS does not know, or that resolves to no address at all. */
export class NoAddressError extends Error {
  /** Node's error code, when DNS gave one. */
  readonly code: string;
  constructor(hostname: string, code: string) {
    super(`${hostname} does not resolve to an address`);
    this.name = 'NoAddressError';
    this.code = code;
  }
}

/** Options of the guarded connector. */
export interface GuardedConnectorOptions {
  /** Lets 127.0.0.0/8 and ::1 through: the testing switch. */
  readonly allowLoopback: boolean;
  /** Milliseconds for DNS, the TCP connection and the TLS handshake together. */
  readonly connectTimeoutMs: number;
  /** Replaces DNS (tests). */
  readonly resolve?: ((hostname: string) => Promise<readonly string[]>) | undefined;
  /** Extra trusted certificates, added to Node's default store. */
  readonly ca?: string | readonly string[] | undefined;
}

/**
 * An undici connector that resolves the host once, refuses it when any of its addresses is private, and connects
 * to the first (checked) address while keeping the name for TLS (SNI and certificate check) and the Host header.
 */
export function guardedConnector(options: GuardedConnectorOptions): buildConnector.connector {
  const guard = { allowLoopback: options.allowLoopback };
  const resolveName = options.resolve ?? resolveWithDns;
  const base = buildConnector({
    timeout: options.connectTimeoutMs,
    // Node's `ca` replaces its whole default store, so the extra certificates are added to the default one (which
    // includes NODE_EXTRA_CA_CERTS); without `ca` the default store is used as it is.
    ...(options.ca === undefined ? {} : { ca: [...defaultCertificates(), ...[options.ca].flat()] }),
    // Only ever handed an IP address, so Node does not look anything up; guarded all the same, should that change.
    lookup: guardedLookup(guard),
  });
  return (connectOptions, callback) => {
    const hostname = withoutBrackets(connectOptions.hostname);
    let settled = false;
    const settle = (...args: buildConnector.CallbackArgs) => {
      if (settled) {
        // Too late (the connect timeout already answered): drop the socket instead of leaking it.
        args[1]?.destroy();
        return;
      }
      settled = true;
      clearTimeout(timer);
      callback(...args);
    };
    // DNS counts toward the connect timeout; the base connector's own timer covers TCP and TLS as well.
    const timer = setTimeout(() => {
      settle(
        new errors.ConnectTimeoutError(
          `could not connect to ${hostname} within ${options.connectTimeoutMs / 1000} s`,
        ) as Error,
        null,
      );
    }, options.connectTimeoutMs);
    const addresses = isIP(hostname) === 0 ? resolveName(hostname) : Promise.resolve([hostname]);
    addresses
      .then(
        (list) => {
          if (settled) return;
          const address = checkedAddress(hostname, list, guard);
          const servername =
            connectOptions.protocol === 'https:' && isIP(hostname) === 0
              ? connectOptions.servername || hostname
              : connectOptions.servername;
          base({ ...connectOptions, hostname: address, ...(servername ? { servername } : {}) }, (error, socket) => {
            if (error) settle(error, null);
            else settle(null, socket);
          });
        },
        (error: unknown) => settle(toError(error, hostname), null),
      )
      .catch((error: unknown) => settle(toError(error, hostname), null));
  };
}

/**
 * A `lookup` for `net.connect` that refuses private answers. It answers both calling conventions: a single address
 * (`(error, address, family)`) and, for callers that pass `{ all: true }` (Node's happy eyeballs does), the list.
 */
export function guardedLookup(guard: { readonly allowLoopback: boolean }): LookupFunction {
  return (hostname: string, lookupOptions: LookupOptions, callback: LookupCallback) => {
    dnsLookup(hostname, { ...lookupOptions, all: true }, (error, found) => {
      if (error) {
        callback(error, lookupOptions.all ? [] : '', undefined);
        return;
      }
      try {
        checkedAddress(
          hostname,
          found.map((entry) => entry.address),
          guard,
        );
      } catch (refusal) {
        callback(refusal as NodeJS.ErrnoException, lookupOptions.all ? [] : '', undefined);
        return;
      }
      if (lookupOptions.all) callback(null, found);
      else callback(null, found[0]?.address ?? '', found[0]?.family);
    });
  };
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** Refuses the host when any of its addresses is private, since the system may pick any of them; else the first. */
function checkedAddress(hostname: string, addresses: readonly string[], guard: { readonly allowLoopback: boolean }) {
  const first = addresses[0];
  if (first === undefined) throw new NoAddressError(hostname, 'ENOTFOUND');
  for (const address of addresses) {
    if (!addressAllowed(address, guard)) throw new PrivateAddressError(hostname, address);
  }
  return withoutBrackets(first);
}

async function resolveWithDns(hostname: string): Promise<readonly string[]> {
  const found = await new Promise<LookupAddress[]>((resolve, reject) => {
    dnsLookup(hostname, { all: true, order: 'verbatim' }, (error, list) => (error ? reject(error) : resolve(list)));
  });
  return found.map((entry) => entry.address);
}

function toError(error: unknown, hostname: string): Error {
  if (error instanceof PrivateAddressError || error instanceof NoAddressError) return error;
  const code = (error as { code?: unknown } | undefined)?.code;
  if (code === 'ENOTFOUND' || code === 'ENODATA' || code === 'EAI_AGAIN') return new NoAddressError(hostname, code);
  return error instanceof Error ? error : new Error(String(error));
}

/** Node's default trusted certificates, NODE_EXTRA_CA_CERTS included (Node 22.15 and later; older ones lack them). */
function defaultCertificates(): readonly string[] {
  return typeof tls.getCACertificates === 'function' ? tls.getCACertificates('default') : tls.rootCertificates;
}
