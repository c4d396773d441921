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
}

/**
 * Credentials the emulator knows: those STS issued (so that an assumed role acts in its own account and as its own
 * identity) and those configured for strict signature checking.
 */
export class CredentialRegistry {
  private readonly byAccessKey = new Map<string, IssuedCredentials>();

  register(credentials: IssuedCredentials) {
    this.byAccessKey.set(credentials.accessKeyId, credentials);
  }

  lookup(accessKeyId: string | undefined): IssuedCredentials | undefined {
    return accessKeyId ? this.byAccessKey.get(accessKeyId) : undefined;
  }

  /** LocalStack's convention: a 12-digit access key id names the account; other keys use the default account. */
  accountFor(accessKeyId: string | undefined): string {
    const known = this.lookup(accessKeyId);
    if (known) return known.accountId;
    if (accessKeyId && /^\d{12}$/.test(accessKeyId)) return accessKeyId;
    return DEFAULT_ACCOUNT_ID;
  }
}
