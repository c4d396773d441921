import assert from 'node:assert/strict';
import {
  CreateChangeSetCommand,
  CreateStackCommand,
  GetTemplateCommand,
  GetTemplateSummaryCommand,
  ValidateTemplateCommand,
  type CloudFormationClient,
} from '@aws-sdk/client-cloudformation';
import { rejection } from '../support/aws-error.ts';
import { loadSnapshot } from '../support/snapshot.ts';
import { serveCloudFormation, settled } from './serve.ts';

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
  serveCloudFormation((_a, c) => {
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
});
