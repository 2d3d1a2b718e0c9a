import { isIP, SocketAddress } from "node:net";
import proxyaddr from "proxy-addr";

/**
 * Whether the address at `hop` is a proxy whose `X-Forwarded-For` entry can be believed: hop 0 is the
 * socket's peer, hop 1 the right-most entry of the header, and so on leftwards.
 */
export type TrustProxy = (address: string, hop: number) => boolean;

const trustNone: TrustProxy = () => false;

const TRUST_PROXY_HELP =
  "must be false, a number of proxy hops (1 trusts the last X-Forwarded-For entry), or comma-separated proxy addresses or CIDR ranges";

/**
 * Reads `TRUST_PROXY`: unset, `false` or `0` believes no forwarding header; a whole number N believes the
 * last N hops; a list of addresses, CIDR ranges or proxy-addr's names (`loopback`, `linklocal`,
 * `uniquelocal`) believes the hops added by those proxies. `true` (every hop) is refused: it would let
 * any caller name its own address. Throws an Error whose message says what is accepted.
 */
export function parseTrustProxy(value: string): TrustProxy {
  const setting = value.trim();
  if (setting === "" || setting === "false" || setting === "0") return trustNone;
  if (/^\d+$/.test(setting)) {
    const hops = Number(setting);
    if (hops > 32) throw new Error(`${TRUST_PROXY_HELP}; ${setting} hops is more than 32`);
    return (_address, hop) => hop < hops;
  }
  if (setting === "true")
    throw new Error(`${TRUST_PROXY_HELP}; true would let any caller choose its address`);
  const proxies = setting.split(",").map((entry) => entry.trim());
  try {
    return proxyaddr.compile(proxies);
  } catch (error) {
    throw new Error(`${TRUST_PROXY_HELP}; ${(error as Error).message}`);
  }
}

/**
 * An IP address in one spelling per address, so one caller gets one bucket: IPv6 compressed in lower
 * case, IPv4-mapped IPv6 (`::ffff:1.2.3.4`) as IPv4, a port (`1.2.3.4:80`, `[::1]:80`) dropped.
 * Null when `value` is no IP address.
 */
export function normalizeAddress(value: string): string | null {
  const address =
    /^\[([^\]]+)\](?::\d{1,5})?$/.exec(value)?.[1] ?? /^([\d.]+):\d{1,5}$/.exec(value)?.[1] ?? value;
  const family = isIP(address);
  if (family === 0) return null;
  const canonical = new SocketAddress({ address, family: family === 4 ? "ipv4" : "ipv6" }).address;
  return /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(canonical)?.[1] ?? canonical;
}

/**
 * The caller's address: from the socket's peer, walk `X-Forwarded-For` right to left while the current
 * address is trusted, and stop at the first address that is not (or at the left-most entry). Without
 * trust the header is never read. A malformed entry on the way gives the socket's address: the header
 * cannot then pick a bucket.
 */
export function resolveClientAddress(
  socketAddress: string,
  forwardedFor: string | null | undefined,
  trust: TrustProxy,
): string {
  const socket = normalizeAddress(socketAddress) ?? socketAddress;
  if (!forwardedFor) return socket;
  const hops = forwardedFor.split(",").reverse();
  let client = socket;
  for (let hop = 0; hop < hops.length && trust(client, hop); hop += 1) {
    const forwarded = normalizeAddress((hops[hop] ?? "").trim());
    if (forwarded === null) return socket;
    client = forwarded;
  }
  return client;
}
