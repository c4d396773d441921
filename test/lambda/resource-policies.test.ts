import assert from 'node:assert/strict';
import {
  AddPermissionCommand,
  CreateAliasCommand,
  DeleteResourcePolicyCommand,
  GetPolicyCommand,
  GetResourcePolicyCommand,
  InvokeCommand,
  LambdaClient,
  PublishVersionCommand,
  PutResourcePolicyCommand,
  RemovePermissionCommand,
} from '@aws-sdk/client-lambda';
import { expectError } from '../support/aws-error.ts';
import { createFunction, decode, useLambda } from './support.ts';

const arnOf = (name: string, qualifier?: string) => `arn:aws:lambda:us-east-1:000000000000:function:${name}${qualifier ? `:${qualifier}` : ''}`;
const document = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const allowAccount = (sid: string, account: string, resource: string) => ({
  Sid: sid,
  Effect: 'Allow',
  Principal: { AWS: `arn:aws:iam::${account}:root` },
  Action: 'lambda:InvokeFunction',
  Resource: resource,
});

describe('Lambda resource policies: PutResourcePolicy, GetResourcePolicy, DeleteResourcePolicy', function () {
  this.timeout(60_000);
  const context = useLambda();
  const echo = { 'handler.py': 'def handler(e, c):\n    return c.invoked_function_arn\n' };

  it('a put policy replaces what AddPermission wrote; AddPermission and RemovePermission then work on it', async () => {
    const name = await createFunction(context.lambda, echo);
    const arn = arnOf(name);
    await context.lambda.send(new AddPermissionCommand({ FunctionName: name, StatementId: 'old', Action: 'lambda:InvokeFunction', Principal: 'sns.amazonaws.com' }));
    const put = await context.lambda.send(new PutResourcePolicyCommand({ ResourceArn: arn, Policy: document(allowAccount('acct', '111111111111', arn)) }));
    assert.match(put.RevisionId!, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    // The document as it was given (its statements as a list); AddPermission's policies carry Id `default`.
    assert.deepEqual(JSON.parse(put.Policy!), { Version: '2012-10-17', Statement: [allowAccount('acct', '111111111111', arn)] });

    const got = await context.lambda.send(new GetResourcePolicyCommand({ ResourceArn: arn }));
    assert.equal(got.Policy, put.Policy);
    assert.equal(got.RevisionId, put.RevisionId);
    // GetPolicy reads the same policy, by name.
    const viaName = await context.lambda.send(new GetPolicyCommand({ FunctionName: name }));
    assert.deepEqual([viaName.Policy, viaName.RevisionId], [put.Policy, put.RevisionId]);

    await context.lambda.send(new AddPermissionCommand({ FunctionName: name, StatementId: 'sns', Action: 'lambda:InvokeFunction', Principal: 'sns.amazonaws.com' }));
    const added = JSON.parse((await context.lambda.send(new GetResourcePolicyCommand({ ResourceArn: arn }))).Policy!);
    assert.deepEqual(
      added.Statement.map((s: { Sid: string }) => s.Sid),
      ['acct', 'sns'],
    );
    await context.lambda.send(new RemovePermissionCommand({ FunctionName: name, StatementId: 'acct' }));
    const left = JSON.parse((await context.lambda.send(new GetResourcePolicyCommand({ ResourceArn: arn }))).Policy!);
    assert.deepEqual(
      left.Statement.map((s: { Sid: string }) => s.Sid),
      ['sns'],
    );

    // A single statement object is kept as a list of one; an Id given is kept.
    const single = allowAccount('one', '111111111111', arn);
    await context.lambda.send(new PutResourcePolicyCommand({ ResourceArn: arn, Policy: JSON.stringify({ Version: '2012-10-17', Id: 'mine', Statement: single }) }));
    const kept = JSON.parse((await context.lambda.send(new GetResourcePolicyCommand({ ResourceArn: arn }))).Policy!);
    assert.deepEqual(kept, { Version: '2012-10-17', Id: 'mine', Statement: [single] });
  });

  it('RevisionId guards Put and Delete (PreconditionFailedException, 412); Delete removes the policy', async () => {
    const name = await createFunction(context.lambda, echo);
    const arn = arnOf(name);
    const first = await context.lambda.send(new PutResourcePolicyCommand({ ResourceArn: arn, Policy: document(allowAccount('a', '111111111111', arn)) }));
    const stale = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
    const mismatch = expectError(
      'PreconditionFailedException',
      412,
      'The Revision Id provided does not match the latest Revision Id. Call the GetResourcePolicy API to retrieve the latest Revision Id',
    );
    await assert.rejects(context.lambda.send(new PutResourcePolicyCommand({ ResourceArn: arn, Policy: document(allowAccount('b', '111111111111', arn)), RevisionId: stale })), mismatch);
    const second = await context.lambda.send(
      new PutResourcePolicyCommand({ ResourceArn: arn, Policy: document(allowAccount('b', '111111111111', arn)), RevisionId: first.RevisionId }),
    );
    assert.notEqual(second.RevisionId, first.RevisionId);
    await assert.rejects(context.lambda.send(new DeleteResourcePolicyCommand({ ResourceArn: arn, RevisionId: first.RevisionId })), mismatch);
    await context.lambda.send(new DeleteResourcePolicyCommand({ ResourceArn: arn, RevisionId: second.RevisionId }));

    const nothing = expectError('ResourceNotFoundException', 404, 'The resource you requested does not exist.');
    await assert.rejects(context.lambda.send(new GetResourcePolicyCommand({ ResourceArn: arn })), nothing);
    await assert.rejects(context.lambda.send(new GetPolicyCommand({ FunctionName: name })), nothing);
    await assert.rejects(
      context.lambda.send(new DeleteResourcePolicyCommand({ ResourceArn: arn })),
      expectError('ResourceNotFoundException', 404, 'No policy is associated with the given resource.'),
    );
  });

  it('versions and aliases have policies of their own; $LATEST takes none', async () => {
    const name = await createFunction(context.lambda, echo);
    await context.lambda.send(new PublishVersionCommand({ FunctionName: name }));
    await context.lambda.send(new CreateAliasCommand({ FunctionName: name, Name: 'live', FunctionVersion: '1' }));
    await context.lambda.send(new PutResourcePolicyCommand({ ResourceArn: arnOf(name, 'live'), Policy: document(allowAccount('live', '111111111111', arnOf(name, 'live'))) }));
    await context.lambda.send(new PutResourcePolicyCommand({ ResourceArn: arnOf(name, '1'), Policy: document(allowAccount('v1', '111111111111', arnOf(name, '1'))) }));
    const live = JSON.parse((await context.lambda.send(new GetPolicyCommand({ FunctionName: name, Qualifier: 'live' }))).Policy!);
    assert.equal(live.Statement[0].Sid, 'live');
    const v1 = JSON.parse((await context.lambda.send(new GetResourcePolicyCommand({ ResourceArn: arnOf(name, '1') }))).Policy!);
    assert.equal(v1.Statement[0].Sid, 'v1');
    await assert.rejects(context.lambda.send(new GetResourcePolicyCommand({ ResourceArn: arnOf(name) })), expectError('ResourceNotFoundException', 404));

    await assert.rejects(
      context.lambda.send(new PutResourcePolicyCommand({ ResourceArn: arnOf(name, '$LATEST'), Policy: document(allowAccount('x', '111111111111', arnOf(name))) })),
      expectError('InvalidParameterValueException', 400, 'We currently do not support adding policies for $LATEST.'),
    );
    await assert.rejects(
      context.lambda.send(new PutResourcePolicyCommand({ ResourceArn: arnOf(name, 'missing'), Policy: document(allowAccount('x', '111111111111', arnOf(name))) })),
      expectError('ResourceNotFoundException', 404, `Cannot find alias arn: ${arnOf(name, 'missing')}`),
    );
  });

  it('refuses what is not a function ARN, a missing function, and documents that are no IAM resource policy', async () => {
    const name = await createFunction(context.lambda, echo);
    const arn = arnOf(name);
    const layer = 'arn:aws:lambda:us-east-1:000000000000:layer:lib:1';
    await assert.rejects(context.lambda.send(new GetResourcePolicyCommand({ ResourceArn: layer })), (e: Error) => {
      assert.equal(e.name, 'ValidationException');
      assert.match(e.message, /^1 validation error detected: Value '.*' at 'resourceArn' failed to satisfy constraint: Member must satisfy regular expression pattern: /);
      return true;
    });
    await assert.rejects(
      context.lambda.send(new PutResourcePolicyCommand({ ResourceArn: arnOf('no-such-function'), Policy: document(allowAccount('x', '111111111111', arn)) })),
      expectError('ResourceNotFoundException', 404, `Function not found: ${arnOf('no-such-function')}`),
    );
    await assert.rejects(
      context.lambda.send(new PutResourcePolicyCommand({ ResourceArn: arn, Policy: '{not json' })),
      expectError('InvalidParameterValueException', 400, 'The policy is not valid: This policy contains invalid Json'),
    );
    const noPrincipal = document({ Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: arn });
    await assert.rejects(
      context.lambda.send(new PutResourcePolicyCommand({ ResourceArn: arn, Policy: noPrincipal })),
      expectError('InvalidParameterValueException', 400, 'The policy is not valid: Missing required field Principal'),
    );
    // The model bounds the document at 20,480 characters; the stored policy is held to the same quota.
    const statements = Array.from({ length: 150 }, (_, i) => allowAccount(`statement${i}`, String(100000000000 + i), arn));
    await assert.rejects(context.lambda.send(new PutResourcePolicyCommand({ ResourceArn: arn, Policy: document(...statements) })), (e: Error) => {
      assert.equal(e.name, 'ValidationException');
      assert.match(e.message, /at 'policy' failed to satisfy constraint: Member must have length less than or equal to 20480/);
      return true;
    });
    // Nothing was stored by the refusals.
    await assert.rejects(context.lambda.send(new GetResourcePolicyCommand({ ResourceArn: arn })), expectError('ResourceNotFoundException', 404));
  });

  it('AddPermission past the 20 KB quota is refused with PolicyLengthExceededException', async () => {
    const name = await createFunction(context.lambda, echo);
    let error: Error | undefined;
    for (let i = 0; i < 200 && !error; i++) {
      await context.lambda
        .send(new AddPermissionCommand({ FunctionName: name, StatementId: `s${i}`, Action: 'lambda:InvokeFunction', Principal: 'sns.amazonaws.com', SourceArn: `arn:aws:sns:us-east-1:000000000000:topic-${i}` }))
        .catch((e: Error) => (error = e));
    }
    assert.equal(error?.name, 'PolicyLengthExceededException');
    assert.match(error!.message, /^The final policy size \(\d+\) is bigger than the limit \(20480\)\.$/);
    const policy = await context.lambda.send(new GetPolicyCommand({ FunctionName: name }));
    assert.ok(policy.Policy!.length <= 20_480);
  });

  it('the put policy decides cross-account Invoke: its Allow opens, its explicit Deny wins', async () => {
    const name = await createFunction(context.lambda, echo);
    const arn = arnOf(name);
    const client = (account: string) => new LambdaClient({ endpoint: context.aws.endpoint, region: 'us-east-1', credentials: { accessKeyId: account, secretAccessKey: 'test' } });
    const [allowed, denied, stranger] = [client('111111111111'), client('222222222222'), client('333333333333')];
    try {
      await context.lambda.send(
        new PutResourcePolicyCommand({
          ResourceArn: arn,
          Policy: document(
            { Sid: 'all', Effect: 'Allow', Principal: { AWS: ['111111111111', '222222222222'] }, Action: 'lambda:InvokeFunction', Resource: arn },
            { Sid: 'not222', Effect: 'Deny', Principal: { AWS: 'arn:aws:iam::222222222222:root' }, Action: 'lambda:*', Resource: arn },
          ),
        }),
      );
      assert.equal(decode((await allowed.send(new InvokeCommand({ FunctionName: arn }))).Payload), arn);
      for (const caller of [denied, stranger]) {
        await assert.rejects(caller.send(new InvokeCommand({ FunctionName: arn })), expectError('AccessDeniedException', 403));
      }
      await context.lambda.send(new DeleteResourcePolicyCommand({ ResourceArn: arn }));
      await assert.rejects(allowed.send(new InvokeCommand({ FunctionName: arn })), expectError('AccessDeniedException', 403));
    } finally {
      for (const c of [allowed, denied, stranger]) c.destroy();
    }
  });
});
