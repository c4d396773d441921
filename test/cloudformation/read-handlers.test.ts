import assert from 'node:assert/strict';
import { DescribeTypeCommand, ListTypesCommand, type CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { serveCloudFormation } from './serve.ts';

/**
 * The resource types twinstack provides without a read handler: drift detection reports their resources NOT_CHECKED
 * and Cloud Control's GetResource knows them only when it made them. A type added without a read handler fails the
 * test until it has one or is listed here; a type that gains one should leave the list.
 */
const WITHOUT_READ = new Set([
  // CDK's bookkeeping resource: nothing behind it to read.
  'AWS::CDK::Metadata',
  // The engine's own change set, generated template, custom resource, macro and wait condition types: of the
  // CloudFormation types, AWS's drift support list (user guide, "Resource type support") names Stack and StackSet and
  // the registry types, whose schemas have read handlers; none of these (a custom resource's state is its provider's,
  // a macro's the template processing, a wait condition's the signals it got).
  'AWS::CloudFormation::ChangeSet',
  'AWS::CloudFormation::CustomResource',
  'AWS::CloudFormation::GeneratedTemplate',
  'AWS::CloudFormation::Macro',
  'AWS::CloudFormation::WaitCondition',
  'AWS::CloudFormation::WaitConditionHandle',
  // AWS's own AWS::IAM::Policy does not support drift detection (its reference page; coverage-roadmap#1686).
  'AWS::IAM::Policy',
]);

describe('CloudFormation: the resource types that can read their resources back (drift, Cloud Control)', function () {
  this.timeout(60_000);
  let cfn: CloudFormationClient;
  serveCloudFormation((_aws, c) => (cfn = c));

  it('lists every public type without a read handler in its schema', async () => {
    const names: string[] = [];
    for (const ProvisioningType of ['FULLY_MUTABLE', 'IMMUTABLE'] as const) {
      let NextToken: string | undefined;
      do {
        const page = await cfn.send(new ListTypesCommand({ Visibility: 'PUBLIC', Type: 'RESOURCE', ProvisioningType, NextToken }));
        names.push(...page.TypeSummaries!.map((t) => t.TypeName!));
        NextToken = page.NextToken;
      } while (NextToken);
    }
    const unread: string[] = [];
    for (const TypeName of names) {
      const { Schema } = await cfn.send(new DescribeTypeCommand({ Type: 'RESOURCE', TypeName }));
      if (!JSON.parse(Schema!).handlers.read) unread.push(TypeName);
    }
    assert.ok(names.includes('AWS::SQS::Queue') && !unread.includes('AWS::SQS::Queue'));
    assert.deepEqual(unread.filter((name) => !WITHOUT_READ.has(name)), [], 'types without a read handler that are not listed');
  });
});
