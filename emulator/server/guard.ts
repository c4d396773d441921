import { isIP } from 'node:net';

/**
 * What keeps a local cloud on a developer's laptop out of reach of the web pages the developer opens: requests from
 * browser origins that are not allowed are refused (cross-origin form posts included, not just what CORS preflights
 * cover), and only host names that are this emulator's are served (a DNS-rebinding name pointing at 127.0.0.1 is not).
 */
export interface GuardOptions {
  /** Origins allowed besides this emulator's own (LocalStack's `EXTRA_CORS_ALLOWED_ORIGINS`); `*` allows any. */
  allowedOrigins?: string[];
  /** Serve every origin (LocalStack's `DISABLE_CORS_CHECKS`). */
  disableCorsChecks?: boolean;
  /** Host names served besides the built-in ones (localhost forms, IP literals, LocalStack and AWS names); `*` allows any. */
  allowedHosts?: string[];
}

export type GuardVerdict = { allowed: true; corsHeaders?: Record<string, string> } | { allowed: false; reason: string };

/** Origins LocalStack allows by default, besides the emulator's own. */
const DEFAULT_ORIGINS = ['https://app.localstack.cloud', 'http://app.localstack.cloud'];

/**
 * Host names that are always this emulator's: loopback names, IP literals, LocalStack's and AWS's service names (for
 * DNS overrides), and single-label names (container and machine names; a rebinding attack needs a registered domain).
 * Names ending in an IPv4 address are what SDKs make of an IP endpoint with a host prefix (S3 Object Lambda's
 * `<route>.127.0.0.1`); no registered domain ends that way.
 */
function builtInHost(name: string): boolean {
  return (
    !name.includes('.') ||
    name === 'localhost' ||
    name.endsWith('.localhost') ||
    name === 'localhost.localstack.cloud' ||
    name.endsWith('.localhost.localstack.cloud') ||
    name.endsWith('.amazonaws.com') ||
    name.endsWith('.amazonaws.com.cn') ||
    isIP(name) !== 0 ||
    endsInIpv4(name)
  );
}

function endsInIpv4(name: string): boolean {
  const tail = /\.(\d{1,3}(?:\.\d{1,3}){3})$/.exec(name);
  return tail !== null && isIP(tail[1]) === 4;
}

/** `example.com:4566` -> `example.com`; `[::1]:4566` -> `::1`. */
function hostName(host: string): string {
  const lower = host.toLowerCase();
  if (lower.startsWith('[')) return lower.slice(1, lower.indexOf(']'));
  const colon = lower.lastIndexOf(':');
  return colon > 0 && lower.indexOf(':') === colon ? lower.slice(0, colon) : lower;
}

const EXPOSED_HEADERS = 'etag,x-amz-request-id,x-amz-id-2,x-amzn-requestid,x-amz-version-id,x-amz-delete-marker,x-amzn-errortype,x-amz-crc32';

const ALLOWED: GuardVerdict = Object.freeze({ allowed: true });

export class RequestGuard {
  private readonly origins: Set<string>;
  private readonly anyOrigin: boolean;
  private readonly hosts: Set<string>;
  private readonly anyHost: boolean;
  /** The last Host header found served: clients send the same one on every request. */
  private lastServedHost?: string;

  constructor(
    options: GuardOptions,
    /** The bind address and the port, which make the emulator's own origins. */
    bindHost: string,
    private port = 0,
  ) {
    this.anyOrigin = options.disableCorsChecks === true || (options.allowedOrigins ?? []).includes('*');
    this.origins = new Set([...DEFAULT_ORIGINS, ...(options.allowedOrigins ?? [])].map((o) => o.replace(/\/$/, '').toLowerCase()));
    this.anyHost = (options.allowedHosts ?? []).includes('*');
    this.hosts = new Set([bindHost, ...(options.allowedHosts ?? [])].map((h) => h.toLowerCase()));
  }

  /** Set once listening: the emulator's own origins carry its port. */
  listeningOn(port: number): void {
    this.port = port;
  }

  /** `originsJudgedElsewhere`: the request's service applies its own CORS rules (S3), so only the host is checked here. */
  check(method: string, headers: Record<string, string | undefined>, originsJudgedElsewhere = false): GuardVerdict {
    const host = headers['host'];
    if (host !== undefined && !this.anyHost && host !== this.lastServedHost) {
      const name = hostName(host);
      if (!builtInHost(name) && !this.hosts.has(name)) return { allowed: false, reason: `host name ${JSON.stringify(name.slice(0, 255))} is not served by this twinstack` };
      this.lastServedHost = host;
    }
    const origin = headers['origin'];
    if (origin === undefined || originsJudgedElsewhere) return ALLOWED;
    if (!this.anyOrigin && !this.originAllowed(origin)) return { allowed: false, reason: `origin ${JSON.stringify(origin.slice(0, 255))} is not allowed` };
    const corsHeaders: Record<string, string> = {
      'access-control-allow-origin': origin,
      'access-control-allow-credentials': 'true',
      'access-control-expose-headers': EXPOSED_HEADERS,
      vary: 'Origin',
    };
    if (method === 'OPTIONS' && headers['access-control-request-method']) {
      corsHeaders['access-control-allow-methods'] = 'HEAD,GET,PUT,POST,DELETE,OPTIONS,PATCH';
      corsHeaders['access-control-allow-headers'] = headers['access-control-request-headers'] ?? '*';
      corsHeaders['access-control-max-age'] = '600';
    }
    return { allowed: true, corsHeaders };
  }

  /** The emulator's own origins (any loopback form, on its port), LocalStack's defaults, and configured ones. */
  private originAllowed(origin: string): boolean {
    const normalized = origin.toLowerCase();
    if (this.origins.has(normalized)) return true;
    let url: URL;
    try {
      url = new URL(normalized);
    } catch {
      return false; // `null` (sandboxed frames, file: pages) and malformed origins
    }
    const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
    const name = hostName(url.host);
    const loopback = name === 'localhost' || name.endsWith('.localhost') || name === 'localhost.localstack.cloud' || name === '127.0.0.1' || name === '::1';
    return loopback && port === this.port;
  }
}
