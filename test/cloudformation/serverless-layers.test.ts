import assert from 'node:assert/strict';
import { DescribeStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { decode, zip } from '../lambda/support.ts';
import { CLIENT_CONFIG, deployTransformed, output, serveWithClients } from './serve.ts';

describe('CloudFormation: SAM LayerVersion logical ids', function () {
  this.timeout(60_000);
  const served = serveWithClients({ lambda: LambdaClient });
  let s3: S3Client;
  before(async () => {
    s3 = new S3Client({ endpoint: served.aws.endpoint, forcePathStyle: true, ...CLIENT_CONFIG });
    await s3.send(new CreateBucketCommand({ Bucket: 'sam-layers' }));
    await s3.send(new PutObjectCommand({ Bucket: 'sam-layers', Key: 'greeting.zip', Body: zip({ 'nodejs/node_modules/greeting/index.js': "exports.greet = (name) => 'hello ' + name;\n" }) }));
  });
  after(() => s3?.destroy());

  it('names the layer version after a hash of the SAM resource, rewrites references to it, and the function runs with the layer', async () => {
    const template = `
Transform: AWS::Serverless-2016-10-31
Resources:
  Greeting:
    Type: AWS::Serverless::LayerVersion
    Properties:
      ContentUri: s3://sam-layers/greeting.zip
      CompatibleRuntimes: [nodejs20.x]
      RetentionPolicy: delete
  Greeter:
    Type: AWS::Serverless::Function
    DependsOn: Greeting
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      Layers: [!Ref Greeting]
      InlineCode: "exports.handler = async (e) => require('greeting').greet(e.name);"
Outputs:
  Layer: { Value: !Ref Greeting }
  Function: { Value: !Ref Greeter }
`;
    const { stack, processed } = await deployTransformed(served.cfn, 'sam-layers', template);
    const [layerId] = Object.keys(processed.Resources).filter((id) => processed.Resources[id].Type === 'AWS::Lambda::LayerVersion');
    // SAM's id: the SAM resource's id and the first 10 hex digits of the SHA-1 of its sorted JSON.
    assert.match(layerId, /^Greeting[0-9a-f]{10}$/);
    assert.equal(processed.Resources[layerId].DeletionPolicy, 'Delete');
    assert.equal(processed.Resources[layerId].Properties.LayerName, 'Greeting');
    assert.deepEqual(processed.Resources.Greeter.Properties.Layers, [{ Ref: layerId }]);
    assert.deepEqual(processed.Resources.Greeter.DependsOn, layerId);
    assert.deepEqual(processed.Outputs.Layer.Value, { Ref: layerId });

    const { StackResources } = await served.cfn.send(new DescribeStackResourcesCommand({ StackName: 'sam-layers' }));
    assert.ok(StackResources!.some((r) => r.LogicalResourceId === layerId && r.PhysicalResourceId === output(stack, 'Layer')));
    assert.match(output(stack, 'Layer'), /:layer:Greeting:1$/);
    const { Payload } = await served.lambda.send(new InvokeCommand({ FunctionName: output(stack, 'Function'), Payload: JSON.stringify({ name: 'sam' }) }));
    assert.equal(decode(Payload), 'hello sam');
  });
});
