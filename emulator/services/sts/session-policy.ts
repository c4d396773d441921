import { deflateRawSync } from 'node:zlib';
import type { GetPolicyCommandOutput, GetPolicyVersionCommandOutput } from '@aws-sdk/client-iam';
import type { PolicyDescriptorType, Tag } from '@aws-sdk/client-sts';
import { accountRootArn } from '../../core/arn.ts';
import { AwsError } from '../../core/errors.ts';
import { policyProblem } from '../../core/policy/index.ts';
import type { RequestContext } from '../../core/service.ts';

/**
 * AWS packs session policies, managed policy ARNs and session tags into a compressed binary form with a fixed budget
 * and reports its use as a percentage (PackedPolicySize). The real packing format is not public: this approximates
 * it with DEFLATE against a budget of 2048 compressed bytes, so sizes are close but not identical to AWS's.
 */
const PACKED_BUDGET = 2048;

export interface SessionPolicyInput {
  Policy?: string;
  PolicyArns?: PolicyDescriptorType[];
  Tags?: Tag[];
}

function packed(text: string): number {
  return text ? deflateRawSync(Buffer.from(text, 'utf8')).length : 0;
}

function percent(bytes: number): number {
  return Math.ceil((bytes * 100) / PACKED_BUDGET);
}

/** Checks the session policy's syntax and the packed size; returns the PackedPolicySize percentage. */
export function packedPolicySize(input: SessionPolicyInput): number {
  let policyText = '';
  if (input.Policy !== undefined) {
    let document: unknown;
    try {
      document = JSON.parse(input.Policy);
    } catch {
      document = undefined;
    }
    if (typeof document !== 'object' || document === null || Array.isArray(document)) {
      throw new AwsError('MalformedPolicyDocumentException', 'Syntax errors in policy.');
    }
    policyText = JSON.stringify(document);
  }
  const arnsText = (input.PolicyArns ?? []).map((p) => p.arn ?? '').join(',');
  const tagsText = (input.Tags ?? []).map((t) => `${t.Key}=${t.Value}`).join(',');
  const tagsPercent = percent(packed(tagsText));
  if (tagsPercent > 100) {
    throw new AwsError('PackedPolicyTooLargeException', `Packed size of session tags consumes ${tagsPercent}% of allotted space.`);
  }
  const total = percent(packed(policyText) + packed(arnsText) + packed(tagsText));
  if (total > 100) {
    throw new AwsError('PackedPolicyTooLargeException', `Packed policy consumes ${total}% of allotted space, please use smaller policy.`);
  }
  return total;
}

/** Whether the request passes anything that counts against the packed budget (AWS reports the size only then). */
export function hasSessionPolicy(input: SessionPolicyInput): boolean {
  return input.Policy !== undefined || Boolean(input.PolicyArns?.length) || Boolean(input.Tags?.length);
}

/**
 * The session policies' documents: the inline Policy and the default version of each managed policy of PolicyArns,
 * asked of IAM (through its front door, as the account's root) when the session starts. Policies IAM does not know,
 * or every managed one when IAM is not enabled, are left out.
 */
export async function sessionPolicyDocuments(ctx: RequestContext, input: SessionPolicyInput, accountId: string): Promise<string[] | undefined> {
  const problem = input.Policy !== undefined ? policyProblem(input.Policy, 'identity') : undefined;
  if (problem) throw new AwsError('MalformedPolicyDocumentException', problem);
  const documents = input.Policy !== undefined ? [input.Policy] : [];
  if (input.PolicyArns?.length && ctx.emulator.isEnabled('iam')) {
    const options = { caller: { accountId, arn: accountRootArn(accountId, ctx.region) }, region: ctx.region };
    for (const { arn } of input.PolicyArns) {
      try {
        const { Policy } = await ctx.emulator.call<GetPolicyCommandOutput>('iam', 'GetPolicy', { PolicyArn: arn }, options);
        const version = { PolicyArn: arn, VersionId: Policy!.DefaultVersionId };
        const { PolicyVersion } = await ctx.emulator.call<GetPolicyVersionCommandOutput>('iam', 'GetPolicyVersion', version, options);
        documents.push(decodeURIComponent(PolicyVersion!.Document!));
      } catch (error) {
        if (!(error instanceof AwsError)) throw error;
      }
    }
  }
  return documents.length || input.PolicyArns?.length ? documents : undefined;
}

/** The session's tags (`aws:PrincipalTag`): those passed on from the calling session, then the requested ones. */
export function sessionTagValues(tags: Tag[] | undefined, inherited: ReadonlyMap<string, Tag>): Record<string, string> | undefined {
  const all = [...inherited.values(), ...(tags ?? [])];
  return all.length ? Object.fromEntries(all.map((t) => [t.Key!, t.Value ?? ''])) : undefined;
}
