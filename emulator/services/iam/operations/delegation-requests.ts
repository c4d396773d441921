import { randomUUID } from 'node:crypto';
import type {
  AcceptDelegationRequestCommandInput,
  AssociateDelegationRequestCommandInput,
  CreateDelegationRequestCommandInput,
  GetDelegationRequestCommandInput,
  GetHumanReadableSummaryCommandInput,
  ListDelegationRequestsCommandInput,
  RejectDelegationRequestCommandInput,
  SendDelegationTokenCommandInput,
  UpdateDelegationRequestCommandInput,
} from '@aws-sdk/client-iam';
import { buildArn, parseArn } from '../../../core/arn.ts';
import { sealToken, type DelegatedAccessGrant } from '../../../core/sealed-tokens.ts';
import type { IamContext } from '../entities.ts';
import { IamErrors } from '../errors.ts';
import { paginate } from '../paging.ts';
import type { DelegationRequest, IamState } from '../state.ts';

/*
 * Temporary delegation, as the IAM API reference and the user guide's "Building your integration" describe it: a
 * partner (the requestor) creates a request, UNASSIGNED; an identity of the customer account associates it
 * (ASSIGNED, that identity its owner), may forward it for approval (UpdateDelegationRequest: PENDING_APPROVAL),
 * accepts (ACCEPTED, the approver recorded) or rejects it (REJECTED, possible until the token is sent), and
 * SendDelegationToken finalizes it (FINALIZED, no way back). A request lives in its requestor's state; its id names
 * that account. Partner onboarding and policy templates are AWS's: any account may act as a partner here, and the
 * rendered PermissionPolicy is not known (left out). State changes the partner follows (pending approval, accepted,
 * rejected, finalized) are published to its SNS topic through the delivery layer, as the IAM service principal (the
 * topic policy must allow iam.amazonaws.com, as the partner guide asks); the finalized one carries the exchange token,
 * which STS GetDelegatedAccessToken trades for credentials until the delegation period (SessionDuration) ends.
 * The message is twinstack's JSON (AWS's partner guide does not give its format here): DelegationRequestId, State,
 * and ExchangeToken with ExpirationTime when finalized.
 */

type Transition = { from: DelegationRequest['state'][]; verb: string };

function requestorOf(id: string): string | undefined {
  return /^(\d{12})-[0-9a-f-]{36}$/.exec(id)?.[1];
}

function notFound(id: string) {
  return IamErrors.noSuchEntity(`Delegation request ${id} not found.`);
}

/** Requests a caller may see: its account made it, owns it, or it is unassigned with no owner account yet. */
function visibleTo(request: DelegationRequest, accountId: string): boolean {
  return request.requestorAccount === accountId || request.ownerAccount === accountId || (!request.ownerAccount && request.state === 'UNASSIGNED');
}

function findRequest(ctx: IamContext, id: string): DelegationRequest {
  const requestor = requestorOf(id);
  const state = requestor === ctx.state.accountId ? ctx.state : iamStates(ctx).find((s) => s.accountId === requestor);
  const request = state?.delegationRequests?.get(id);
  if (!request || !visibleTo(request, ctx.state.accountId)) throw notFound(id);
  return request;
}

/** A change by the customer side: only the owner account acts, from the states the transition starts from. */
function transition(ctx: IamContext, id: string, { from, verb }: Transition): DelegationRequest {
  const request = findRequest(ctx, id);
  if (request.ownerAccount !== ctx.state.accountId || !request.ownerId) throw notFound(id);
  if (!from.includes(request.state)) throw IamErrors.invalidInput(`Delegation request ${id} in state ${request.state} cannot be ${verb}.`);
  request.updatedTime = ctx.emulator.clock.date();
  return request;
}

export function createDelegationRequest(input: CreateDelegationRequestCommandInput, ctx: IamContext) {
  const channel = parseArn(input.NotificationChannel!);
  if (channel?.service !== 'sns') throw IamErrors.invalidInput('NotificationChannel must be the ARN of an Amazon SNS topic.');
  if (input.OwnerAccountId === ctx.state.accountId) throw IamErrors.invalidInput('OwnerAccountId cannot be the account making the request.');
  const id = `${ctx.state.accountId}-${randomUUID()}`;
  const now = ctx.emulator.clock.date();
  (ctx.state.delegationRequests ??= new Map()).set(id, {
    id,
    requestorAccount: ctx.state.accountId,
    ownerAccount: input.OwnerAccountId,
    description: input.Description!,
    requestMessage: input.RequestMessage,
    permissions: input.Permissions!,
    workflowId: input.RequestorWorkflowId!,
    redirectUrl: input.RedirectUrl,
    notificationChannel: input.NotificationChannel!,
    sessionDuration: input.SessionDuration!,
    onlySendByOwner: input.OnlySendByOwner ?? false,
    state: 'UNASSIGNED',
    createDate: now,
    updatedTime: now,
  });
  // AWS's console page for the request; twinstack has no such page, the link keeps AWS's shape.
  return { DelegationRequestId: id, ConsoleDeepLink: `https://console.aws.amazon.com/iam/home#/delegation-requests/${id}` };
}

function describe(request: DelegationRequest) {
  return {
    DelegationRequestId: request.id,
    OwnerAccountId: request.ownerAccount,
    Description: request.description,
    RequestMessage: request.requestMessage,
    Permissions: request.permissions,
    OwnerId: request.ownerId,
    ApproverId: request.approverId,
    State: request.state,
    RequestorId: request.requestorAccount,
    CreateDate: request.createDate,
    SessionDuration: request.sessionDuration,
    RedirectUrl: request.redirectUrl,
    Notes: request.notes,
    RejectionReason: request.rejectionReason,
    OnlySendByOwner: request.onlySendByOwner,
    UpdatedTime: request.updatedTime,
  };
}

/** The permission check needs the template's rendered policy, which only AWS knows: UNSURE. */
export function getDelegationRequest(input: GetDelegationRequestCommandInput, ctx: IamContext) {
  const request = findRequest(ctx, input.DelegationRequestId!);
  const check = input.DelegationPermissionCheck ? { PermissionCheckStatus: 'COMPLETE', PermissionCheckResult: 'UNSURE' } : {};
  return { DelegationRequest: describe(request), ...check };
}

/** The requests of the caller's account (made or owned), or those one owner holds. */
export function listDelegationRequests(input: ListDelegationRequestsCommandInput, ctx: IamContext) {
  const own = ctx.state.accountId;
  const requests: DelegationRequest[] = [];
  for (const state of iamStates(ctx)) {
    for (const request of state.delegationRequests?.values() ?? []) {
      if (request.requestorAccount !== own && request.ownerAccount !== own) continue;
      if (input.OwnerId !== undefined && request.ownerId !== input.OwnerId) continue;
      requests.push(request);
    }
  }
  requests.sort((a, b) => a.createDate.getTime() - b.createDate.getTime() || a.id.localeCompare(b.id));
  const page = paginate(requests, input);
  return { DelegationRequests: page.items.map(describe), isTruncated: page.IsTruncated, Marker: page.Marker };
}

function iamStates(ctx: IamContext): IamState[] {
  for (const [name, store] of ctx.emulator.stores()) if (name === 'iam') return [...store.entries()].map(([, state]) => state as IamState);
  return [ctx.state];
}

/** The caller becomes the owner; with no owner account named, its account becomes the owner account. */
export function associateDelegationRequest(input: AssociateDelegationRequestCommandInput, ctx: IamContext) {
  const id = input.DelegationRequestId!;
  const request = findRequest(ctx, id);
  if (request.requestorAccount === ctx.state.accountId && request.ownerAccount !== ctx.state.accountId) throw notFound(id);
  if (request.state !== 'UNASSIGNED') throw IamErrors.invalidInput(`Delegation request ${id} in state ${request.state} cannot be associated.`);
  Object.assign(request, { ownerAccount: ctx.state.accountId, ownerId: ctx.caller.arn, state: 'ASSIGNED', updatedTime: ctx.emulator.clock.date() });
  return {};
}

/** Tells the partner's topic of a state change (in the background: a topic that refuses does not undo it). */
function notifyPartner(ctx: IamContext, request: DelegationRequest, extra: Record<string, string> = {}): void {
  const sourceArn = buildArn({ service: 'iam', region: '', accountId: request.requestorAccount, resource: `delegation-request/${request.id}`, partitionRegion: ctx.region });
  const body = JSON.stringify({ DelegationRequestId: request.id, State: request.state, ...extra });
  ctx.emulator.deliverInBackground(
    request.notificationChannel,
    { body, subject: `Delegation request ${request.state}` },
    { servicePrincipal: 'iam.amazonaws.com', sourceArn, accountId: request.requestorAccount, region: ctx.region },
  );
}

export function updateDelegationRequest(input: UpdateDelegationRequestCommandInput, ctx: IamContext) {
  const request = transition(ctx, input.DelegationRequestId!, { from: ['ASSIGNED', 'PENDING_APPROVAL'], verb: 'updated' });
  const forwarded = request.state !== 'PENDING_APPROVAL';
  Object.assign(request, { state: 'PENDING_APPROVAL', notes: input.Notes ?? request.notes });
  if (forwarded) notifyPartner(ctx, request);
  return {};
}

/** IAM records who accepted: that identity is the one the delegated credentials act as. */
export function acceptDelegationRequest(input: AcceptDelegationRequestCommandInput, ctx: IamContext) {
  const request = transition(ctx, input.DelegationRequestId!, { from: ['ASSIGNED', 'PENDING_APPROVAL'], verb: 'accepted' });
  Object.assign(request, { state: 'ACCEPTED', approverId: ctx.caller.arn });
  notifyPartner(ctx, request);
  return {};
}

export function rejectDelegationRequest(input: RejectDelegationRequestCommandInput, ctx: IamContext) {
  const request = transition(ctx, input.DelegationRequestId!, { from: ['ASSIGNED', 'PENDING_APPROVAL', 'ACCEPTED'], verb: 'rejected' });
  Object.assign(request, { state: 'REJECTED', rejectionReason: input.Notes });
  notifyPartner(ctx, request);
  return {};
}

export function sendDelegationToken(input: SendDelegationTokenCommandInput, ctx: IamContext) {
  const request = transition(ctx, input.DelegationRequestId!, { from: ['ACCEPTED'], verb: 'finalized' });
  if (request.onlySendByOwner && ctx.caller.arn !== request.ownerId) {
    throw IamErrors.invalidInput(`Only the owner of delegation request ${request.id} can send its token.`);
  }
  request.state = 'FINALIZED';
  // The delegation period starts now and lasts the requested session duration.
  const expiresAt = ctx.emulator.clock.now() + request.sessionDuration * 1000;
  const grant: DelegatedAccessGrant = { kind: 'delegated-access', delegationRequestId: request.id, accountId: request.ownerAccount!, principalArn: request.approverId!, expiresAt };
  notifyPartner(ctx, request, { ExchangeToken: sealToken(grant), ExpirationTime: new Date(expiresAt).toISOString() });
  return {};
}

/**
 * AWS writes the summary with a large language model; twinstack states the request's facts in one paragraph
 * (SummaryState AVAILABLE). Only delegation requests are summarized, as on AWS.
 */
export function getHumanReadableSummary(input: GetHumanReadableSummaryCommandInput, ctx: IamContext) {
  const arn = parseArn(input.EntityArn!);
  const id = arn?.service === 'iam' ? /^delegation-request\/(.+)$/.exec(arn.resource)?.[1] : undefined;
  if (!id) throw IamErrors.invalidInput(`EntityArn ${input.EntityArn} is not the ARN of a delegation request.`);
  const request = findRequest(ctx, id);
  const template = request.permissions.PolicyTemplateArn ?? 'no policy template';
  const parameters = (request.permissions.Parameters ?? []).map((p) => `${p.Name} = ${(p.Values ?? []).join(', ')}`).join('; ');
  const summary =
    `Account ${request.requestorAccount} requests temporary access for ${request.sessionDuration} seconds: ${request.description}. ` +
    `Permissions come from ${template}${parameters ? ` with ${parameters}` : ''}. The request is ${request.state.toLowerCase().replace('_', ' ')}.`;
  return { SummaryContent: summary, Locale: input.Locale ?? 'en', SummaryState: 'AVAILABLE' };
}
