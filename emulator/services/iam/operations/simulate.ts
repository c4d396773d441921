import type {
  ContextEntry,
  EvaluationResult,
  SimulateCustomPolicyCommandInput,
  SimulatePrincipalPolicyCommandInput,
  Statement as MatchedStatementOutput,
} from '@aws-sdk/client-iam';
import { parseArn } from '../../../core/arn.ts';
import {
  contextOf,
  evaluate,
  parsePolicy,
  type AuthorizationResult,
  type MatchedStatement,
  type PolicySource,
  type Principal,
} from '../../../core/policy/index.ts';
import { validateDocument } from '../documents.ts';
import { defaultDocument, findPolicy, type IamContext } from '../entities.ts';
import { IamErrors } from '../errors.ts';
import { holderSources } from '../principal-policies.ts';
import { paginate } from '../paging.ts';
import type { PolicyHolder } from '../state.ts';

interface SimulationInput {
  PolicyInputList?: string[];
  PermissionsBoundaryPolicyInputList?: string[];
  ActionNames?: string[];
  ResourceArns?: string[];
  ResourcePolicy?: string;
  ResourceOwner?: string;
  CallerArn?: string;
  ContextEntries?: ContextEntry[];
  Marker?: string;
  MaxItems?: number;
}

function inputSources(texts: string[] | undefined, listName: string, kind: 'identity' | 'resource'): PolicySource[] {
  return (texts ?? []).map((text, i) => {
    validateDocument(text, kind);
    return { id: `${listName}.${i + 1}`, type: 'IAM Policy', policy: parsePolicy(text) };
  });
}

function matchedOutput(matched: MatchedStatement[]): MatchedStatementOutput[] {
  return matched.map(({ source, statement }) => ({
    SourcePolicyId: source.id,
    SourcePolicyType: source.type as MatchedStatementOutput['SourcePolicyType'],
    StartPosition: { Line: statement.start.line, Column: statement.start.column },
    EndPosition: { Line: statement.end.line, Column: statement.end.column },
  }));
}

/**
 * Runs the policy engine for every action on every resource. Each action gets one result: the decision on its one
 * resource (or, with several, the strictest of them) and one resource-specific result per resource.
 */
function simulate(
  input: SimulationInput,
  principal: Principal,
  identity: PolicySource[],
  boundary: PolicySource | undefined,
): { EvaluationResults: EvaluationResult[]; IsTruncated: boolean; Marker?: string } {
  const resources = input.ResourceArns?.length ? input.ResourceArns : ['*'];
  const resourcePolicy = input.ResourcePolicy ? inputSources([input.ResourcePolicy], 'ResourcePolicy', 'resource')[0] : undefined;
  if (resourcePolicy) resourcePolicy.type = 'resource';
  const context = contextOf(
    Object.fromEntries((input.ContextEntries ?? []).map((e) => [e.ContextKeyName!, e.ContextKeyValues ?? []])),
  );
  const resourceOwner = input.ResourceOwner ? parseArn(input.ResourceOwner)?.accountId : undefined;
  const results = input.ActionNames!.map((action): EvaluationResult => {
    const perResource = resources.map((resource): [string, AuthorizationResult] => [
      resource,
      evaluate({
        principal,
        action,
        resource,
        resourceAccount: resourceOwner || undefined,
        context,
        identityPolicies: identity,
        resourcePolicy,
        permissionsBoundary: boundary,
      }),
    ]);
    const decisions = perResource.map(([, r]) => r.decision);
    const decision = decisions.includes('explicitDeny') ? 'explicitDeny' : decisions.every((d) => d === 'allowed') ? 'allowed' : 'implicitDeny';
    return {
      EvalActionName: action,
      EvalResourceName: resources.length === 1 ? resources[0] : '*',
      EvalDecision: decision,
      MatchedStatements: matchedOutput(perResource.flatMap(([, r]) => r.matched)),
      MissingContextValues: [],
      OrganizationsDecisionDetail: { AllowedByOrganizations: true },
      EvalDecisionDetails: {},
      ResourceSpecificResults: perResource.map(([resource, r]) => ({
        EvalResourceName: resource,
        EvalResourceDecision: r.decision,
        MatchedStatements: matchedOutput(r.matched),
        MissingContextValues: [],
      })),
    };
  });
  const page = paginate(results, input);
  return { EvaluationResults: page.items, IsTruncated: page.IsTruncated, Marker: page.Marker };
}

export function holderFor(ctx: IamContext, arn: string): PolicyHolder & { boundary?: string } {
  const parts = parseArn(arn);
  const [kind, ...rest] = parts?.resource.split('/') ?? [];
  const name = (rest[rest.length - 1] ?? '').toLowerCase();
  const holder =
    kind === 'user' ? ctx.state.users.get(name) : kind === 'group' ? ctx.state.groups.get(name) : kind === 'role' ? ctx.state.roles.get(name) : undefined;
  if (!parts || parts.service !== 'iam' || !holder || holder.arn !== arn) throw IamErrors.noSuchEntity(`Could not find ${kind ?? 'entity'} ${arn}`);
  return holder;
}

export function simulatePrincipalPolicy(input: SimulatePrincipalPolicyCommandInput, ctx: IamContext) {
  const holder = holderFor(ctx, input.PolicySourceArn!);
  const identity = holderSources(ctx.state, holder);
  if (holder.kind === 'user') {
    for (const group of (holder as PolicyHolder & { groups: Set<string> }).groups) identity.push(...holderSources(ctx.state, ctx.state.groups.get(group)!));
  }
  identity.push(...inputSources(input.PolicyInputList, 'PolicyInputList', 'identity'));
  const boundaryInput = inputSources(input.PermissionsBoundaryPolicyInputList, 'PermissionsBoundaryPolicyInputList', 'identity')[0];
  const boundaryPolicy = holder.boundary ? findPolicy(ctx.state, holder.boundary) : undefined;
  const boundary =
    boundaryInput ?? (boundaryPolicy ? { id: boundaryPolicy.name, type: 'IAM Policy', policy: parsePolicy(defaultDocument(boundaryPolicy)) } : undefined);
  const principal: Principal = { arn: input.CallerArn ?? holder.arn, accountId: ctx.state.accountId };
  return simulate(input, principal, identity, boundary);
}

export function simulateCustomPolicy(input: SimulateCustomPolicyCommandInput, ctx: IamContext) {
  const identity = inputSources(input.PolicyInputList, 'PolicyInputList', 'identity');
  const boundary = inputSources(input.PermissionsBoundaryPolicyInputList, 'PermissionsBoundaryPolicyInputList', 'identity')[0];
  const callerAccount = input.CallerArn ? (parseArn(input.CallerArn)?.accountId ?? ctx.state.accountId) : ctx.state.accountId;
  const principal: Principal = { arn: input.CallerArn ?? ctx.caller.arn, accountId: callerAccount };
  return simulate(input, principal, identity, boundary);
}
