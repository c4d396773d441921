// LocalStack's AWS-validated test of tests/aws/services/apigateway/test_apigateway_eventbridge.py
// (github.com/localstack/localstack, Apache-2.0) reproduced as a request sequence: a REST API whose AWS integration
// puts events (`action/PutEvents`, its X-Amz-Target set by the template's request override), called over HTTP as the
// test's own request (a plain HTTP step). Expected responses come only from the recorded snapshots.
import type { SourceFile } from '../../verifier/port/source-types.ts';
import { API, createApi, createResource, invocationRole, invoke, onMethod } from './apigateway-invoke/common.ts';

const REQUEST_TEMPLATE = `
              #set($context.requestOverride.header.X-Amz-Target = "AWSEvents.PutEvents")
              #set($context.requestOverride.header.Content-Type = "application/x-amz-json-1.1")
              #set($inputRoot = $input.path('$'))
              {
                "Entries": [
                  #foreach($elem in $inputRoot.items)
                  {
                    "Detail": "$util.escapeJavaScript($elem.Detail).replaceAll("\\'","'")",
                    "DetailType": "$elem.DetailType",
                    "Source":"$elem.Source"
                  }#if($foreach.hasNext),#end
                  #end
                ]
              }
            `;
const POST = (op: string, params: Record<string, unknown>) => onMethod(op, '{{resourceId}}', 'POST', params);

const source: SourceFile = {
  service: 'apigateway',
  module: 'test_apigateway_eventbridge',
  snapshotDir: 'apigateway',
  variants: {},
  defaultProtocol: 'rest-json',
  scenarios: [
    {
      test: 'test_apigateway_to_eventbridge',
      note: "the test's retry loop around its POST (against AWS) is a single call",
      steps: [
        createApi({ name: '{{suffix}}-eventbridge' }),
        createResource('{{rootId}}', 'event', 'resourceId'),
        POST('PutMethod', { authorizationType: 'NONE', requestParameters: { 'method.request.header.X-Amz-Target': false, 'method.request.header.Content-Type': false } }),
        ...invocationRole('events:PutEvents'),
        POST('PutIntegration', {
          integrationHttpMethod: 'POST',
          type: 'AWS',
          uri: 'arn:aws:apigateway:{{region}}:events:action/PutEvents',
          passthroughBehavior: 'WHEN_NO_TEMPLATES',
          credentials: '{{roleArn}}',
          requestParameters: {},
          requestTemplates: { 'application/json': REQUEST_TEMPLATE },
        }),
        POST('PutMethodResponse', { statusCode: '200', responseModels: { 'application/json': 'Empty' }, responseParameters: {} }),
        POST('PutIntegrationResponse', { statusCode: '200', responseTemplates: { 'application/json': "#set($inputRoot = $input.json('$'))\n$inputRoot" } }),
        { op: 'CreateDeployment', params: { restApiId: API, stageName: 'dev' } },
        invoke('/dev/event', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          // python's json.dumps of the test's payload
          body: '{"items": [{"Detail": "{\\"data\\":\\"Order is created\\"}", "DetailType": "Test", "Source": "order"}]}',
          snapshot: 'eventbridge-put-events-response',
        }),
      ],
    },
  ],
  notPorted: {},
};

export default source;
