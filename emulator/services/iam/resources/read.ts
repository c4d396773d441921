import type { Properties, ResourceRequest } from '../../cloudformation/provider.ts';
import { templateOrder } from '../../cloudformation/read-back.ts';
import type { Kind } from './attachments.ts';

type Caller = Pick<ResourceRequest, 'call'>;

/**
 * A policy document IAM answers (URL-encoded text) in the template's form: an object, or the text when the template
 * gave text. The `Version` the handlers add to a document without one (`policyText`) is not the template's, so it is
 * left out again.
 */
export function templateDocument(given: unknown, encoded: string | undefined): unknown {
  if (encoded === undefined) return undefined;
  const text = decodeURIComponent(encoded);
  if (typeof given === 'string') return text;
  const document = JSON.parse(text);
  if (given && typeof given === 'object' && !('Version' in given) && document.Version === '2012-10-17') delete document.Version;
  return document;
}

/** An identity's inline policies (`Policies`), in the template's order. */
export async function inlinePolicies(request: Caller & { properties: Properties }, kind: Kind, name: string): Promise<Properties[]> {
  const { PolicyNames } = await request.call<{ PolicyNames: string[] }>('iam', `List${kind}Policies`, { [`${kind}Name`]: name, MaxItems: 1000 });
  const given = (request.properties.Policies ?? []) as Properties[];
  const policies = await Promise.all(
    PolicyNames.map(async (PolicyName) => {
      const { PolicyDocument } = await request.call<{ PolicyDocument: string }>('iam', `Get${kind}Policy`, { [`${kind}Name`]: name, PolicyName });
      return { PolicyName, PolicyDocument: templateDocument(given.find((p) => p.PolicyName === PolicyName)?.PolicyDocument, PolicyDocument) };
    }),
  );
  return templateOrder(given, policies, (p) => (p as Properties).PolicyName);
}

/** The ARNs of the managed policies attached to an identity (`ManagedPolicyArns`), in the template's order. */
export async function managedPolicyArns(request: Caller & { properties: Properties }, kind: Kind, name: string): Promise<string[]> {
  const { AttachedPolicies } = await request.call<{ AttachedPolicies: { PolicyArn: string }[] }>('iam', `ListAttached${kind}Policies`, { [`${kind}Name`]: name, MaxItems: 1000 });
  return templateOrder(request.properties.ManagedPolicyArns, AttachedPolicies.map((p) => p.PolicyArn), String);
}

