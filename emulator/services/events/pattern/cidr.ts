import { isIPv4, isIPv6 } from 'node:net';

/** An IPv4 or IPv6 network (`cidr` matching), as a bit prefix of the address. */
export interface IpRange {
  v6: boolean;
  network: bigint;
  maskBits: number;
}

/** Parses a CIDR block, rejecting it with the reason AWS gives (these reasons carry no source location). */
export function parseCidr(text: string): IpRange | string {
  const parts = text.split('/');
  if (parts.length !== 2) return "Malformed CIDR, one '/' required";
  if (!/^-?\d+$/.test(parts[1])) return 'Malformed CIDR, mask bits must be an integer';
  const maskBits = Number(parts[1]);
  const address = parseIp(parts[0]);
  if (!address) return `Nonstandard IP address: ${parts[0]}`;
  const width = address.v6 ? 128 : 32;
  if (maskBits < 0 || maskBits > width) return `Malformed CIDR, mask bits must be between 0 and ${width}`;
  return { v6: address.v6, network: address.value >> BigInt(width - maskBits), maskBits };
}

export function inRange(range: IpRange, text: string): boolean {
  const address = parseIp(text);
  if (!address || address.v6 !== range.v6) return false;
  return address.value >> BigInt((range.v6 ? 128 : 32) - range.maskBits) === range.network;
}

function parseIp(text: string): { v6: boolean; value: bigint } | undefined {
  if (isIPv4(text)) return { v6: false, value: text.split('.').reduce((acc, octet) => (acc << 8n) | BigInt(Number(octet)), 0n) };
  if (!isIPv6(text) || text.includes('.')) return undefined;
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...tailGroups];
  return { v6: true, value: groups.reduce((acc, group) => (acc << 16n) | BigInt(parseInt(group, 16)), 0n) };
}
