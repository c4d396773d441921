// More of LocalStack's AWS-validated CloudFormation API tests (github.com/localstack/localstack,
// tests/aws/services/cloudformation/api/test_templates.py, Apache-2.0) as request sequences; the templates are those
// of tests/aws/templates/ (templates/), expected responses only the recorded snapshots.
import type { SourceScenario } from '../../../verifier/port/source-types.ts';

// test_create_stack_from_s3_template_url's template (textwrap.dedent of an indented literal: a leading newline).
const TOPIC_TEMPLATE = "\nAWSTemplateFormatVersion: '2010-09-09'\nParameters:\n  TopicName:\n    Type: String\nResources:\n  topic123:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !Ref TopicName\n";

const TEMPLATE_URLS: Record<string, string> = {
  s3_url: 's3://bucket-{{suffix}}/test/template.yml',
  http_invalid: 'https://example.com/dummy.yml',
};

export const templatesScenarios: SourceScenario[] = [
  {
    test: 'test_create_stack_from_s3_template_url',
    note: "the s3_create_bucket fixture's bucket holds the template; both variants are refused before the stack is made",
    unportedVariants: {
      http_path: "it snapshots the topics it picked out of ListTopics (a digest of all the account's topics), not a response",
      http_host: "it snapshots the topics it picked out of ListTopics (a digest of all the account's topics), not a response",
    },
    steps: (style) => [
      { service: 's3', protocol: 'rest-xml', op: 'CreateBucket', params: { Bucket: 'bucket-{{suffix}}' } },
      { service: 's3', protocol: 'rest-xml', op: 'PutObject', params: { Bucket: 'bucket-{{suffix}}', Key: 'test/template.yml', Body: TOPIC_TEMPLATE } },
      {
        op: 'CreateStack',
        params: { StackName: 's-{{suffix}}', TemplateURL: TEMPLATE_URLS[style], Parameters: [{ ParameterKey: 'TopicName', ParameterValue: 'topic-{{suffix}}' }] },
        snapshot: 'create-error',
      },
    ],
  },
];

export const templatesNotPorted: Record<string, string> = {
  test_get_template_summary:
    "its recorded Metadata is the text {'TopicName': 'sns-topic-simple'} (a Python dict's form), not the JSON text the template's Metadata would give; no other recording shows which AWS sends, so it is left out rather than guessed",
  test_get_template_missing_resources: 'recorded, but the test is no longer in the module (it became the test_get_template_missing_resources_* tests, which are ported)',
};
