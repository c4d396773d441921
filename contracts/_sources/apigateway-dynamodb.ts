// LocalStack's AWS-validated tests of tests/aws/services/apigateway/test_apigateway_dynamodb.py
// (github.com/localstack/localstack, Apache-2.0) reproduced as request sequences. Expected responses come only from
// the recorded snapshots.
import type { SourceFile } from '../../verifier/port/source-types.ts';
import { createApi, createResource, onMethod } from './apigateway-invoke/common.ts';

const source: SourceFile = {
  service: 'apigateway',
  module: 'test_apigateway_dynamodb',
  snapshotDir: 'apigateway',
  variants: {},
  defaultProtocol: 'rest-json',
  scenarios: [
    {
      test: 'test_error_aws_proxy_not_supported',
      note: "the create_rest_api_with_integration fixture's API, resource and POST method; its AWS integration, invocation role and deployment do not bear on the refused AWS_PROXY integration and are left out",
      steps: [
        createApi({ name: 'test-apigw-{{suffix}}', endpointConfiguration: { types: ['REGIONAL'] } }),
        createResource('{{rootId}}', 'test', 'resourceId'),
        onMethod('PutMethod', '{{resourceId}}', 'POST', { authorizationType: 'NONE', apiKeyRequired: false, requestParameters: {} }),
        onMethod(
          'PutIntegration',
          '{{resourceId}}',
          'POST',
          { integrationHttpMethod: 'POST', type: 'AWS_PROXY', uri: 'arn:aws:apigateway:{{region}}:dynamodb:action/Query' },
          'create-integration-error',
        ),
      ],
    },
  ],
  notPorted: {},
  notPortedOtherwise:
    'invokes a deployed API whose AWS integration calls DynamoDB with an invocation role (create_iam_role_with_policy); not reproduced yet',
};

export default source;
