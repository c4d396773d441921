import assert from 'node:assert/strict';
import { http } from '../apigateway/support.ts';
import { answering, samFunction, samTemplate, transformFailed } from './sam-templates.ts';
import { deleteStack, deployTransformed, output, serveCloudFormation, transformRefused } from './serve.ts';
import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import type { Twinstack } from '../../emulator/index.ts';

// Api events' own Auth.ResourcePolicy deployed through the SAM transform (the statements are the SAM translator's,
// compared with its published outputs in serverless-translator-pairs.test.ts): each event's path gets its statements in
// the API's policy, which API Gateway enforces (with --enforce-iam) (a method without authorization answers only the callers the policy allows).
const TEMPLATE = samTemplate(`
Resources:
${samFunction('Items', {
  code: answering('items'),
  properties: `
      Events:
        Local:
          Type: Api
          Properties: { Path: /local, Method: get, Auth: { ResourcePolicy: { IpRangeWhitelist: [127.0.0.1/32, '::1/128', '::ffff:127.0.0.1/128'] } } }
        Remote:
          Type: Api
          Properties: { Path: /remote, Method: get, Auth: { ResourcePolicy: { IpRangeWhitelist: [203.0.113.0/24] } } }
        Open:
          Type: Api
          Properties: { Path: /open, Method: get }
`,
})}
Outputs:
  Api: { Value: !Ref ServerlessRestApi }
`);

describe('CloudFormation: SAM Api events with Auth.ResourcePolicy', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  let cfn: CloudFormationClient;
  // API Gateway judges resource policies when identity policies are enforced.
  serveCloudFormation((served, client) => ((aws = served), (cfn = client)), { enforceIam: true });

  it("puts each event's statements in the API's policy, which API Gateway enforces per path", async () => {
    const { stack, processed } = await deployTransformed(cfn, 'sam-event-resource-policy', TEMPLATE);
    const statements = processed.Resources.ServerlessRestApi.Properties.Body['x-amazon-apigateway-policy'].Statement as { Effect: string; Resource: { 'Fn::Sub': [string, unknown] }[] }[];
    assert.deepEqual(statements.map((s) => [s.Effect, s.Resource[0]['Fn::Sub'][0]]), [
      ['Allow', 'execute-api:/${__Stage__}/GET/local'],
      ['Deny', 'execute-api:/${__Stage__}/GET/local'],
      ['Allow', 'execute-api:/${__Stage__}/GET/remote'],
      ['Deny', 'execute-api:/${__Stage__}/GET/remote'],
    ]);
    const url = (path: string) => `${aws.endpoint}/restapis/${output(stack, 'Api')}/Prod/_user_request_${path}`;
    const local = await http(url('/local'));
    assert.deepEqual([local.status, local.text], [200, 'items']);
    // Denied from this address, and /open is allowed by no statement of the policy.
    assert.equal((await http(url('/remote'))).status, 403);
    assert.equal((await http(url('/open'))).status, 403);
    await deleteStack(cfn, stack);
  });

  it("refuses an event's ResourcePolicy that is not a map with SAM's message", async () => {
    const template = samTemplate(`
Resources:
${samFunction('Fn', { properties: '      Events: { Get: { Type: Api, Properties: { Path: /, Method: get, Auth: { ResourcePolicy: [x] } } } }' })}`);
    await transformRefused(cfn, 'sam-event-policy-bad', template, `${transformFailed(1)} Resource with id [Fn] is invalid. Event with id [Get] is invalid. Property 'Auth.ResourcePolicy' should be a map.`);
  });
});
