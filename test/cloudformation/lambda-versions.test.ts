import assert from 'node:assert/strict';
import { CreateStackCommand, DeleteStackCommand, UpdateStackCommand, type CloudFormationClient, type Stack } from '@aws-sdk/client-cloudformation';
import { GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { GetProvisionedConcurrencyConfigCommand, InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { Twinstack } from '../../emulator/index.ts';
import { expectError } from '../support/aws-error.ts';
import { CLIENT_CONFIG, serveCloudFormation, settled } from './serve.ts';

function output(stack: Stack, key: string): string {
  return stack.Outputs!.find((o) => o.OutputKey === key)!.OutputValue!;
}

async function deploy(cfn: CloudFormationClient, name: string, template: string, update = false): Promise<Stack> {
  const input = { StackName: name, TemplateBody: template, Capabilities: ['CAPABILITY_IAM' as const] };
  await cfn.send(update ? new UpdateStackCommand(input) : new CreateStackCommand(input));
  const stack = await settled(cfn, name);
  assert.match(stack.StackStatus!, /^(CREATE|UPDATE)_COMPLETE$/, stack.StackStatusReason);
  return stack;
}

/** A role and a Python function answering how its environment was started; `more` adds resources and outputs. */
const functionTemplate = (more: { Resources: object; Outputs: object }) =>
  JSON.stringify({
    Resources: {
      Role: {
        Type: 'AWS::IAM::Role',
        Properties: { AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] } },
      },
      Fn: {
        Type: 'AWS::Lambda::Function',
        Properties: {
          Runtime: 'python3.12',
          Handler: 'index.handler',
          Role: { 'Fn::GetAtt': ['Role', 'Arn'] },
          Code: { ZipFile: 'import os\n\ndef handler(event, context):\n    return {"initialization_type": os.environ["AWS_LAMBDA_INITIALIZATION_TYPE"]}\n' },
        },
      },
      ...more.Resources,
    },
    Outputs: { Fn: { Value: { Ref: 'Fn' } }, Role: { Value: { Ref: 'Role' } }, ...more.Outputs },
  });

describe('CloudFormation: Lambda versions and aliases with provisioned concurrency, event invoke configs, stack roles', function () {
  this.timeout(120_000);
  let aws: Twinstack;
  let cfn: CloudFormationClient;
  let lambda: LambdaClient;
  serveCloudFormation((a, c) => {
    aws = a;
    cfn = c;
    lambda = new LambdaClient({ endpoint: a.endpoint, ...CLIENT_CONFIG });
  });
  after(() => lambda?.destroy());

  const provisioned = (FunctionName: string, Qualifier: string) => lambda.send(new GetProvisionedConcurrencyConfigCommand({ FunctionName, Qualifier }));
  const initialization = async (FunctionName: string, Qualifier: string) => {
    const out = await lambda.send(new InvokeCommand({ FunctionName, Qualifier, Payload: Buffer.from('{}') }));
    return (JSON.parse(Buffer.from(out.Payload!).toString()) as { initialization_type: string }).initialization_type;
  };

  it("finishes a version's provisioned concurrency READY before the stack completes; the version runs provisioned", async () => {
    const stack = await deploy(
      cfn,
      'pc-version',
      functionTemplate({
        Resources: { Version: { Type: 'AWS::Lambda::Version', Properties: { FunctionName: { Ref: 'Fn' }, ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 1 } } } },
        Outputs: { Version: { Value: { 'Fn::GetAtt': ['Version', 'Version'] } } },
      }),
    );
    const fn = output(stack, 'Fn');
    assert.equal(output(stack, 'Version'), '1');
    const config = await provisioned(fn, '1');
    assert.deepEqual([config.Status, config.AllocatedProvisionedConcurrentExecutions, config.AvailableProvisionedConcurrentExecutions], ['READY', 1, 1]);
    assert.equal(await initialization(fn, '1'), 'provisioned-concurrency');
    assert.equal(await initialization(fn, '$LATEST'), 'on-demand');
    await cfn.send(new DeleteStackCommand({ StackName: 'pc-version' }));
    assert.equal((await settled(cfn, stack.StackId!)).StackStatus, 'DELETE_COMPLETE');
  });

  it("provisions an alias, and removes its provisioned concurrency when an update drops it", async () => {
    const template = (config: object) =>
      functionTemplate({
        Resources: {
          Version: { Type: 'AWS::Lambda::Version', Properties: { FunctionName: { Ref: 'Fn' } } },
          Alias: { Type: 'AWS::Lambda::Alias', Properties: { FunctionName: { Ref: 'Fn' }, FunctionVersion: { 'Fn::GetAtt': ['Version', 'Version'] }, Name: 'live', ...config } },
        },
        Outputs: {},
      });
    const stack = await deploy(cfn, 'pc-alias', template({ ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 1 } }));
    const fn = output(stack, 'Fn');
    assert.equal((await provisioned(fn, 'live')).Status, 'READY');
    assert.equal(await initialization(fn, 'live'), 'provisioned-concurrency');
    await deploy(cfn, 'pc-alias', template({ Description: 'no longer provisioned' }), true);
    await assert.rejects(provisioned(fn, 'live'), expectError('ProvisionedConcurrencyConfigNotFoundException', 404, 'No Provisioned Concurrency Config found for this function'));
    await cfn.send(new DeleteStackCommand({ StackName: 'pc-alias' }));
  });

  it("gives an EventInvokeConfig's Ref as its FunctionName|Qualifier identifier, and a stack's role the empty description", async () => {
    const stack = await deploy(
      cfn,
      'invoke-config',
      functionTemplate({
        Resources: { Async: { Type: 'AWS::Lambda::EventInvokeConfig', Properties: { FunctionName: { Ref: 'Fn' }, Qualifier: '$LATEST', MaximumRetryAttempts: 0 } } },
        Outputs: { Async: { Value: { Ref: 'Async' } } },
      }),
    );
    assert.equal(output(stack, 'Async'), `${output(stack, 'Fn')}|$LATEST`);
    const iam = new IAMClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
    const { Role } = await iam.send(new GetRoleCommand({ RoleName: output(stack, 'Role') }));
    iam.destroy();
    assert.equal(Role!.Description, '');
    await cfn.send(new DeleteStackCommand({ StackName: 'invoke-config' }));
  });
});
