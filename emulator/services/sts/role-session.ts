import type { AssumedRoleUser, Credentials, Tag } from '@aws-sdk/client-sts';
import type { RequestContext } from '../../core/service.ts';
import { assumedRoleArn, roleIdFor, type RoleRef } from './identity.ts';
import { issueCredentials } from './issue.ts';

export interface RoleSessionRequest {
  role: RoleRef;
  /** The role's IAM id when IAM knows the role; else one derived from its ARN. */
  roleId?: string;
  sessionName: string;
  durationSeconds: number;
  transitiveTags?: Map<string, Tag>;
  sourceIdentity?: string;
  sessionPolicies?: string[];
  sessionTags?: Record<string, string>;
}

/** Credentials for a role session, as AssumeRole and its web identity and SAML variants return them. */
export function startRoleSession(ctx: RequestContext, request: RoleSessionRequest): { Credentials: Credentials; AssumedRoleUser: AssumedRoleUser } {
  const arn = assumedRoleArn(request.role, request.sessionName);
  const assumedRoleId = `${request.roleId ?? roleIdFor(request.role.arn)}:${request.sessionName}`;
  const credentials = issueCredentials(ctx, {
    accountId: request.role.accountId,
    arn,
    userId: assumedRoleId,
    durationSeconds: request.durationSeconds,
    sessionPolicies: request.sessionPolicies,
    sessionTags: request.sessionTags,
    session: {
      kind: 'assumed-role',
      transitiveTags: request.transitiveTags ?? new Map(),
      sourceIdentity: request.sourceIdentity,
      roleArn: request.role.arn,
    },
  });
  return { Credentials: credentials, AssumedRoleUser: { AssumedRoleId: assumedRoleId, Arn: arn } };
}
