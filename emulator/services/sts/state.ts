import type { KeyObject } from 'node:crypto';
import type { Tag } from '@aws-sdk/client-sts';
import type { Clock } from '../../core/clock.ts';
import { ExpiringMap } from '../../core/credentials.ts';

/** What STS remembers about a session it issued, for calls made with that session's credentials. */
export interface StsSession {
  kind: 'assumed-role' | 'federated-user' | 'session-token' | 'root' | 'delegated-access';
  /** Tags that follow the session into chained role sessions, keyed by lower-case tag key. */
  transitiveTags: Map<string, Tag>;
  sourceIdentity?: string;
  /** The role (for assumed-role sessions), reported as the `sub` of web identity tokens. */
  roleArn?: string;
}

/**
 * STS state of one account (STS is global): its sessions by access key (forgotten with their credentials, an hour
 * after they expire), and its web identity token signing keys.
 */
export interface StsState {
  sessions: ExpiringMap<StsSession>;
  signingKeys: Map<string, { kid: string; privateKey: KeyObject }>;
}

export function createStsState(clock: Clock): StsState {
  return { sessions: new ExpiringMap(clock), signingKeys: new Map() };
}
