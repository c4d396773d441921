import assert from 'node:assert/strict';
import { DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SSMClient, GetParameterCommand } from '@aws-sdk/client-ssm';
import { samTemplate, transformFailed } from './sam-templates.ts';
import { deleteStack, deployTransformed, output, physicalId, serveWithClients, transformRefused } from './serve.ts';

// AWS::Serverless::Application deployed through the SAM transform: a nested AWS::CloudFormation::Stack of the template
// at its Location URL with SAM's tag (the translator's output, see basic_application in SAM's tests). An application
// of the Serverless Application Repository, which twinstack does not serve, gets SAM's answer for an application it
// cannot access.
const CHILD = JSON.stringify({
  Parameters: { Label: { Type: 'String' } },
  Resources: { Setting: { Type: 'AWS::SSM::Parameter', Properties: { Type: 'String', Value: { Ref: 'Label' } } } },
  Outputs: { Setting: { Value: { Ref: 'Setting' } } },
});

describe('CloudFormation: SAM applications (AWS::Serverless::Application)', function () {
  this.timeout(60_000);
  const served = serveWithClients({ s3: S3Client, ssm: SSMClient });

  it('deploys the template at Location as a nested stack with its parameters and tags', async () => {
    await served.s3.send(new CreateBucketCommand({ Bucket: 'apps' }));
    await served.s3.send(new PutObjectCommand({ Bucket: 'apps', Key: 'child.json', Body: CHILD }));
    const template = samTemplate(`
Resources:
  Settings:
    Type: AWS::Serverless::Application
    Properties:
      Location: ${served.aws.endpoint}/apps/child.json
      Parameters: { Label: blue }
      Tags: { team: platform }
      TimeoutInMinutes: 5
Outputs:
  Setting: { Value: !GetAtt Settings.Outputs.Setting }
`);
    const { stack, processed } = await deployTransformed(served.cfn, 'sam-application', template);
    assert.deepEqual(processed.Resources.Settings.Properties.Tags, [{ Key: 'lambda:createdBy', Value: 'SAM' }, { Key: 'team', Value: 'platform' }]);
    const { Parameter } = await served.ssm.send(new GetParameterCommand({ Name: output(stack, 'Setting') }));
    assert.equal(Parameter!.Value, 'blue');
    const nested = (await served.cfn.send(new DescribeStacksCommand({ StackName: await physicalId(served.cfn, 'sam-application', 'Settings') }))).Stacks![0];
    assert.deepEqual(nested.Tags!.find((t) => t.Key === 'team'), { Key: 'team', Value: 'platform' });
    await deleteStack(served.cfn, stack);
  });

  it("refuses a Serverless Application Repository application with SAM's answer for one it cannot access", async () => {
    const application = (location: string) => samTemplate(`
Resources:
  App:
    Type: AWS::Serverless::Application
    Properties:
      Location: ${location}`);
    const invalid = (message: string) => `${transformFailed(1)} Resource with id [App] is invalid. ${message}`;
    const id = 'arn:aws:serverlessrepo:us-east-1:123456789012:applications/hello-world';
    await transformRefused(served.cfn, 'sam-app-1', application(`{ ApplicationId: '${id}', SemanticVersion: 1.0.2 }`), invalid(`Cannot access application: ${id}.`));
    await transformRefused(served.cfn, 'sam-app-2', application(`{ ApplicationId: '${id}' }`), invalid('Resource is missing the required [SemanticVersion] property.'));
  });
});
