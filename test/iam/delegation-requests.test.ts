import assert from 'node:assert/strict';
import {
  AcceptDelegationRequestCommand,
  AssociateDelegationRequestCommand,
  CreateDelegationRequestCommand,
  GetDelegationRequestCommand,
  GetHumanReadableSummaryCommand,
  IAMClient,
  ListDelegationRequestsCommand,
  RejectDelegationRequestCommand,
  SendDelegationTokenCommand,
  UpdateDelegationRequestCommand,
} from '@aws-sdk/client-iam';
import { expectError } from '../support/aws-error.ts';
import { useTwinstack } from '../support/twinstack.ts';

// The lifecycle follows the IAM user guide ("Building your integration": Unassigned -> Assigned -> Pending Approval
// -> Accepted -> Finalized, Rejected until the token is sent) and the API reference (AssociateDelegationRequest stores
// the caller as owner, and its account when none was named; UpdateDelegationRequest moves to PENDING_APPROVAL).
// Error messages are twinstack's.
describe('IAM temporary delegation requests between a partner account and a customer account', function () {
  this.timeout(20_000);
  const PARTNER = '111111111111';
  const CUSTOMER = '222222222222';
  const context = useTwinstack(
    { services: ['iam'], accessKeyId: PARTNER },
    {
      partner: (settings) => new IAMClient(settings),
      customer: (settings) => new IAMClient({ ...settings, credentials: { accessKeyId: CUSTOMER, secretAccessKey: 'test' } }),
      stranger: (settings) => new IAMClient({ ...settings, credentials: { accessKeyId: '333333333333', secretAccessKey: 'test' } }),
    },
  );
  const create = (extra: { OwnerAccountId?: string; OnlySendByOwner?: boolean } = {}) =>
    context.partner.send(
      new CreateDelegationRequestCommand({
        Description: 'Read the billing reports',
        Permissions: { PolicyTemplateArn: 'arn:aws:iam::aws:policy-template/partner/ReadBilling', Parameters: [{ Name: 'bucket', Values: ['reports'], Type: 'string' }] },
        RequestorWorkflowId: 'workflow-1',
        NotificationChannel: `arn:aws:sns:us-east-1:${PARTNER}:delegations`,
        SessionDuration: 3600,
        ...extra,
      }),
    );
  const get = async (client: IAMClient, id: string) => (await client.send(new GetDelegationRequestCommand({ DelegationRequestId: id }))).DelegationRequest!;

  it('goes from UNASSIGNED to FINALIZED: associate, forward for approval, accept, send the token', async () => {
    const { DelegationRequestId: id, ConsoleDeepLink } = await create();
    assert.ok(ConsoleDeepLink!.endsWith(id!));
    assert.deepEqual([(await get(context.partner, id!)).State, (await get(context.partner, id!)).RequestorId], ['UNASSIGNED', PARTNER]);

    await context.customer.send(new AssociateDelegationRequestCommand({ DelegationRequestId: id }));
    const assigned = await get(context.customer, id!);
    assert.deepEqual([assigned.State, assigned.OwnerAccountId, assigned.OwnerId], ['ASSIGNED', CUSTOMER, `arn:aws:iam::${CUSTOMER}:root`]);
    // Owned now: other accounts no longer see it, and it cannot be associated again.
    await assert.rejects(get(context.stranger, id!), expectError('NoSuchEntityException', 404));
    await assert.rejects(context.customer.send(new AssociateDelegationRequestCommand({ DelegationRequestId: id })), expectError('InvalidInputException', 400));

    await context.customer.send(new UpdateDelegationRequestCommand({ DelegationRequestId: id, Notes: 'please approve' }));
    assert.deepEqual([(await get(context.customer, id!)).State, (await get(context.customer, id!)).Notes], ['PENDING_APPROVAL', 'please approve']);
    await assert.rejects(context.customer.send(new SendDelegationTokenCommand({ DelegationRequestId: id })), expectError('InvalidInputException', 400));
    await context.customer.send(new AcceptDelegationRequestCommand({ DelegationRequestId: id }));
    assert.equal((await get(context.partner, id!)).ApproverId, `arn:aws:iam::${CUSTOMER}:root`);
    await context.customer.send(new SendDelegationTokenCommand({ DelegationRequestId: id }));
    assert.equal((await get(context.partner, id!)).State, 'FINALIZED');
    await assert.rejects(context.customer.send(new RejectDelegationRequestCommand({ DelegationRequestId: id })), expectError('InvalidInputException', 400));

    const summary = await context.customer.send(new GetHumanReadableSummaryCommand({ EntityArn: `arn:aws:iam::${PARTNER}:delegation-request/${id}` }));
    assert.equal(summary.SummaryState, 'AVAILABLE');
    assert.match(summary.SummaryContent!, /Read the billing reports/);
  });

  it('a request for a named account: only that account associates it; rejection records the reason; listing by account and owner', async () => {
    const { DelegationRequestId: id } = await create({ OwnerAccountId: CUSTOMER });
    await assert.rejects(context.stranger.send(new AssociateDelegationRequestCommand({ DelegationRequestId: id })), expectError('NoSuchEntityException', 404));
    await context.customer.send(new AssociateDelegationRequestCommand({ DelegationRequestId: id }));
    await context.customer.send(new RejectDelegationRequestCommand({ DelegationRequestId: id, Notes: 'not now' }));
    const rejected = await get(context.partner, id!);
    assert.deepEqual([rejected.State, rejected.RejectionReason], ['REJECTED', 'not now']);

    const mine = (await context.customer.send(new ListDelegationRequestsCommand({}))).DelegationRequests!.map((r) => r.DelegationRequestId);
    assert.ok(mine.includes(id!) && mine.length === 2);
    assert.equal((await context.partner.send(new ListDelegationRequestsCommand({ MaxItems: 1 }))).DelegationRequests!.length, 1);
    assert.deepEqual((await context.stranger.send(new ListDelegationRequestsCommand({}))).DelegationRequests, []);
    await assert.rejects(get(context.customer, '999999999999-00000000-0000-0000-0000-000000000000'), expectError('NoSuchEntityException', 404));
    await assert.rejects(
      context.customer.send(new GetHumanReadableSummaryCommand({ EntityArn: `arn:aws:iam::${CUSTOMER}:role/not-a-request` })),
      expectError('InvalidInputException', 400),
    );
  });

  it('validates the notification channel (an SNS topic) and the session duration', async () => {
    await assert.rejects(
      context.partner.send(
        new CreateDelegationRequestCommand({
          Description: 'x',
          Permissions: { PolicyTemplateArn: 'arn:aws:iam::aws:policy-template/partner/ReadBilling' },
          RequestorWorkflowId: 'workflow-2',
          NotificationChannel: 'arn:aws:sqs:us-east-1:111111111111:queue',
          SessionDuration: 3600,
        }),
      ),
      expectError('InvalidInputException', 400),
    );
    await assert.rejects(
      context.partner.send(
        new CreateDelegationRequestCommand({ Description: 'x', Permissions: { PolicyTemplateArn: 'arn:aws:iam::aws:policy-template/partner/ReadBilling' }, RequestorWorkflowId: 'workflow-2', NotificationChannel: 'arn:aws:sns:us-east-1:111111111111:t', SessionDuration: 60 }),
      ),
      expectError('ValidationError', 400),
    );
  });
});
