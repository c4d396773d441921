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

const GRANT_HEADERS: [string, string][] = [
  ['GrantFullControl', 'FULL_CONTROL'],
  ['GrantRead', 'READ'],
  ['GrantReadACP', 'READ_ACP'],
  ['GrantWrite', 'WRITE'],
  ['GrantWriteACP', 'WRITE_ACP'],
];

export interface AclInput {
  ACL?: string;
  GrantFullControl?: string;
  GrantRead?: string;
  GrantReadACP?: string;
  GrantWrite?: string;
  GrantWriteACP?: string;
}

function granteeOf(spec: string): Grant['Grantee'] {
  const match = /^\s*(id|uri|emailAddress)\s*=\s*"?([^"]*)"?\s*$/i.exec(spec);
  if (!match) throw S3Errors.invalidArgument('Invalid argument', 'x-amz-grant', spec);
  const [, kind, value] = match;
  if (kind.toLowerCase() === 'id') return { Type: 'CanonicalUser', ID: value };
  if (kind.toLowerCase() === 'uri') {
    if (![ALL_USERS, AUTHENTICATED_USERS, LOG_DELIVERY].includes(value)) throw S3Errors.invalidArgument('Invalid group uri', 'uri', value);
    return { Type: 'Group', URI: value };
  }
  return { Type: 'AmazonCustomerByEmail', EmailAddress: value };
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
  return explicit.flatMap(([member, permission]) =>
    String(input[member as keyof AclInput])
      .split(',')
      .map((spec) => ({ Grantee: granteeOf(spec), Permission: permission })),
  );
}

const PERMISSIONS = new Set(['FULL_CONTROL', 'WRITE', 'WRITE_ACP', 'READ', 'READ_ACP']);

/** Validates an AccessControlPolicy document's grants. */
export function grantsFromPolicy(grants: Grant[] | undefined): Grant[] {
  for (const grant of grants ?? []) {
    if (!grant.Grantee || !PERMISSIONS.has(grant.Permission)) throw S3Errors.malformedXml();
    if (grant.Grantee.Type === 'Group' && ![ALL_USERS, AUTHENTICATED_USERS, LOG_DELIVERY].includes(grant.Grantee.URI ?? '')) {
      throw S3Errors.invalidArgument('Invalid group uri', 'uri', grant.Grantee.URI ?? '');
    }
  }
  return grants ?? [];
}

/** Whether grants make a resource public (AllUsers or AuthenticatedUsers). */
export function isPublic(grants: Grant[]): boolean {
  return grants.some((g) => g.Grantee.URI === ALL_USERS || g.Grantee.URI === AUTHENTICATED_USERS);
}
