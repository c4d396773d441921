import assert from 'node:assert/strict';
import { GetPolicyCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { GetBucketNotificationConfigurationCommand, S3Client } from '@aws-sdk/client-s3';
import { CLIENT_CONFIG, deployTransformed, output, serveWithClients } from './serve.ts';
import { samFunction } from './sam-templates.ts';

describe('CloudFormation: SAM S3 events', function () {
  this.timeout(60_000);
  const served = serveWithClients({ lambda: LambdaClient });
  let s3: S3Client;
  before(() => (s3 = new S3Client({ endpoint: served.aws.endpoint, forcePathStyle: true, ...CLIENT_CONFIG })));
  after(() => s3?.destroy());

  it('adds the events to the bucket\'s notification configuration after S3\'s permission, and S3 holds them', async () => {
    const template = `
Transform: AWS::Serverless-2016-10-31
Resources:
  Images:
    Type: AWS::S3::Bucket
${samFunction('Thumbnails', { properties: `
      Events:
        Uploaded:
          Type: S3
          Properties:
            Bucket: !Ref Images
            Events: [s3:ObjectCreated:*, s3:ObjectRemoved:*]
            Filter: { S3Key: { Rules: [{ Name: suffix, Value: .png }] } }
` })}
Outputs:
  Bucket: { Value: !Ref Images }
  Function: { Value: !GetAtt Thumbnails.Arn }
`;
    const { stack, processed } = await deployTransformed(served.cfn, 'sam-s3-event', template);
    const filter = { S3Key: { Rules: [{ Name: 'suffix', Value: '.png' }] } };
    const fn = { 'Fn::GetAtt': ['Thumbnails', 'Arn'] };
    assert.deepEqual(processed.Resources.Images, {
      Type: 'AWS::S3::Bucket',
      DependsOn: ['ThumbnailsUploadedPermission'],
      Properties: { NotificationConfiguration: { LambdaConfigurations: [{ Function: fn, Filter: filter, Event: 's3:ObjectCreated:*' }, { Function: fn, Filter: filter, Event: 's3:ObjectRemoved:*' }] } },
    });
    assert.deepEqual(processed.Resources.ThumbnailsUploadedPermission.Properties, { Action: 'lambda:InvokeFunction', FunctionName: { Ref: 'Thumbnails' }, Principal: 's3.amazonaws.com', SourceAccount: { Ref: 'AWS::AccountId' } });

    const { LambdaFunctionConfigurations } = await s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: output(stack, 'Bucket') }));
    assert.deepEqual(LambdaFunctionConfigurations!.map((c) => [c.LambdaFunctionArn, c.Events]), [
      [output(stack, 'Function'), ['s3:ObjectCreated:*']],
      [output(stack, 'Function'), ['s3:ObjectRemoved:*']],
    ]);
    const { Policy } = await served.lambda.send(new GetPolicyCommand({ FunctionName: output(stack, 'Function') }));
    assert.deepEqual(JSON.parse(Policy!).Statement[0].Principal, { Service: 's3.amazonaws.com' });
  });
});
