import assert from 'node:assert/strict';
import { DescribeStackResourceCommand } from '@aws-sdk/client-cloudformation';
import { GetRolePolicyCommand, IAMClient, ListAttachedRolePoliciesCommand } from '@aws-sdk/client-iam';
import { LambdaClient, ListEventSourceMappingsCommand } from '@aws-sdk/client-lambda';
import { deployTransformed, output, serveWithClients, transformRefused } from './serve.ts';
import { samFunction, transformFailed } from './sam-templates.ts';

describe('CloudFormation: SAM policy templates, and the role SAM makes for Tracing, DeadLetterQueue and pull event sources', function () {
  this.timeout(60_000);
  const served = serveWithClients({ iam: IAMClient, lambda: LambdaClient });
  const physicalId = async (stack: string, logicalId: string) =>
    (await served.cfn.send(new DescribeStackResourceCommand({ StackName: stack, LogicalResourceId: logicalId }))).StackResourceDetail!.PhysicalResourceId!;

  it('expands policy templates into the role\'s policies, attaches the managed policies SAM adds, and maps the queue to the function', async () => {
    const template = `
Transform: AWS::Serverless-2016-10-31
Resources:
  Orders:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
      KeySchema: [{ AttributeName: id, KeyType: HASH }]
  Inbox: { Type: AWS::SQS::Queue }
  Failed: { Type: AWS::SQS::Queue }
${samFunction('Worker', { properties: `
      Tracing: Active
      DeadLetterQueue: { Type: SQS, TargetArn: !GetAtt Failed.Arn }
      Policies:
        - DynamoDBCrudPolicy: { TableName: !Ref Orders }
        - EventBridgePutEventsPolicy: { EventBusName: default }
        - SSMParameterWithSlashPrefixReadPolicy: { ParameterName: /app/config }
      Events:
        Work:
          Type: SQS
          Properties: { Queue: !GetAtt Inbox.Arn, BatchSize: 5 }
` })}
Outputs:
  Inbox: { Value: !GetAtt Inbox.Arn }
`;
    const { stack, processed } = await deployTransformed(served.cfn, 'sam-policy-templates', template);
    const role = processed.Resources.WorkerRole.Properties;
    assert.deepEqual(role.ManagedPolicyArns, [
      'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
      'arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess',
      'arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole',
    ]);
    // SAM's own DeadLetterQueue policy first, then the Policies in order, each named after its place.
    assert.deepEqual(role.Policies.map((p: { PolicyName: string }) => p.PolicyName), ['DeadLetterQueuePolicy', 'WorkerRolePolicy0', 'WorkerRolePolicy1', 'WorkerRolePolicy2']);
    assert.deepEqual(role.Policies[2].PolicyDocument, {
      Statement: [{ Effect: 'Allow', Action: 'events:PutEvents', Resource: { 'Fn::Sub': ['arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/${eventBusName}', { eventBusName: 'default' }] } }],
    });

    const roleName = await physicalId('sam-policy-templates', 'WorkerRole');
    const { AttachedPolicies } = await served.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: roleName }));
    assert.deepEqual(AttachedPolicies!.map((p) => p.PolicyArn).sort(), [...role.ManagedPolicyArns].sort());
    const crud = await served.iam.send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: 'WorkerRolePolicy0' }));
    const document = JSON.parse(decodeURIComponent(crud.PolicyDocument!));
    const tableName = await physicalId('sam-policy-templates', 'Orders');
    assert.deepEqual(document.Statement[0].Resource, [`arn:aws:dynamodb:us-east-1:000000000000:table/${tableName}`, `arn:aws:dynamodb:us-east-1:000000000000:table/${tableName}/index/*`]);
    assert.ok(document.Statement[0].Action.includes('dynamodb:ConditionCheckItem'));
    const parameters = await served.iam.send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: 'WorkerRolePolicy2' }));
    assert.equal(JSON.parse(decodeURIComponent(parameters.PolicyDocument!)).Statement[1].Resource, 'arn:aws:ssm:us-east-1:000000000000:parameter/app/config');

    const { EventSourceMappings } = await served.lambda.send(new ListEventSourceMappingsCommand({ FunctionName: await physicalId('sam-policy-templates', 'Worker') }));
    assert.equal(EventSourceMappings!.length, 1);
    assert.equal(EventSourceMappings![0].EventSourceArn, output(stack, 'Inbox'));
    assert.equal(EventSourceMappings![0].BatchSize, 5);
  });

  it('refuses an unknown policy template and a template without its parameters with SAM\'s messages', async () => {
    const fn = (policy: string) => `
Transform: AWS::Serverless-2016-10-31
Resources:
${samFunction('Fn', { properties: `
      Policies: [AWSLambdaRole, ${policy}]
` })}
`;
    const failed = `${transformFailed(1)} Resource with id [Fn] is invalid.`;
    await transformRefused(served.cfn, 'sam-template-unknown', fn('{ NoSuchPolicy: {} }'), `${failed} Policy at index 1 in the 'Policies' property is not valid`);
    await transformRefused(served.cfn, 'sam-template-missing', fn('{ SQSPollerPolicy: {} }'), `${failed} Following required parameters of template 'SQSPollerPolicy' don't have values: ['QueueName']`);
    await transformRefused(served.cfn, 'sam-template-invalid', fn('{ SQSPollerPolicy: queue }'), `${failed} Must specify valid parameter values for policy template 'SQSPollerPolicy'`);
  });
});
