import assert from 'node:assert/strict';
import {
  CreateChangeSetCommand,
  CreateStackCommand,
  GetTemplateCommand,
  GetTemplateSummaryCommand,
  ValidateTemplateCommand,
  type CloudFormationClient,
} from '@aws-sdk/client-cloudformation';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { Twinstack } from '../../emulator/index.ts';
import { rejection } from '../support/aws-error.ts';
import { loadSnapshot } from '../support/snapshot.ts';
import { CLIENT_CONFIG, serveCloudFormation, settled } from './serve.ts';

/** AWS's recorded answers (LocalStack's test_templates, validated against AWS). */
const recorded = loadSnapshot('cloudformation', 'api/test_templates.snapshot.json');
const content = (test: string) => Object.entries(recorded).find(([id]) => id.endsWith(`::${test}`))![1]['recorded-content'] as Record<string, Record<string, unknown>>;
const recordedError = (test: string, key: string) => (content(test)[key] as { Error: { Code: string; Message: string } }).Error;
/** A recorded success answer without its ResponseMetadata. */
function answer(test: string, key: string): Record<string, unknown> {
  const { ResponseMetadata: _r, ...rest } = content(test)[key];
  return rest;
}

describe('CloudFormation: GetTemplateSummary, ValidateTemplate and GetTemplate as AWS answers them', function () {
  this.timeout(60_000);
  let cfn: CloudFormationClient;
  let aws: Twinstack;
  serveCloudFormation((a, c) => {
    aws = a;
    cfn = c;
  });

  it('summarises a deployed stack and a failed one, with their resource identifiers', async () => {
    const template = "AWSTemplateFormatVersion: '2010-09-09'\nMetadata:\n  TopicName: sns-topic-simple\nResources:\n  topic123:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: sns-topic-simple\n    UpdateReplacePolicy: Delete\n    DeletionPolicy: Delete\n";
    await cfn.send(new CreateStackCommand({ StackName: 'summarised', TemplateBody: template }));
    await settled(cfn, 'summarised');
    const { $metadata: _m, Metadata, ...summary } = await cfn.send(new GetTemplateSummaryCommand({ StackName: 'summarised' }));
    const { Metadata: recordedMetadata, ...want } = answer('test_get_template_summary', 'template-summary');
    assert.deepEqual(summary, want);
    // The recording kept the metadata as Python printed it.
    assert.equal(JSON.parse(Metadata!).TopicName, /'TopicName': '([^']+)'/.exec(String(recordedMetadata))![1]);

    const broken = JSON.stringify({ Resources: { MyParameter: { Type: 'AWS::SSM::Parameter', Properties: { Type: 'String' } } } });
    await cfn.send(new CreateStackCommand({ StackName: 'broken', TemplateBody: broken }));
    assert.equal((await settled(cfn, 'broken')).StackStatus, 'ROLLBACK_COMPLETE');
    const { $metadata: _f, ...failed } = await cfn.send(new GetTemplateSummaryCommand({ StackName: 'broken' }));
    assert.deepEqual(failed, answer('test_get_template_summary_failed_stack', 'template-summary'));
  });

  it('refuses what AWS refuses, in its words', async () => {
    const noResources = await rejection(cfn.send(new GetTemplateSummaryCommand({ TemplateBody: '{}' })));
    assert.deepEqual([noResources.name, noResources.message], [recordedError('test_get_template_summary_no_resources', 'error').Code, recordedError('test_get_template_summary_no_resources', 'error').Message]);

    await cfn.send(new CreateChangeSetCommand({ StackName: 'reviewed', ChangeSetName: 'first', ChangeSetType: 'CREATE', TemplateBody: JSON.stringify({ Resources: { Topic: { Type: 'AWS::SNS::Topic' } } }) }));
    const review = await rejection(cfn.send(new GetTemplateSummaryCommand({ StackName: 'reviewed' })));
    assert.equal(review.message, recordedError('test_get_template_summary_non_executed_change_set', 'error').Message);

    const noArguments = await rejection(cfn.send(new GetTemplateCommand({})));
    assert.equal(noArguments.message, recordedError('test_get_template_no_arguments', 'stack-error').Message);
    const noStack = await rejection(cfn.send(new GetTemplateCommand({ ChangeSetName: 'some-change-set' })));
    assert.equal(noStack.message, recordedError('test_get_template_missing_resources_change_set', 'change-set-error').Message);
    const missing = await rejection(cfn.send(new GetTemplateCommand({ StackName: 'does-not-exist' })));
    assert.equal(missing.message, recordedError('test_get_template_missing_resources_stack', 'stack-error').Message);
  });

  it('validates a template and lists its parameters', async () => {
    const template = JSON.stringify({
      Parameters: { KeyExample: { Description: 'The EC2 Key Pair to allow SSH access to the instance', Type: 'AWS::EC2::KeyPair::KeyName' } },
      Resources: { Topic: { Type: 'AWS::SNS::Topic' } },
    });
    const { $metadata: _m, ...validated } = await cfn.send(new ValidateTemplateCommand({ TemplateBody: template }));
    assert.deepEqual(validated, answer('test_validate_template', 'validate-template'));
  });

  it('takes a JSON template with a comma before a closing bracket, as AWS does, and still refuses JSON that is not well-formed', async () => {
    const trailing = '{\n  "Parameters": { "Name": { "Type": "String", }, },\n  "Resources": { "Topic": { "Type": "AWS::SNS::Topic", "Properties": { "TopicName": { "Ref": "Name" }, "Tags": [ { "Key": "k", "Value": "a,}" }, ] } }, },\n}';
    const validated = await cfn.send(new ValidateTemplateCommand({ TemplateBody: trailing }));
    assert.deepEqual(validated.Parameters!.map((p) => p.ParameterKey), ['Name']);
    const broken = await rejection(cfn.send(new ValidateTemplateCommand({ TemplateBody: '{"this is invalid JSON"="bobbins"}' })));
    assert.deepEqual([broken.name, broken.message], [recordedError('test_validate_invalid_json_template_should_fail', 'validate-invalid-json').Code, recordedError('test_validate_invalid_json_template_should_fail', 'validate-invalid-json').Message]);
  });

  it('refuses a TemplateBody over 51,200 bytes quoting it whole, and a TemplateURL template over 1,000,000 bytes', async () => {
    const engine = loadSnapshot('cloudformation', 'test_template_engine.snapshot.json');
    const recordedLimit = Object.entries(engine).find(([id]) => id.endsWith('::test_to_validate_template_limit_for_macro'))![1]['recorded-content'] as Record<string, { Error: { Code: string; Message: string } }>;
    const resources: Record<string, unknown> = {};
    for (let i = 0; i < 1000; i++) resources[`Parameter${i}`] = { Type: 'AWS::SSM::Parameter', Properties: { Type: 'String', Value: `value ${i}` } };
    const body = JSON.stringify({ Resources: resources });
    assert.ok(body.length > 51_200);
    for (const request of [new CreateStackCommand({ StackName: 'too-large', TemplateBody: body }), new ValidateTemplateCommand({ TemplateBody: body })]) {
      const error = await rejection(cfn.send(request as CreateStackCommand));
      assert.deepEqual([error.name, error.message], [recordedLimit.error_response.Error.Code, recordedLimit.error_response.Error.Message.replace('<template-body>', body)]);
    }

    const s3 = new S3Client({ endpoint: aws.endpoint, forcePathStyle: true, ...CLIENT_CONFIG });
    await s3.send(new CreateBucketCommand({ Bucket: 'large-templates' }));
    const padded = (size: number) => JSON.stringify({ Description: 'd', Resources: { Topic: { Type: 'AWS::SNS::Topic' } } }).padEnd(size, ' ');
    await s3.send(new PutObjectCommand({ Bucket: 'large-templates', Key: 'over.json', Body: padded(1_000_001) }));
    await s3.send(new PutObjectCommand({ Bucket: 'large-templates', Key: 'at-limit.json', Body: padded(1_000_000) }));
    const url = (key: string) => `${aws.endpoint}/large-templates/${key}`;
    // AWS's words, as users quote them (the limit is a decimal megabyte: 1 MiB is refused too).
    const over = await rejection(cfn.send(new ValidateTemplateCommand({ TemplateURL: url('over.json') })));
    assert.deepEqual([over.name, over.message], ['ValidationError', 'Template may not exceed 1000000 bytes in size.']);
    assert.ok((await cfn.send(new ValidateTemplateCommand({ TemplateURL: url('at-limit.json') }))).Parameters);
    s3.destroy();
  });
});
