import { XMLParser } from 'fast-xml-parser';
import { AwsError } from '../../core/errors.ts';

/** What AssumeRoleWithSAML reads from a SAML 2.0 response. */
export interface SamlAssertion {
  issuer?: string;
  nameId?: string;
  nameIdFormat?: string;
  recipient?: string;
  attributes: Map<string, string[]>;
}

type Node = Record<string, unknown>;

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', removeNSPrefix: true, trimValues: true });

function first(value: unknown): Node | undefined {
  const item = Array.isArray(value) ? value[0] : value;
  return typeof item === 'object' && item !== null ? (item as Node) : undefined;
}

function text(value: unknown): string | undefined {
  const item = Array.isArray(value) ? value[0] : value;
  if (typeof item === 'string' || typeof item === 'number') return String(item).trim();
  const node = first(item);
  return node && node['#text'] !== undefined ? String(node['#text']).trim() : undefined;
}

function invalid(): AwsError {
  return new AwsError('InvalidIdentityTokenException', 'Invalid SAML response: the SAMLAssertion is not a base64-encoded SAML 2.0 response.');
}

/** Decodes the base64 SAML response (signatures are not checked: twinstack trusts every identity provider). */
export function parseSamlResponse(base64: string): SamlAssertion {
  let document: Node;
  try {
    document = parser.parse(Buffer.from(base64, 'base64').toString('utf8'), true) as Node;
  } catch {
    throw invalid();
  }
  const response = first(document.Response);
  const assertion = first(response?.Assertion);
  if (!response || !assertion) throw invalid();
  const subject = first(assertion.Subject);
  const nameId = first(subject?.NameID);
  const confirmationData = first(first(subject?.SubjectConfirmation)?.SubjectConfirmationData);
  const attributes = new Map<string, string[]>();
  for (const statement of [assertion.AttributeStatement].flat()) {
    for (const attribute of [first(statement)?.Attribute ?? []].flat() as Node[]) {
      const values = [attribute.AttributeValue ?? []].flat().map((v) => text(v) ?? '');
      attributes.set(String(attribute['@Name']), values);
    }
  }
  return {
    issuer: text(assertion.Issuer) ?? text(response.Issuer),
    nameId: text(subject?.NameID),
    nameIdFormat: nameId?.['@Format'] as string | undefined,
    recipient: confirmationData?.['@Recipient'] as string | undefined,
    attributes,
  };
}
