import { AwsError } from '../../core/errors.ts';
import { S3Errors } from './errors.ts';
import { canonicalUserId, type Grant } from './object.ts';

const GROUPS = 'http://acs.amazonaws.com/groups';
const ALL_USERS = `${GROUPS}/global/AllUsers`;
const AUTHENTICATED_USERS = `${GROUPS}/global/AuthenticatedUsers`;
const LOG_DELIVERY = `${GROUPS}/s3/LogDelivery`;

const group = (uri: string, permission: string): Grant => ({ Grantee: { Type: 'Group', URI: uri }, Permission: permission });

/** The grants of a canned ACL, besides the owner's FULL_CONTROL. */
const CANNED: Record<string, Grant[]> = {
  private: [],
  'public-read': [group(ALL_USERS, 'READ')],
  'public-read-write': [group(ALL_USERS, 'READ'), group(ALL_USERS, 'WRITE')],
  'authenticated-read': [group(AUTHENTICATED_USERS, 'READ')],
  'aws-exec-read': [],
  'bucket-owner-read': [],
  'bucket-owner-full-control': [],
  'log-delivery-write': [group(LOG_DELIVERY, 'WRITE'), group(LOG_DELIVERY, 'READ_ACP')],
};

/** The grant headers, their permission and their name on the wire (AWS names the header in its errors). */
const GRANT_HEADERS: [string, string, string][] = [
  ['GrantFullControl', 'FULL_CONTROL', 'x-amz-grant-full-control'],
  ['GrantRead', 'READ', 'x-amz-grant-read'],
  ['GrantReadACP', 'READ_ACP', 'x-amz-grant-read-acp'],
  ['GrantWrite', 'WRITE', 'x-amz-grant-write'],
  ['GrantWriteACP', 'WRITE_ACP', 'x-amz-grant-write-acp'],
];
const GROUP_URIS = [ALL_USERS, AUTHENTICATED_USERS, LOG_DELIVERY];
/** A canonical user id: 64 hex digits. */
const CANONICAL_ID = /^[0-9a-f]{64}$/;

export interface AclInput {
  ACL?: string;
  GrantFullControl?: string;
  GrantRead?: string;
  GrantReadACP?: string;
  GrantWrite?: string;
  GrantWriteACP?: string;
}

/** One grantee of a grant header (`id="..."`, `uri="..."`, `emailAddress="..."`), with AWS's errors for each part. */
function granteeOf(spec: string, header: string): Grant['Grantee'] {
  const match = /^\s*(id|uri|emailAddress)\s*=\s*"?([^"]*)"?\s*$/i.exec(spec);
  if (!match) throw S3Errors.invalidArgument('Argument format not recognized', header, spec.trim());
  const [, kind, value] = match;
  if (kind.toLowerCase() === 'id') {
    if (!CANONICAL_ID.test(value)) throw S3Errors.invalidArgument('Invalid id', 'id', value);
    return { Type: 'CanonicalUser', ID: value };
  }
  if (kind.toLowerCase() === 'uri') {
    if (!GROUP_URIS.includes(value)) throw S3Errors.invalidArgument('Invalid group uri', 'uri', value);
    return { Type: 'Group', URI: value };
  }
  return { Type: 'AmazonCustomerByEmail', EmailAddress: value };
}

/** Whether a request carries a canned ACL or grant headers. */
export function hasAclHeaders(input: AclInput): boolean {
  return input.ACL !== undefined || GRANT_HEADERS.some(([member]) => input[member as keyof AclInput] !== undefined);
}

/** Grants from a canned ACL or `x-amz-grant-*` headers; undefined when the request has neither. */
export function grantsFromHeaders(input: AclInput, ownerAccountId: string): Grant[] | undefined {
  const explicit = GRANT_HEADERS.filter(([member]) => input[member as keyof AclInput] !== undefined);
  if (input.ACL !== undefined && explicit.length) {
    throw S3Errors.invalidRequest('Specifying both Canned ACLs and Header Grants is not allowed');
  }
  if (input.ACL !== undefined) {
    const canned = Object.hasOwn(CANNED, input.ACL) ? CANNED[input.ACL] : undefined;
    if (!canned) throw S3Errors.invalidArgument('', 'x-amz-acl', input.ACL);
    return [{ Grantee: { Type: 'CanonicalUser', ID: canonicalUserId(ownerAccountId) }, Permission: 'FULL_CONTROL' }, ...canned];
  }
  if (!explicit.length) return undefined;
  return explicit.flatMap(([member, permission, header]) =>
    String(input[member as keyof AclInput])
      .split(',')
      .map((spec) => ({ Grantee: granteeOf(spec, header), Permission: permission })),
  );
}

const PERMISSIONS = new Set(['FULL_CONTROL', 'WRITE', 'WRITE_ACP', 'READ', 'READ_ACP']);
const GRANTEE_TYPES = new Set(['CanonicalUser', 'Group', 'AmazonCustomerByEmail']);

function malformedAcl(): AwsError {
  return new AwsError('MalformedACLError', 'The XML you provided was not well-formed or did not validate against our published schema', { status: 400 });
}

/**
 * Validates an AccessControlPolicy document as AWS does: its schema first (an Owner, known grantee types and
 * permissions: MalformedACLError), then the ids and group URIs it names (InvalidArgument naming `Type/Element`).
 */
export function grantsFromPolicy(policy: { Owner?: { ID?: string }; Grants?: Grant[] }): Grant[] {
  const grants = policy.Grants ?? [];
  if (!policy.Owner) throw malformedAcl();
  for (const grant of grants) {
    if (!grant.Grantee || !GRANTEE_TYPES.has(grant.Grantee.Type) || !PERMISSIONS.has(grant.Permission)) throw malformedAcl();
  }
  if (!CANONICAL_ID.test(policy.Owner.ID ?? '')) throw S3Errors.invalidArgument('Invalid id', 'CanonicalUser/ID', policy.Owner.ID ?? '');
  for (const { Grantee: grantee } of grants) {
    if (grantee.Type === 'Group' && !GROUP_URIS.includes(grantee.URI ?? '')) throw S3Errors.invalidArgument('Invalid group uri', 'Group/URI', grantee.URI ?? '');
    if (grantee.Type === 'CanonicalUser' && !CANONICAL_ID.test(grantee.ID ?? '')) throw S3Errors.invalidArgument('Invalid id', 'CanonicalUser/ID', grantee.ID ?? '');
  }
  return grants;
}

/** Whether grants make a resource public (AllUsers or AuthenticatedUsers). */
export function isPublic(grants: Grant[]): boolean {
  return grants.some((g) => g.Grantee.URI === ALL_USERS || g.Grantee.URI === AUTHENTICATED_USERS);
}
