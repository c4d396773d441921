import assert from 'node:assert/strict';
import { CreateStackCommand, DeleteStackCommand, DescribeStackEventsCommand, UpdateStackCommand, type CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { GetCodeSigningConfigCommand, LambdaClient, ListTagsCommand } from '@aws-sdk/client-lambda';
import type { Twinstack } from '../../emulator/index.ts';
import { rejection } from '../support/aws-error.ts';
import { CLIENT_CONFIG, serveCloudFormation, settled } from './serve.ts';

const SIGNER = 'arn:aws:signer:us-east-1:000000000000:/signing-profiles/test';

function template(properties: Record<string, unknown>): string {
  return JSON.stringify({
    Resources: { Config: { Type: 'AWS::Lambda::CodeSigningConfig', Properties: properties } },
    Outputs: {
      RefValue: { Value: { Ref: 'Config' } },
      Arn: { Value: { 'Fn::GetAtt': ['Config', 'CodeSigningConfigArn'] } },
      Id: { Value: { 'Fn::GetAtt': ['Config', 'CodeSigningConfigId'] } },
    },
  });
}

describe('CloudFormation: AWS::Lambda::CodeSigningConfig', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  let cfn: CloudFormationClient;
  let lambda: LambdaClient;
  serveCloudFormation((a, c) => {
    aws = a;
    cfn = c;
    lambda = new LambdaClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
  });
  after(() => lambda?.destroy());

  it('creates the config through Lambda, updates it in place with its tags, and deletes it with the stack', async () => {
    const properties = {
      Description: 'Code Signing',
      AllowedPublishers: { SigningProfileVersionArns: [SIGNER] },
      CodeSigningPolicies: { UntrustedArtifactOnDeployment: 'Enforce' },
      Tags: [{ Key: 'team', Value: 'orders' }],
    };
    await cfn.send(new CreateStackCommand({ StackName: 'signing', TemplateBody: template(properties), Tags: [{ Key: 'env', Value: 'test' }] }));
    const created = await settled(cfn, 'signing');
    assert.equal(created.StackStatus, 'CREATE_COMPLETE');
    const output = (key: string) => created.Outputs!.find((o) => o.OutputKey === key)!.OutputValue!;
    assert.match(output('Arn'), /^arn:aws:lambda:us-east-1:000000000000:code-signing-config:csc-[a-z0-9]{17}$/);
    assert.equal(output('RefValue'), output('Arn'));
    assert.equal(output('Id'), output('Arn').split(':').pop());

    const { CodeSigningConfig } = await lambda.send(new GetCodeSigningConfigCommand({ CodeSigningConfigArn: output('Arn') }));
    assert.deepEqual(
      [CodeSigningConfig!.Description, CodeSigningConfig!.AllowedPublishers, CodeSigningConfig!.CodeSigningPolicies],
      ['Code Signing', { SigningProfileVersionArns: [SIGNER] }, { UntrustedArtifactOnDeployment: 'Enforce' }],
    );
    const { Tags } = await lambda.send(new ListTagsCommand({ Resource: output('Arn') }));
    assert.deepEqual([Tags!.team, Tags!.env, Tags!['aws:cloudformation:logical-id']], ['orders', 'test', 'Config']);

    const changed = { ...properties, Description: 'Changed', CodeSigningPolicies: undefined, Tags: [{ Key: 'team', Value: 'payments' }] };
    await cfn.send(new UpdateStackCommand({ StackName: 'signing', TemplateBody: template(changed), Tags: [{ Key: 'env', Value: 'test' }] }));
    const updated = await settled(cfn, 'signing');
    assert.equal(updated.StackStatus, 'UPDATE_COMPLETE');
    assert.equal(updated.Outputs!.find((o) => o.OutputKey === 'Arn')!.OutputValue, output('Arn'));
    const after = (await lambda.send(new GetCodeSigningConfigCommand({ CodeSigningConfigArn: output('Arn') }))).CodeSigningConfig!;
    // A policy left out of the template goes back to Lambda's default.
    assert.deepEqual([after.Description, after.CodeSigningPolicies], ['Changed', { UntrustedArtifactOnDeployment: 'Warn' }]);
    assert.equal((await lambda.send(new ListTagsCommand({ Resource: output('Arn') }))).Tags!.team, 'payments');

    await cfn.send(new DeleteStackCommand({ StackName: 'signing' }));
    assert.equal((await settled(cfn, created.StackId!)).StackStatus, 'DELETE_COMPLETE');
    const gone = await rejection(lambda.send(new GetCodeSigningConfigCommand({ CodeSigningConfigArn: output('Arn') })));
    assert.equal(gone.message, `The Lambda code signing configuration ${output('Arn')} can not be found.`);
  });

  it('fails the resource with the validation error Lambda answers', async () => {
    const properties = { AllowedPublishers: { SigningProfileVersionArns: [] }, CodeSigningPolicies: { UntrustedArtifactOnDeployment: 'Enforce' } };
    await cfn.send(new CreateStackCommand({ StackName: 'signing-bad', TemplateBody: template(properties) }));
    assert.equal((await settled(cfn, 'signing-bad')).StackStatus, 'ROLLBACK_COMPLETE');
    const { StackEvents } = await cfn.send(new DescribeStackEventsCommand({ StackName: 'signing-bad' }));
    const failed = StackEvents!.find((e) => e.LogicalResourceId === 'Config' && e.ResourceStatus === 'CREATE_FAILED')!;
    assert.match(failed.ResourceStatusReason!, /Resource handler returned message: ".*signingProfileVersionArns.*Member must have length greater than or equal to 1.*"/i);
  });
});
