export const DEFAULT_ACCOUNT_ID = '000000000000';

export interface IssuedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  accountId: string;
  /** The identity these credentials act as (e.g. an assumed-role ARN), as GetCallerIdentity reports it. */
  arn: string;
  userId: string;
  expiration?: Date;
  /**
   * Session policies passed when the credentials were issued (AssumeRole's Policy and PolicyArns, as documents): with
   * `--enforce-iam` they limit what the session may do.
   */
  sessionPolicies?: readonly string[];
  /** Session tags (AssumeRole's Tags and transitive tags), which override the role's tags as `aws:PrincipalTag`. */
  sessionTags?: Readonly<Record<string, string>>;
}

/**
 * How long STS credentials stay known after they expire: requests signed with them meanwhile get ExpiredToken, as
 * AWS answers; later ones get InvalidClientTokenId, as for a key that was never issued. An hour covers a client
 * that just missed its refresh without keeping every credential of a long-running emulator forever.
 */
export const EXPIRED_CREDENTIALS_GRACE_MS = 60 * 60 * 1000;

/** What tells the time: the emulator's Clock, or a function (tests). */
export type TimeSource = { now(): number } | (() => number);

const asClock = (source: TimeSource): { now(): number } => (typeof source === 'function' ? { now: source } : source);

interface Expiring<V> {
  value: V;
  forgetAt: number;
}

/**
 * Values keyed by access key, forgotten a grace period after their credentials expire. Every write checks three
 * entries and every read one, through a cursor that cycles over the map, so forgetting costs O(1) per call and the
 * map holds at most about half as much again as what is still within its grace period.
 */
export class ExpiringMap<V> {
  private readonly entries = new Map<string, Expiring<V>>();
  private cursor: Iterator<[string, Expiring<V>]> = this.entries.entries();

  private readonly clock: { now(): number };

  constructor(
    time: TimeSource = Date.now,
    private readonly graceMs = EXPIRED_CREDENTIALS_GRACE_MS,
  ) {
    this.clock = asClock(time);
  }

  /** @internal Recreates the sweep cursor (after the map was restored from persisted state). */
  restartSweep(): void {
    this.cursor = this.entries.entries();
  }

  get size(): number {
    return this.entries.size;
  }

  /** Without an expiration the value stays. */
  set(key: string, value: V, expiration?: Date): void {
    this.sweep(3);
    this.entries.set(key, { value, forgetAt: expiration ? expiration.getTime() + this.graceMs : Number.POSITIVE_INFINITY });
  }

  get(key: string): V | undefined {
    this.sweep(1);
    const entry = this.entries.get(key);
    if (!entry || entry.forgetAt > this.clock.now()) return entry?.value;
    this.entries.delete(key);
    return undefined;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  keys(): IterableIterator<string> {
    return this.entries.keys();
  }

  private sweep(steps: number): void {
    // Nothing to forget (no STS credentials issued, none configured): no clock read, no iterator made anew.
    if (this.entries.size === 0) return;
    const now = this.clock.now();
    for (let i = 0; i < steps; i++) {
      let next = this.cursor.next();
      if (next.done) {
        this.cursor = this.entries.entries();
        next = this.cursor.next();
        if (next.done) return;
      }
      const [key, entry] = next.value;
      if (entry.forgetAt <= now) this.entries.delete(key);
    }
  }
}

/**
 * Credentials the emulator knows: those STS issued (so that an assumed role acts in its own account and as its own
 * identity) and those configured for strict signature checking. Issued ones are forgotten an hour after they expire.
 */
export class CredentialRegistry {
  /** Issued and configured credentials by access key (persisted with STS's state). */
  byAccessKey: ExpiringMap<IssuedCredentials>;
  private readonly clock: { now(): number };

  /** `time` is the emulator clock: issued credentials expire in emulator time. */
  constructor(time: TimeSource = Date.now) {
    this.clock = asClock(time);
    this.byAccessKey = new ExpiringMap(this.clock);
  }

  now(): number {
    return this.clock.now();
  }

  /** How many credentials are known (expired ones within their grace period included). */
  get size(): number {
    return this.byAccessKey.size;
  }

  register(credentials: IssuedCredentials) {
    this.byAccessKey.set(credentials.accessKeyId, credentials, credentials.expiration);
  }

  /** Drops credentials that must stop working (a deleted or deactivated IAM access key). */
  forget(accessKeyId: string): void {
    this.byAccessKey.delete(accessKeyId);
  }

  lookup(accessKeyId: string | undefined): IssuedCredentials | undefined {
    return accessKeyId ? this.byAccessKey.get(accessKeyId) : undefined;
  }

  /** LocalStack's convention: a 12-digit access key id names the account; other keys use the default account. */
  accountFor(accessKeyId: string | undefined): string {
    return this.lookup(accessKeyId)?.accountId ?? accountOfUnknownKey(accessKeyId);
  }
}

/** The account of an access key the registry does not know (see `CredentialRegistry.accountFor`). */
export function accountOfUnknownKey(accessKeyId: string | undefined): string {
  return accessKeyId && /^\d{12}$/.test(accessKeyId) ? accessKeyId : DEFAULT_ACCOUNT_ID;
}
