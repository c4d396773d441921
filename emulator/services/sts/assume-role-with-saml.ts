import { createHash } from 'node:crypto';
import type { AssumeRoleWithSAMLCommandInput, AssumeRoleWithSAMLCommandOutput } from '@aws-sdk/client-sts';
import type { RequestContext } from '../../core/service.ts';
import { parseArn, roleFromArn } from './identity.ts';
import { startRoleSession } from './role-session.ts';
import { parseSamlResponse } from './saml.ts';
import { hasSessionPolicy, packedPolicySize } from './session-policy.ts';

const ATTRIBUTE = 'https://aws.amazon.com/SAML/Attributes/';
const NAME_ID_FORMAT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:';

/** AWS shortens the two common NameID formats and reports others in full. */
function subjectType(format: string | undefined): string | undefined {
  if (format === `${NAME_ID_FORMAT}persistent` || format === `${NAME_ID_FORMAT}transient`) return format.slice(NAME_ID_FORMAT.length);
  return format;
}

export function assumeRoleWithSaml(input: AssumeRoleWithSAMLCommandInput, ctx: RequestContext): Omit<AssumeRoleWithSAMLCommandOutput, '$metadata'> {
  const role = roleFromArn(input.RoleArn!, ctx.accountId);
  const provider = parseArn(input.PrincipalArn!);
  const saml = parseSamlResponse(input.SAMLAssertion!);
  const sessionName = saml.attributes.get(`${ATTRIBUTE}RoleSessionName`)?.[0] ?? saml.nameId ?? 'saml-session';
  const sessionDuration = Number(saml.attributes.get(`${ATTRIBUTE}SessionDuration`)?.[0]);
  const durationSeconds = input.DurationSeconds ?? (Number.isInteger(sessionDuration) && sessionDuration > 0 ? sessionDuration : 3600);
  const providerName = provider.resource.slice(provider.resource.lastIndexOf('/') + 1);
  // Documented as BASE64(SHA1(issuer + account id + "/" + provider name)).
  const nameQualifier = createHash('sha1').update(`${saml.issuer ?? ''}${role.accountId}/${providerName}`).digest('base64');
  return {
    ...startRoleSession(ctx, { role, sessionName, durationSeconds }),
    Subject: saml.nameId,
    SubjectType: subjectType(saml.nameIdFormat),
    Issuer: saml.issuer,
    Audience: saml.recipient,
    NameQualifier: nameQualifier,
    PackedPolicySize: hasSessionPolicy(input) ? packedPolicySize(input) : undefined,
  };
}
