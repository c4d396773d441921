// LocalStack's AWS-validated test of tests/aws/services/apigateway/test_apigateway_stepfunctions.py
// (github.com/localstack/localstack, Apache-2.0) reproduced as a request sequence: a REST API whose AWS integration
// calls Step Functions (`action/StartExecution`, `action/DeleteStateMachine`) on an EXPRESS machine whose one task is
// an echo function, called over HTTP as the test's own request (a plain HTTP step). Expected responses come only from
// the recorded snapshots.
import type { SourceFile, SourceStep } from '../../verifier/port/source-types.ts';
import { API, callerAccount, createApi, invoke, onMethod, pythonFunction, roleWithInlinePolicy, ROOT } from './apigateway-invoke/common.ts';

/** LocalStack's lambda_echo.py (TEST_LAMBDA_PYTHON_ECHO). */
const ECHO_SOURCE = 'import json\n\n\ndef handler(event, context):\n    # Just print the event that was passed to the Lambda\n    print(json.dumps(event))\n    return event\n';
const STATES_TRUST = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'states.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
const POST = (op: string, params: Record<string, unknown>): SourceStep => onMethod(op, ROOT, 'POST', params);
/** The test's request template: the body as the execution's input, the machine by ARN. */
const START_TEMPLATE = `
            {
            "input": "$util.escapeJavaScript($input.json('$'))",
            "stateMachineArn": "{{stateMachineArn}}"
            }
            `;

const source: SourceFile = {
  service: 'apigateway',
  module: 'test_apigateway_stepfunctions',
  snapshotDir: 'apigateway',
  variants: {},
  defaultProtocol: 'rest-json',
  scenarios: [
    {
      test: 'TestApigatewayStepfunctions::test_apigateway_with_step_function_integration',
      note: "create_lambda_function's echo function runs on python3.12 here (the test's python3.9 is deprecated; the machine's answer does not show it); the test's retry loop around its POST is a single call",
      steps: (action: string) => [
        callerAccount,
        ...pythonFunction(ECHO_SOURCE, 'lambda_echo'),
        ...roleWithInlinePolicy('lambda', { name: 'sfn_role', trust: STATES_TRUST, capture: 'sfnRoleArn' }),
        {
          service: 'stepfunctions',
          protocol: 'json',
          op: 'CreateStateMachine',
          params: {
            name: 'test-{{suffix}}',
            definition: JSON.stringify({ Comment: 'Hello World example', StartAt: 'step1', States: { step1: { Type: 'Task', Resource: '{{functionArn}}', End: true } } }),
            roleArn: '{{sfnRoleArn}}',
            type: 'EXPRESS',
          },
          capture: { stateMachineArn: '$.stateMachineArn' },
        },
        createApi({ name: 'test-{{suffix}}', description: 'test-step-function-integration' }),
        POST('PutMethod', { authorizationType: 'NONE' }),
        POST('PutMethodResponse', { statusCode: '200' }),
        ...roleWithInlinePolicy('states'),
        POST('PutIntegration', {
          integrationHttpMethod: 'POST',
          type: 'AWS',
          uri: `arn:aws:apigateway:{{region}}:states:action/${action}`,
          credentials: '{{roleArn}}',
          requestTemplates: action === 'StartExecution' ? { 'application/json': START_TEMPLATE } : {},
        }),
        POST('PutIntegrationResponse', { selectionPattern: '', responseTemplates: {}, statusCode: '200' }),
        { op: 'CreateDeployment', params: { restApiId: API, stageName: 'dev' } },
        action === 'StartExecution'
          ? invoke('/dev/', { method: 'POST', body: '{"test": "test-value"}', snapshot: 'start_execution_response' })
          : invoke('/dev/', { method: 'POST', body: '{"stateMachineArn": "{{stateMachineArn}}"}', snapshot: 'delete_state_machine_response' }),
      ],
    },
  ],
  notPorted: {},
};

export default source;
