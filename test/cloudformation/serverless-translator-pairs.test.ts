import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { serveCloudFormation, transformedChangeSet } from './serve.ts';

// Templates of the SAM translator's tests and the processed templates its outputs say AWS makes of them (see
// sam-translator/README.md): CreateChangeSet of each, then GetTemplate TemplateStage=Processed must give the same
// resources, deployment ids (the SHA-1 of SAM's Python 2.7 print of each definition) included. The translator's tests
// run it on the template directly; a stack declares it in a Transform line.
const PAIRS: Record<string, Record<string, string>> = {
  api_with_cors: {},
  api_with_cors_and_only_headers: {},
  api_with_gateway_responses_all: {},
  api_with_gateway_responses_implicit: {},
  api_with_default_aws_iam_auth_and_no_auth_route: {},
  api_with_auth_with_default_scopes: {},
  api_with_cors_and_auth_preflight_auth: {},
  api_with_default_aws_iam_auth: {},
  api_with_apikey_default_override: {},
  api_with_aws_iam_auth_overrides: {},
  api_endpoint_configuration_with_vpcendpoint: { EndpointConfigType: 'PRIVATE', VpcEndpointId: 'vpce-0123456789abcdef0' },
};

const fixture = (name: string, ext: string) => readFileSync(new URL(`./sam-translator/${name}.${ext}`, import.meta.url), 'utf8');

describe('CloudFormation: the SAM transform against the SAM translator\'s published test outputs', function () {
  this.timeout(60_000);
  let cfn: CloudFormationClient;
  serveCloudFormation((_aws, client) => (cfn = client));

  for (const [name, parameters] of Object.entries(PAIRS)) {
    it(`gives ${name} the translator's resources`, async () => {
      const expected = JSON.parse(fixture(name, 'json'));
      const { processed } = await transformedChangeSet(cfn, `sam-pair-${name.replaceAll('_', '-')}`, `Transform: AWS::Serverless-2016-10-31\n${fixture(name, 'yaml')}`, parameters);
      assert.deepEqual(processed.Resources, expected.Resources);
    });
  }
});
