import assert from 'node:assert/strict';
import { CreateChangeSetCommand, type CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { changeSetSettled, SAM_CAPABILITIES, serveCloudFormation, transformedChangeSet, transformRefused } from './serve.ts';

// The SAM transform names a REST API's deployment after a hash of its definition as the SAM translator prints it
// (Python 2.7 dict order, u'' strings). Expected ids: AWS's recording of LocalStack's test_serverless_fn_transform
// (ServerlessRestApiDeployment47fc2d5f9d), and the SAM translator's output (github.com/aws/serverless-application-model,
// the code AWS runs for the transform) for the two other templates.
const fn = (events: Record<string, [string, string, string?]>, more: object = {}) => ({
  Type: 'AWS::Serverless::Function',
  Properties: {
    Handler: 'index.handler',
    Runtime: 'nodejs18.x',
    InlineCode: 'x',
    ...more,
    Events: Object.fromEntries(Object.entries(events).map(([id, [Path, Method, api]]) => [id, { Type: 'Api', Properties: { Path, Method, ...(api ? { RestApiId: { Ref: api } } : {}) } }])),
  },
});
const sam = (resources: object) => JSON.stringify({ Transform: 'AWS::Serverless-2016-10-31', Resources: resources });

describe('CloudFormation: SAM REST API deployments and permissions named as the SAM translator names them', function () {
  this.timeout(60_000);
  let cfn: CloudFormationClient;
  let n = 0;
  serveCloudFormation((_aws, client) => (cfn = client));

  /** The processed template's resources and the property values of a CREATE change set of the template. */
  async function changeSet(template: string) {
    const { processed, changes } = await transformedChangeSet(cfn, `sam-ids-${n++}`, template);
    return { resources: processed.Resources, changes };
  }

  it('gives the implicit API of AWS\'s recording its deployment id, and shows the integration URI with the function\'s ARN known after apply', async () => {
    const { resources, changes } = await changeSet(sam({ HelloWorldFunction: fn({ ApiEvent: ['/hello', 'get'] }, { InlineCode: "exports.handler = async (event) => {\n  return {\n    statusCode: 200,\n    body: JSON.stringify({ message: 'Hello from SAM inline function!' })\n  };\n};" }) }));
    assert.deepEqual(resources.ServerlessRestApiDeployment47fc2d5f9d.Properties, { RestApiId: { Ref: 'ServerlessRestApi' }, Description: 'RestApi deployment id: 47fc2d5f9d21ad56f83937abe2779d0e26d7095e', StageName: 'Stage' });
    assert.deepEqual(resources.HelloWorldFunctionApiEventPermissionProd.Properties.SourceArn, {
      'Fn::Sub': ['arn:aws:execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/${__Stage__}/GET/hello', { __ApiId__: { Ref: 'ServerlessRestApi' }, __Stage__: '*' }],
    });
    const api = changes.find((c) => c.ResourceChange!.LogicalResourceId === 'ServerlessRestApi')!.ResourceChange!;
    const integration = JSON.parse(api.AfterContext!).Properties.Body.paths['/hello'].get['x-amazon-apigateway-integration'];
    assert.equal(integration.uri, 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/{{changeSet:KNOWN_AFTER_APPLY}}/invocations');
  });

  it('orders many paths as SAM\'s dicts do, adds named functions to the hash, and suffixes permissions with the stage', async () => {
    const implicit = await changeSet(
      sam({
        HelloWorldFunction0: fn({ Call0: ['/{proxy+}/api', 'get'], Get1: ['/pets', 'put'], ApiEvent2: ['/get/orders/{id}', 'post'] }),
        OrderFunction1: fn({ E0: ['/hello/{proxy+}/', 'head'], ApiEvent1: ['/pets/b/b', 'get'], Get2: ['/data/v1/pets', 'head'] }),
        Handler2: fn({ ApiEvent0: ['/api/a', 'options'] }),
      }),
    );
    assert.ok(implicit.resources.ServerlessRestApiDeployment464c6f4410, Object.keys(implicit.resources).join());
    // A path's trailing slash is dropped from the permission's ARN, as API Gateway drops it.
    assert.match(JSON.stringify(implicit.resources.OrderFunction1E0PermissionProd.Properties.SourceArn), /\/HEAD\/hello\/\*"/);

    const explicit = await changeSet(
      sam({
        MyApi: { Type: 'AWS::Serverless::Api', Properties: { StageName: 'v1' } },
        Api2Fn0: fn({ E0: ['/pets/orders', 'put', 'MyApi'], Get1: ['/get', 'get'], E2: ['/v1/proxy', 'options', 'MyApi'], E3: ['/health/health/{proxy+}', 'get', 'MyApi'] }),
        Api2Fn1: fn({ Call0: ['/users', 'options', 'MyApi'], Get1: ['/get', 'any', 'MyApi'], Ev2: ['/v1/proxy/store', 'put', 'MyApi'] }, { FunctionName: 'fn-api2fn1' }),
        OrderFunction2: fn({ Call0: ['/v1/list', 'delete', 'MyApi'], ApiEvent1: ['/orders/x/get', 'put', 'MyApi'], Call2: ['/{proxy+}', 'Post'] }, { FunctionName: 'fn-orderfunction2' }),
      }),
    );
    const ids = Object.keys(explicit.resources).filter((id) => /Deployment|Permission/.test(id)).sort();
    assert.deepEqual(ids, [
      'Api2Fn0E0Permissionv1',
      'Api2Fn0E2Permissionv1',
      'Api2Fn0E3Permissionv1',
      'Api2Fn0Get1PermissionProd',
      'Api2Fn1Call0Permissionv1',
      'Api2Fn1Ev2Permissionv1',
      'Api2Fn1Get1Permissionv1',
      'MyApiDeployment7c94ca61a7',
      'OrderFunction2ApiEvent1Permissionv1',
      'OrderFunction2Call0Permissionv1',
      'OrderFunction2Call2PermissionProd',
      'ServerlessRestApiDeployment87be72013d',
    ]);
  });

  it('adds the Domain, as SAM has completed it, to the deployment\'s hash', async () => {
    // Expected ids: the SAM translator's output for this template (aws-sam-translator 1.110.0, the code of
    // github.com/aws/serverless-application-model that AWS runs for the transform).
    const { resources } = await changeSet(
      sam({
        MyApi: { Type: 'AWS::Serverless::Api', Properties: { StageName: 'v1', Domain: { DomainName: 'api.example.com', CertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc', BasePath: ['/v1'] } } },
        Fn: fn({ Get: ['/items', 'get', 'MyApi'] }),
      }),
    );
    assert.deepEqual(Object.keys(resources).filter((id) => /Deployment|DomainName/.test(id)).sort(), ['ApiGatewayDomainName1bc412bb08', 'MyApiDeploymentc7829db67a']);
  });

  // AWS's answer to a template the SAM transform refuses, as `aws cloudformation deploy` users quote it: a FAILED change
  // set whose StatusReason is the transform's message (github.com/aws-samples/aws-cognito-apigw-angular-auth/issues/4,
  // github.com/buildkite/buildkite-agent-scaler/pull/69).
  it('refuses a method two events define for one path with SAM\'s message: CreateStack refuses it, CreateChangeSet fails the change set with it', async () => {
    const template = sam({ Fn: fn({ A: ['/list', 'head'], B: ['/list', 'HEAD'] }) });
    const message =
      'Transform AWS::Serverless-2016-10-31 failed with: Invalid Serverless Application Specification document. Number of errors found: 1. Resource with id [Fn] is invalid. Event with id [B] is invalid. API method "head" defined multiple times for path "/list".';
    await transformRefused(cfn, `sam-ids-${n++}`, template, message);
    const { Id } = await cfn.send(new CreateChangeSetCommand({ StackName: `sam-ids-${n++}`, ChangeSetName: 'cs', ChangeSetType: 'CREATE', TemplateBody: template, Capabilities: SAM_CAPABILITIES }));
    const described = await changeSetSettled(cfn, Id!);
    assert.equal(described.Status, 'FAILED');
    assert.equal(described.ExecutionStatus, 'UNAVAILABLE');
    assert.equal(described.StatusReason, message);
    assert.deepEqual(described.Changes, []);
  });
});
