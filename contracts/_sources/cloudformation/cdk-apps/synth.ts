// The CDK apps of LocalStack's AWS-validated CloudFormation tests that build their app in Python at test time
// (github.com/localstack/localstack, tests/aws/services/cloudformation/resources/, Apache-2.0), written again with
// the TypeScript aws-cdk-lib this repository pins: the same constructs and properties, the same stack names, and the
// provisioner's BootstraplessSynthesizer (localstack-core/localstack/testing/scenario/provisioning.py). Run it to
// write the templates beside it (`node --import tsx contracts/_sources/cloudformation/cdk-apps/synth.ts`); the
// ported contracts send those files as the templates the tests' provisioner sent.
//
// Values the test made at run time are written as the contracts' placeholders (`{{suffix}}` for the test's short
// uid, `{{accountId}}`…), which the verifier fills in when it replays the contract. Where CDK derives a generated
// name from one of them (a FIFO topic's name from its stack's name), the stack keeps one fixed name instead.
import { App, BootstraplessSynthesizer, CfnOutput, RemovalPolicy, Stack, aws_dynamodb as dynamodb, aws_iam as iam, aws_secretsmanager as secretsmanager, aws_sns as sns } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { writeFileSync } from 'node:fs';
import { FIFO_TOPIC_STACK } from '../../cloudformation-resources.ts';

/** A stack of an app of its own, as each test's infrastructure_setup makes one. */
function stack(id: string | undefined, stackName?: string): Stack {
  const app = new App({ defaultStackSynthesizer: new BootstraplessSynthesizer() });
  return new Stack(app, id, stackName ? { stackName } : {});
}

const apps: Record<string, () => Stack> = {
  // test_dynamodb.py::test_ttl_cdk (LocalStack keeps its synthesized template: tests/aws/cdk_templates/DDBTableTTL/;
  // this app gives the same template, which checks this way of re-synthesizing the others).
  'ddb-table-ttl': () => {
    const s = stack('DDBStackTTL');
    const table = new dynamodb.Table(s, 'Table', {
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
      removalPolicy: RemovalPolicy.RETAIN,
      timeToLiveAttribute: 'expire_at',
    });
    new CfnOutput(s, 'TableName', { value: table.tableName });
    return s;
  },
  // test_sns.py::test_sns_topic_with_attributes
  'sns-fifo-topic-archive-policy': () => {
    const s = stack(undefined, FIFO_TOPIC_STACK);
    const topic = new sns.Topic(s, 'Topic', { fifo: true, messageRetentionPeriodInDays: 30 });
    new CfnOutput(s, 'TopicArn', { value: topic.topicArn });
    return s;
  },
  // test_sns.py::test_sns_topic_policy_resets_to_default: a policy for the topic the sns_topic fixture made.
  'sns-topic-policy-existing-topic': () => {
    const s = stack(undefined, 'SnsTopicPolicyStack');
    const topic = sns.Topic.fromTopicArn(s, 'Topic', 'arn:{{partition}}:sns:{{region}}:{{accountId}}:topic-{{suffix}}');
    const policy = new sns.TopicPolicy(s, 'CustomTopicPolicy', { topics: [topic] });
    policy.document.addStatements(
      new iam.PolicyStatement({
        effect: iam.Effect.ALLOW,
        principals: [new iam.AnyPrincipal()],
        actions: ['sns:Publish'],
        resources: [topic.topicArn],
        conditions: { StringEquals: { 'aws:SourceAccount': '{{accountId}}' } },
      }),
    );
    new CfnOutput(s, 'TopicArn', { value: topic.topicArn });
    return s;
  },
  // test_secretsmanager.py::test_cdk_deployment_generates_secret_value_if_no_value_is_provided (its stack name is not
  // in the template).
  'secret-generated-value': () => {
    const s = stack(undefined, 'SecretGeneration');
    const secret = new secretsmanager.Secret(s, 'my_secret{{suffix}}', { secretName: 'my_secret{{suffix}}' });
    new CfnOutput(s, 'SecretName', { value: secret.secretName });
    new CfnOutput(s, 'SecretARN', { value: secret.secretArn });
    return s;
  },
};

for (const [name, app] of Object.entries(apps)) {
  writeFileSync(new URL(`./${name}.json`, import.meta.url), `${JSON.stringify(Template.fromStack(app()).toJSON(), null, 2)}\n`);
}
