// LocalStack's AWS-validated CloudFormation tests of CDK's templates (github.com/localstack/localstack,
// tests/aws/services/cloudformation/resources/test_cdk.py, Apache-2.0) reproduced as request sequences: CDK's
// bootstrap templates deployed as `cdk bootstrap` does, and a CDK sample app's synthesized template. Expected
// responses come only from the recorded snapshots.
import type { SourceStep } from '../../verifier/port/source-types.ts';
import { deployed, outputsOf, resourceModule, STACK, template, waitForStack } from './cloudformation/common.ts';

const TOOLKIT = 'CDKToolkit-{{suffix}}';
const CHANGE_SET = 'cdk-deploy-change-set-{{suffix}}';
// The test's qualifier is a short uid, redacted to <qualifier>: here the run's suffix (the parameter allows 1-10 of [A-Za-z0-9_-]).
const QUALIFIER = '{{suffix}}';

/** The bootstrap template each variant deploys and the parameters CDK's CLI passed for it, in the test's order. */
const BOOTSTRAP: Record<string, { template: string; parameters: [string, string][] }> = {
  v20: {
    template: 'cdk_bootstrap.yml',
    parameters: [
      ['BootstrapVariant', 'AWS CDK: Default Resources'],
      ['TrustedAccounts', ''],
      ['TrustedAccountsForLookup', ''],
      ['CloudFormationExecutionPolicies', ''],
      ['FileAssetsBucketKmsKeyId', 'AWS_MANAGED_KEY'],
      ['PublicAccessBlockConfiguration', 'true'],
      ['Qualifier', QUALIFIER],
      ['UseExamplePermissionsBoundary', 'false'],
    ],
  },
  v28: {
    template: 'cdk_bootstrap_v28.yaml',
    parameters: [
      ['CloudFormationExecutionPolicies', ''],
      ['FileAssetsBucketKmsKeyId', 'AWS_MANAGED_KEY'],
      ['PublicAccessBlockConfiguration', 'true'],
      ['Qualifier', QUALIFIER],
      ['TrustedAccounts', ''],
      ['TrustedAccountsForLookup', ''],
    ],
  },
};

function bootstrapRedeploy(variant: string): SourceStep[] {
  const { template: name, parameters } = BOOTSTRAP[variant];
  const changeSet = { StackName: TOOLKIT, ChangeSetName: CHANGE_SET };
  return [
    {
      op: 'CreateChangeSet',
      params: {
        ...changeSet,
        TemplateBody: template(name),
        ChangeSetType: 'CREATE',
        Capabilities: ['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM', 'CAPABILITY_AUTO_EXPAND'],
        Description: 'CDK Changeset for execution 731ed7da-8b2d-49c6-bca3-4698b6875954',
        Parameters: parameters.map(([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue })),
      },
    },
    { op: 'DescribeChangeSet', params: changeSet, until: { path: '$.Status', matches: '^(CREATE_COMPLETE|FAILED)$' } },
    { op: 'DescribeChangeSet', params: changeSet, snapshot: 'describe-change-set', unordered: ['$.Parameters'] },
    { op: 'ExecuteChangeSet', params: changeSet },
    waitForStack(TOOLKIT),
    // LastOperations appeared in DescribeStacks answers after this recording.
    { op: 'DescribeStacks', params: { StackName: TOOLKIT }, snapshot: 'describe-stacks', select: '$.Stacks[0]', unordered: ['$.Parameters', '$.Outputs'], ignore: ['$.LastOperations'] },
    { op: 'GetTemplate', params: { StackName: TOOLKIT, TemplateStage: 'Original' } },
  ];
}

const cdk = resourceModule('test_cdk', [
  {
    test: 'TestCdkInit::test_cdk_bootstrap_redeploy',
    note: "CDK's bootstrap template (v20: cdk_bootstrap.yml, v28: cdk_bootstrap_v28.yaml, as the test read them) created as a change set the way `cdk bootstrap` does, executed, and its template read back as a second `cdk bootstrap` does; the test sorted parameters and outputs by key",
    expandedWords: { '<qualifier>': QUALIFIER },
    steps: bootstrapRedeploy,
  },
  {
    test: 'TestCdkSampleApp::test_cdk_sample',
    note: "the test sorted the stack resources by logical id. The queue's physical id is its URL, whose host is the endpoint's (AWS's https://sqs.<region>.amazonaws.com): judged as the queue URL the stack's output gives. The queue policy's physical id, read last by the test, is any value",
    expandedWords: { 'https://sqs.<region>.amazonaws.com/111111111111/<resource:1>': '{{QueueUrl}}' },
    steps: [
      ...deployed(template('cfn_cdk_sample_app.yaml')),
      outputsOf(STACK, 'QueueUrl'),
      // boto3 spoke query to SQS when this was recorded (2022).
      { service: 'sqs', protocol: 'query', op: 'GetQueueAttributes', params: { QueueUrl: '{{QueueUrl}}', AttributeNames: ['Policy'] }, snapshot: 'queue_attr_policy', jsonStrings: ['$.Attributes.Policy'] },
      { op: 'ListStackResources', params: { StackName: '{{stackId}}' }, snapshot: 'stack_resources', unordered: ['$.StackResourceSummaries'] },
      { op: 'DescribeStackResource', params: { StackName: '{{stackId}}', LogicalResourceId: 'CdksampleQueuePolicyFA91005A' } },
    ],
  },
]);

export default [cdk];
