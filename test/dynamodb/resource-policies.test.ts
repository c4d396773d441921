import assert from 'node:assert/strict';
import { CreateTableCommand, DeleteResourcePolicyCommand, GetResourcePolicyCommand, PutResourcePolicyCommand } from '@aws-sdk/client-dynamodb';
import { rejectsWith, uniqueName, useDynamo } from './support.ts';

// Rules from the DynamoDB API reference (PutResourcePolicy, DeleteResourcePolicy): the same document again keeps its
// revision id; ExpectedRevisionId guards Put and Delete; NO_POLICY means "only if none exists".
describe('DynamoDB resource policy revisions', function () {
  this.timeout(20_000);
  const ctx = useDynamo();
  const policy = (action: string) =>
    JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: action, Resource: '*' }] });

  it('Put of the same document is idempotent; ExpectedRevisionId and NO_POLICY guard Put and Delete', async () => {
    const TableName = uniqueName('policy');
    const { TableDescription } = await ctx.ddb.send(
      new CreateTableCommand({ TableName, KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }], BillingMode: 'PAY_PER_REQUEST' }),
    );
    const ResourceArn = TableDescription!.TableArn!;
    const first = await ctx.ddb.send(new PutResourcePolicyCommand({ ResourceArn, Policy: policy('dynamodb:GetItem'), ExpectedRevisionId: 'NO_POLICY' }));
    const again = await ctx.ddb.send(new PutResourcePolicyCommand({ ResourceArn, Policy: policy('dynamodb:GetItem') }));
    assert.equal(again.RevisionId, first.RevisionId);

    await rejectsWith(ctx.ddb.send(new PutResourcePolicyCommand({ ResourceArn, Policy: policy('dynamodb:Query'), ExpectedRevisionId: 'NO_POLICY' })), 'PolicyNotFoundException', /revision ID/);
    await rejectsWith(ctx.ddb.send(new PutResourcePolicyCommand({ ResourceArn, Policy: policy('dynamodb:Query'), ExpectedRevisionId: '123' })), 'PolicyNotFoundException', /revision ID/);
    const changed = await ctx.ddb.send(new PutResourcePolicyCommand({ ResourceArn, Policy: policy('dynamodb:Query'), ExpectedRevisionId: first.RevisionId }));
    assert.notEqual(changed.RevisionId, first.RevisionId);

    await rejectsWith(ctx.ddb.send(new DeleteResourcePolicyCommand({ ResourceArn, ExpectedRevisionId: first.RevisionId })), 'PolicyNotFoundException', /revision ID/);
    assert.equal((await ctx.ddb.send(new GetResourcePolicyCommand({ ResourceArn }))).RevisionId, changed.RevisionId);
    const deleted = await ctx.ddb.send(new DeleteResourcePolicyCommand({ ResourceArn, ExpectedRevisionId: changed.RevisionId }));
    assert.equal(deleted.RevisionId, changed.RevisionId);
    await rejectsWith(ctx.ddb.send(new GetResourcePolicyCommand({ ResourceArn })), 'PolicyNotFoundException', /not found/);
  });
});
