import assert from 'node:assert/strict';
import { runBoto3Script } from '../support/boto3.ts';
import { loadSnapshot } from '../support/snapshot.ts';
import { serveCloudFormation } from './serve.ts';

/** AWS's recorded answer of ValidateTemplate (LocalStack's test_templates, validated against AWS), as boto3 parses it. */
const recorded = Object.entries(loadSnapshot('cloudformation', 'api/test_templates.snapshot.json')).find(([id]) => id.endsWith('::test_validate_template'))![1]['recorded-content'];

describe('CloudFormation API operations through boto3', function () {
  this.timeout(120_000);
  let endpoint: string;
  serveCloudFormation((aws) => {
    endpoint = aws.endpoint;
  });

  it('answers ValidateTemplate, DescribeAccountLimits, GetTemplateSummary, the registry and scans in boto3\'s parse', async () => {
    const out = await runBoto3Script<Record<string, Record<string, unknown> | string>>(new URL('./boto3-api.py', import.meta.url), endpoint);
    const { ResponseMetadata: _r, ...validate } = recorded['validate-template'] as Record<string, unknown>;
    // Same members as AWS: no empty DeclaredTransforms, no DefaultValue for a parameter without one.
    assert.deepEqual(out.validate, validate);
    assert.deepEqual((out.limits as { AccountLimits: { Name: string }[] }).AccountLimits.map((l) => l.Name), ['StackLimit', 'StackOutputsLimit', 'ConcurrentResourcesLimit']);
    assert.deepEqual(out.summary, {
      Parameters: [],
      ResourceTypes: ['AWS::SSM::Parameter'],
      Version: '2010-09-09',
      ResourceIdentifierSummaries: [{ ResourceType: 'AWS::SSM::Parameter', LogicalResourceIds: ['MyParameter'], ResourceIdentifiers: ['Name'] }],
    });
    assert.deepEqual(out.type, {
      Arn: 'arn:aws:cloudformation:us-east-1:000000000000:type/resource/Acme-Boto-Thing/00000001',
      DefaultVersionId: '00000001',
      ProvisioningType: 'IMMUTABLE',
      Visibility: 'PRIVATE',
      IsDefaultVersion: true,
    });
    assert.deepEqual(out.registrations, { RegistrationTokenList: [] });
    assert.deepEqual(out.not_found, { Type: 'Sender', Code: 'TypeNotFoundException', Message: "The type 'Acme::Boto::Missing' cannot be found." });
    assert.equal(out.scan_status, 'COMPLETE');
  });
});
