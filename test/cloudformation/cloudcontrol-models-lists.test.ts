import assert from 'node:assert/strict';
import { CloudControlClient, CreateResourceCommand, ListResourcesCommand, UpdateResourceCommand } from '@aws-sdk/client-cloudcontrol';
import { expectError } from '../support/aws-error.ts';
import { deploy, output, serveWithClients } from './serve.ts';
import { ACM_CERTIFICATE, echoFunction, LAMBDA_ROLE } from './templates.ts';

const TEMPLATE = JSON.stringify({
  Resources: {
    Role: LAMBDA_ROLE,
    Function: echoFunction({ FunctionName: 'cc-listed' }),
    Async: { Type: 'AWS::Lambda::EventInvokeConfig', Properties: { FunctionName: { Ref: 'Function' }, Qualifier: '$LATEST', MaximumRetryAttempts: 1 } },
    Api: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'cc-api' } },
    Method: {
      Type: 'AWS::ApiGateway::Method',
      Properties: { RestApiId: { Ref: 'Api' }, ResourceId: { 'Fn::GetAtt': ['Api', 'RootResourceId'] }, HttpMethod: 'GET', AuthorizationType: 'NONE', Integration: { Type: 'MOCK' } },
    },
    Deployment: { Type: 'AWS::ApiGateway::Deployment', DependsOn: 'Method', Properties: { RestApiId: { Ref: 'Api' }, StageName: 'prod' } },
    Domain: {
      Type: 'AWS::ApiGateway::DomainName',
      Properties: { DomainName: 'api.example.com', RegionalCertificateArn: ACM_CERTIFICATE, EndpointConfiguration: { Types: ['REGIONAL'] } },
    },
    Root: { Type: 'AWS::ApiGateway::BasePathMapping', DependsOn: 'Deployment', Properties: { DomainName: { Ref: 'Domain' }, RestApiId: { Ref: 'Api' }, Stage: 'prod' } },
    Orders: {
      Type: 'AWS::ApiGateway::BasePathMapping',
      DependsOn: 'Deployment',
      Properties: { DomainName: { Ref: 'Domain' }, BasePath: 'orders', RestApiId: { Ref: 'Api' }, Stage: 'prod' },
    },
  },
  Outputs: { Api: { Value: { Ref: 'Api' } } },
});

describe('Cloud Control: model validation and the list handlers of child types', function () {
  this.timeout(60_000);
  const aws = serveWithClients({ cc: CloudControlClient });

  it('refuses a desired state or patch with a property outside the schema, before any work', async () => {
    const { cc } = aws;
    await assert.rejects(
      cc.send(new CreateResourceCommand({ TypeName: 'AWS::SQS::Queue', DesiredState: JSON.stringify({ QueueName: 'cc-extra', Colour: 'blue' }) })),
      expectError('ValidationException', 400, 'Model validation failed (#: extraneous key [Colour] is not permitted)'),
    );
    const list = await cc.send(new ListResourcesCommand({ TypeName: 'AWS::SQS::Queue' }));
    assert.deepEqual(list.ResourceDescriptions, []);
    const { ProgressEvent } = await cc.send(new CreateResourceCommand({ TypeName: 'AWS::SQS::Queue', DesiredState: JSON.stringify({ QueueName: 'cc-kept' }) }));
    assert.equal(ProgressEvent!.OperationStatus, 'SUCCESS');
    await assert.rejects(
      cc.send(new UpdateResourceCommand({ TypeName: 'AWS::SQS::Queue', Identifier: ProgressEvent!.Identifier, PatchDocument: JSON.stringify([{ op: 'add', path: '/Colour', value: 'blue' }]) })),
      expectError('ValidationException', 400, 'Model validation failed (#: extraneous key [Colour] is not permitted)'),
    );
  });

  it('lists base path mappings under a domain name and invoke configurations under a function; refuses to list methods', async () => {
    const { cc, cfn } = aws;
    const stack = await deploy(cfn, 'cc-lists', TEMPLATE);
    const list = async (TypeName: string, model?: object) => {
      const { ResourceDescriptions } = await cc.send(new ListResourcesCommand({ TypeName, ResourceModel: model && JSON.stringify(model) }));
      return ResourceDescriptions!.map((d) => ({ id: d.Identifier, ...JSON.parse(d.Properties!) }));
    };
    const api = output(stack, 'Api');
    assert.deepEqual(
      (await list('AWS::ApiGateway::BasePathMapping', { DomainName: 'api.example.com' })).sort((a, b) => a.id.localeCompare(b.id)),
      [
        { id: 'api.example.com|', DomainName: 'api.example.com', BasePath: '', RestApiId: api, Stage: 'prod' },
        { id: 'api.example.com|orders', DomainName: 'api.example.com', BasePath: 'orders', RestApiId: api, Stage: 'prod' },
      ],
    );
    await assert.rejects(
      list('AWS::ApiGateway::BasePathMapping'),
      expectError(
        'InvalidRequestException',
        400,
        'Missing or invalid ResourceModel property in AWS::ApiGateway::BasePathMapping list handler request input.Required property: (#: required key [DomainName] not found)',
      ),
    );
    const configs = await list('AWS::Lambda::EventInvokeConfig', { FunctionName: 'cc-listed' });
    assert.deepEqual(
      configs.map((c) => [c.id, c.FunctionName, c.Qualifier, c.MaximumRetryAttempts]),
      [['cc-listed|$LATEST', 'cc-listed', '$LATEST', 1]],
    );
    await assert.rejects(list('AWS::ApiGateway::Method'), expectError('UnsupportedActionException', 400, 'Resource type AWS::ApiGateway::Method does not support LIST action'));
  });
});
