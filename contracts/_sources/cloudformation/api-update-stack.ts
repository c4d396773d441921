// More of LocalStack's AWS-validated CloudFormation API tests (github.com/localstack/localstack,
// tests/aws/services/cloudformation/api/test_update_stack.py, Apache-2.0) as request sequences; the templates are
// those of tests/aws/templates/ (templates/), expected responses only the recorded snapshots.
import type { SourceScenario, SourceStep } from '../../../verifier/port/source-types.ts';
import { deployed, outputsOf, STACK, template, waitForStack } from './common.ts';

const TOPIC_PARAMETER = template('sns_topic_parameter.yml');
const deployedTopic = () => deployed(TOPIC_PARAMETER, { TopicName: 'topic-{{suffix}}' });
const newTopicName = (n: number) => [{ ParameterKey: 'TopicName', ParameterValue: `topic-${n}-{{suffix}}` }];
const update = (params: Record<string, unknown>, snapshot?: string): SourceStep => ({ op: 'UpdateStack', params: { StackName: STACK, ...params }, ...(snapshot ? { snapshot } : {}) });

export const updateStackScenarios: SourceScenario[] = [
  {
    test: 'test_update_with_resource_types',
    steps: [
      ...deployedTopic(),
      update({ TemplateBody: TOPIC_PARAMETER, ResourceTypes: ['AWS::EC2:*'], Parameters: newTopicName(1) }, 'invalid_type_error'),
      update({ TemplateBody: TOPIC_PARAMETER, ResourceTypes: ['AWS::EC2::*'], Parameters: newTopicName(2) }, 'resource_not_allowed'),
      update({ TemplateBody: TOPIC_PARAMETER, ResourceTypes: ['AWS::SNS::Topic'], Parameters: newTopicName(3) }),
      waitForStack(STACK),
    ],
  },
  {
    test: 'test_update_with_previous_parameter_value',
    note: 'the snapshot holds the topic\'s attributes (GetTopicAttributes), read after the update keeps the previous topic name',
    expandedWords: { 'topic-e848c848': 'topic-{{suffix}}' },
    steps: [
      ...deployedTopic(),
      outputsOf(STACK, 'TopicArn'),
      update({ TemplateBody: template('sns_topic_parameter.update.yml'), Parameters: [{ ParameterKey: 'TopicName', UsePreviousValue: true }] }),
      waitForStack(STACK),
      {
        service: 'sns',
        op: 'GetTopicAttributes',
        params: { TopicArn: '{{TopicArn}}' },
        snapshot: 'topic-attributes',
        select: '$.Attributes',
        jsonStrings: ['$.EffectiveDeliveryPolicy', '$.Policy'],
      },
    ],
  },
  {
    test: 'test_update_with_role_without_permissions',
    note: "the create_role fixture's role, whose trust policy denies the caller",
    expandedWords: { 'role-fb405076': 'role-{{suffix}}' },
    steps: [
      ...deployedTopic(),
      { service: 'sts', op: 'GetCallerIdentity', params: {}, capture: { callerArn: '$.Arn' } },
      {
        service: 'iam',
        op: 'CreateRole',
        params: { RoleName: 'role-{{suffix}}', AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Action: 'sts:AssumeRole', Principal: { AWS: '{{callerArn}}' }, Effect: 'Deny' }] }) },
        capture: { roleArn: '$.Role.Arn' },
      },
      update({ UsePreviousTemplate: true, Parameters: newTopicName(1), RoleARN: '{{roleArn}}' }, 'error'),
    ],
  },
  {
    test: 'test_update_with_invalid_rollback_configuration_errors',
    steps: [
      ...deployedTopic(),
      update({ UsePreviousTemplate: true, Parameters: newTopicName(1), RollbackConfiguration: { RollbackTriggers: [{ Arn: '{{suffix}}', Type: 'Another' }] } }, 'type_error'),
      update(
        {
          UsePreviousTemplate: true,
          Parameters: newTopicName(2),
          RollbackConfiguration: { RollbackTriggers: [{ Arn: 'arn:aws:cloudwatch:us-east-1:123456789012:example-name', Type: 'AWS::CloudWatch::Alarm' }] },
        },
        'arn_error',
      ),
    ],
  },
];

export const updateStackNotPorted: Record<string, string> = {
  test_no_parameters_error_update: 'recorded with no entries, and the test is no longer in the module',
};
