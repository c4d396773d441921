import assert from 'node:assert/strict';
import {
  CreateChangeSetCommand,
  CreateStackCommand,
  DescribeAccountLimitsCommand,
  DescribeChangeSetHooksCommand,
  DescribeStackEventsCommand,
  EstimateTemplateCostCommand,
  GetHookResultCommand,
  GetStackPolicyCommand,
  ListHookResultsCommand,
  SetStackPolicyCommand,
  UpdateStackCommand,
  type CloudFormationClient,
} from '@aws-sdk/client-cloudformation';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { Twinstack } from '../../emulator/index.ts';
import { rejection } from '../support/aws-error.ts';
import { loadSnapshot } from '../support/snapshot.ts';
import { CLIENT_CONFIG, serveCloudFormation, settled } from './serve.ts';

/** AWS's recorded answers (LocalStack's test_stack_policies, validated against AWS). */
const recorded = loadSnapshot('cloudformation', 'api/test_stack_policies.snapshot.json');
const content = (test: string) => Object.entries(recorded).find(([id]) => id.endsWith(`::${test}`))![1]['recorded-content'] as Record<string, Record<string, unknown>>;
/** A recorded GetStackPolicy answer as the policy text would parse (the recording shows the body as parsed JSON). */
const recordedBody = (test: string, key: string) => content(test)[key].StackPolicyBody;
const recordedError = (test: string) => {
  const error = content(test).error as { Error?: { Code: string; Message: string }; Code?: string; Message?: string };
  return error.Error ?? (error as { Code: string; Message: string });
};

const TEMPLATE = `
Parameters:
  TopicName: { Type: String }
  Value: { Type: String, Default: first }
Resources:
  Topic:
    Type: AWS::SNS::Topic
    Properties: { TopicName: !Ref TopicName }
  Setting:
    Type: AWS::SSM::Parameter
    Properties: { Type: String, Value: !Ref Value }
`;

const allow = { Statement: [{ Effect: 'Allow', Action: 'Update:*', Principal: '*', Resource: '*' }] };
const deny = { Statement: [{ Effect: 'Deny', Action: 'Update:*', Principal: '*', Resource: '*' }] };


describe('CloudFormation: stack policies, account limits, cost estimates and hook results', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  let cfn: CloudFormationClient;
  serveCloudFormation((a, c) => {
    aws = a;
    cfn = c;
  });

  let n = 0;
  async function stack(policy?: object): Promise<string> {
    const name = `guarded-${++n}`;
    await cfn.send(new CreateStackCommand({ StackName: name, TemplateBody: TEMPLATE, Parameters: [{ ParameterKey: 'TopicName', ParameterValue: `${name}-topic` }], StackPolicyBody: policy && JSON.stringify(policy) }));
    assert.equal((await settled(cfn, name)).StackStatus, 'CREATE_COMPLETE');
    return name;
  }
  const update = (name: string, parameters: Record<string, string>, extra: object = {}) =>
    cfn.send(new UpdateStackCommand({ StackName: name, TemplateBody: TEMPLATE, Parameters: Object.entries(parameters).map(([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue })), ...extra }));
  const policyOf = async (name: string) => {
    const { StackPolicyBody } = await cfn.send(new GetStackPolicyCommand({ StackName: name }));
    return StackPolicyBody === undefined ? undefined : JSON.parse(StackPolicyBody);
  };
  async function failedBy(name: string): Promise<string[]> {
    const { StackEvents } = await cfn.send(new DescribeStackEventsCommand({ StackName: name }));
    return StackEvents!.filter((e) => e.ResourceStatus === 'UPDATE_FAILED' && /^Action (denied|not allowed) by stack policy/.test(e.ResourceStatusReason ?? '')).map((e) => e.LogicalResourceId!);
  }

  it('sets, replaces and empties a policy as AWS records it', async () => {
    const name = await stack();
    const initial = await cfn.send(new GetStackPolicyCommand({ StackName: name }));
    assert.equal(initial.StackPolicyBody, undefined);
    assert.equal('StackPolicyBody' in content('test_policy_lifecycle').initial_policy, false);
    await cfn.send(new SetStackPolicyCommand({ StackName: name, StackPolicyBody: JSON.stringify(allow) }));
    assert.deepEqual(await policyOf(name), recordedBody('test_policy_lifecycle', 'policy'));
    await cfn.send(new SetStackPolicyCommand({ StackName: name, StackPolicyBody: JSON.stringify(deny) }));
    assert.deepEqual(await policyOf(name), recordedBody('test_policy_lifecycle', 'policy_updated'));
    await cfn.send(new SetStackPolicyCommand({ StackName: name, StackPolicyBody: '{}' }));
    assert.deepEqual(await policyOf(name), recordedBody('test_policy_lifecycle', 'policy_deleted'));

    const created = await stack(allow);
    assert.deepEqual(await policyOf(created), recordedBody('test_create_stack_with_policy', 'policy'));
  });

  it('refuses invalid policies with AWS\'s messages, and reads a policy from S3', async () => {
    const name = await stack();
    const cases: [string, string][] = [
      ['test_not_json_policy', 'not-json'],
      ['test_different_principal_attribute', JSON.stringify({ Statement: [{ Effect: 'Deny', Action: 'Update:*', Principal: 'someone', Resource: '*' }] })],
      ['test_different_action_attribute', JSON.stringify({ Statement: [{ Effect: 'Deny', Action: 'Delete:*', Principal: 'someone', Resource: '*' }] })],
    ];
    for (const [test, body] of cases) {
      const error = await rejection(cfn.send(new SetStackPolicyCommand({ StackName: name, StackPolicyBody: body })));
      assert.deepEqual([error.name, error.message], [recordedError(test).Code, recordedError(test).Message], test);
    }
    const s3 = new S3Client({ endpoint: aws.endpoint, forcePathStyle: true, ...CLIENT_CONFIG });
    await s3.send(new CreateBucketCommand({ Bucket: 'policies' }));
    await s3.send(new PutObjectCommand({ Bucket: 'policies', Key: 'allow.json', Body: JSON.stringify(allow) }));
    await s3.send(new PutObjectCommand({ Bucket: 'policies', Key: 'bad.json', Body: '{"Statement": "nope"}' }));
    // LocalStack's invalid_stack_policy.json: a statement's members with no Statement around them.
    await s3.send(new PutObjectCommand({ Bucket: 'policies', Key: 'bare.json', Body: JSON.stringify(allow.Statement[0]) }));
    s3.destroy();
    const url = (key: string) => `https://policies.s3.amazonaws.com/${key}`;
    const both = await rejection(cfn.send(new SetStackPolicyCommand({ StackName: name, StackPolicyBody: JSON.stringify(allow), StackPolicyURL: url('allow.json') })));
    assert.deepEqual([both.name, both.message], [recordedError('test_set_policy_both_policy_and_url').Code, recordedError('test_set_policy_both_policy_and_url').Message]);
    const bad = await rejection(cfn.send(new SetStackPolicyCommand({ StackName: name, StackPolicyURL: url('bad.json') })));
    assert.equal(bad.message, recordedError('test_set_invalid_policy_with_url').Message);
    const bare = await rejection(cfn.send(new SetStackPolicyCommand({ StackName: name, StackPolicyURL: url('bare.json') })));
    assert.equal(bare.message, recordedError('test_set_invalid_policy_with_url').Message);
    await cfn.send(new SetStackPolicyCommand({ StackName: name, StackPolicyURL: url('allow.json') }));
    assert.deepEqual(await policyOf(name), recordedBody('test_set_policy_with_url', 'policy'));
  });

  it('stops updates the policy denies and rolls them back, letting allowed ones through', async () => {
    const denied = await stack(deny);
    await update(denied, { TopicName: `${denied}-renamed` });
    assert.equal((await settled(cfn, denied)).StackStatus, 'UPDATE_ROLLBACK_COMPLETE');
    assert.deepEqual(await failedBy(denied), ['Topic']);

    // Everything is protected once a policy has statements: an Allow for parameters only leaves the topic denied.
    const partial = await stack({ Statement: [{ Effect: 'Allow', Action: 'Update:Modify', Principal: '*', Resource: '*', Condition: { StringEquals: { ResourceType: ['AWS::SSM::Parameter'] } } }] });
    await update(partial, { TopicName: `${partial}-topic`, Value: 'second' });
    assert.equal((await settled(cfn, partial)).StackStatus, 'UPDATE_COMPLETE');
    await update(partial, { TopicName: `${partial}-renamed`, Value: 'third' });
    assert.equal((await settled(cfn, partial)).StackStatus, 'UPDATE_ROLLBACK_COMPLETE');
    assert.deepEqual(await failedBy(partial), ['Topic']);

    // An explicit Deny wins over an Allow; an empty policy protects nothing.
    const overlapping = await stack({ Statement: [...allow.Statement, { Effect: 'Deny', Action: 'Update:Modify', Principal: '*', Resource: 'LogicalResourceId/Sett*' }] });
    await update(overlapping, { TopicName: `${overlapping}-topic`, Value: 'second' });
    assert.equal((await settled(cfn, overlapping)).StackStatus, 'UPDATE_ROLLBACK_COMPLETE');
    assert.deepEqual(await failedBy(overlapping), ['Setting']);
    const empty = await stack({});
    await update(empty, { TopicName: `${empty}-renamed` });
    assert.equal((await settled(cfn, empty)).StackStatus, 'UPDATE_COMPLETE');
  });

  it('protects resources from removal, and applies a policy during one update only', async () => {
    const name = await stack({ Statement: [...allow.Statement, { Effect: 'Deny', Action: 'Update:Delete', Principal: '*', Resource: '*', Condition: { StringEquals: { ResourceType: ['AWS::SNS::Topic'] } } }] });
    const withoutTopic = TEMPLATE.replace(/ {2}Topic:\n.*\n.*\n/, '');
    await cfn.send(new UpdateStackCommand({ StackName: name, TemplateBody: withoutTopic, Parameters: [{ ParameterKey: 'TopicName', ParameterValue: 'unused' }] }));
    assert.equal((await settled(cfn, name)).StackStatus, 'UPDATE_ROLLBACK_COMPLETE');
    assert.deepEqual(await failedBy(name), ['Topic']);

    const open = await stack();
    await update(open, { TopicName: `${open}-topic`, Value: 'second' }, { StackPolicyDuringUpdateBody: JSON.stringify(deny) });
    assert.equal((await settled(cfn, open)).StackStatus, 'UPDATE_ROLLBACK_COMPLETE');
    assert.deepEqual(await failedBy(open), ['Setting']);
    assert.equal(await policyOf(open), undefined);
    assert.equal('StackPolicyBody' in content('test_policy_during_update').policy_after_update, false);
  });

  it('answers the account limits, a cost estimate link and (no) hook results', async () => {
    const { AccountLimits } = await cfn.send(new DescribeAccountLimitsCommand({}));
    assert.deepEqual(AccountLimits!.map((l) => l.Name), ['StackLimit', 'StackOutputsLimit', 'ConcurrentResourcesLimit']);
    const { Url } = await cfn.send(new EstimateTemplateCostCommand({ TemplateBody: TEMPLATE }));
    assert.match(Url!, /^https:\/\/calculator\.s3\.amazonaws\.com\/calc5\.html\?key=/);
    const invalid = await rejection(cfn.send(new EstimateTemplateCostCommand({ TemplateBody: '{"Resources": {}}' })));
    assert.deepEqual([invalid.name, invalid.message], ['ValidationError', 'Template format error: At least one Resources member must be defined.']);

    const { Id } = await cfn.send(new CreateChangeSetCommand({ StackName: 'hooked', ChangeSetName: 'first', TemplateBody: TEMPLATE, ChangeSetType: 'CREATE', Parameters: [{ ParameterKey: 'TopicName', ParameterValue: 'hooked' }] }));
    const hooks = await cfn.send(new DescribeChangeSetHooksCommand({ ChangeSetName: Id }));
    assert.deepEqual([hooks.ChangeSetName, hooks.StackName, hooks.Status, hooks.Hooks], ['first', 'hooked', 'UNAVAILABLE', []]);
    const results = await cfn.send(new ListHookResultsCommand({ TargetType: 'CHANGE_SET', TargetId: Id }));
    assert.deepEqual(results.HookResults, []);
    const missing = await rejection(cfn.send(new GetHookResultCommand({ HookResultId: '00000000-0000-4000-8000-000000000000' })));
    assert.equal(missing.name, 'HookResultNotFoundException');
  });
});
