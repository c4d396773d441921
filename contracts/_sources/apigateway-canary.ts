// LocalStack's AWS-validated tests of tests/aws/services/apigateway/test_apigateway_canary.py
// (github.com/localstack/localstack, Apache-2.0) reproduced as request sequences, with the tests' own HTTP requests to
// the deployed API as plain HTTP steps. Expected responses come only from the recorded snapshots.
import { pythonJson, type SourceFile, type SourceStep } from '../../verifier/port/source-types.ts';
import { API, createApi, invoke, onMethod, ROOT } from './apigateway-invoke/common.ts';

const DEFAULT_RESPONSE = { statusCode: 200, message: 'default deployment' };
/** The `create_api_for_deployment` fixture: a MOCK GET on the root answering the given template. */
const apiForDeployment = (responseTemplate: object = DEFAULT_RESPONSE): SourceStep[] => [
  createApi(),
  onMethod('PutMethod', ROOT, 'GET', { authorizationType: 'NONE' }),
  onMethod('PutMethodResponse', ROOT, 'GET', { statusCode: '200' }),
  onMethod('PutIntegration', ROOT, 'GET', { type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } }),
  onMethod('PutIntegrationResponse', ROOT, 'GET', { statusCode: '200', selectionPattern: '', responseTemplates: { 'application/json': pythonJson(responseTemplate) } }),
];
const replaceResponseTemplate = (template: object): SourceStep =>
  onMethod('UpdateIntegrationResponse', ROOT, 'GET', { statusCode: '200', patchOperations: [{ op: 'replace', path: '/responseTemplates/application~1json', value: pythonJson(template) }] });
const createDeployment = (snapshot: string | undefined, capture: string | undefined, params: Record<string, unknown> = {}): SourceStep => ({
  op: 'CreateDeployment',
  params: { restApiId: API, ...params },
  snapshot,
  ...(capture ? { capture: { [capture]: '$.id' } } : {}),
});
const createStage = (stageName: string, params: Record<string, unknown>, snapshot?: string): SourceStep => ({ op: 'CreateStage', params: { restApiId: API, stageName, ...params }, snapshot });
const updateStage = (stageName: string, patchOperations: object[], snapshot: string): SourceStep => ({ op: 'UpdateStage', params: { restApiId: API, stageName, patchOperations }, snapshot });
const getStage = (stageName: string, snapshot: string): SourceStep => ({ op: 'GetStage', params: { restApiId: API, stageName }, snapshot });
const CANARY = { percentTraffic: 50, stageVariableOverrides: { testVar: 'canary' } };
const COPY_TO_DEFAULT = [
  { op: 'replace', value: '0.0', path: '/canarySettings/percentTraffic' },
  { op: 'copy', from: '/canarySettings/deploymentId', path: '/deploymentId' },
  { op: 'copy', from: '/canarySettings/stageVariableOverrides', path: '/variables' },
];
const canaryTemplate = (message: string) => ({
  statusCode: 200,
  message,
  variable: '$stageVariables.testVar',
  nonExistingDefault: '$stageVariables.noStageVar',
  nonOverridden: '$stageVariables.defaultVar',
  isCanary: '$context.isCanaryRequest',
});

const source: SourceFile = {
  service: 'apigateway',
  module: 'test_apigateway_canary',
  snapshotDir: 'apigateway',
  variants: {},
  defaultProtocol: 'rest-json',
  redactedWords: { datetime: 'timestamp' },
  scenarios: [
    {
      test: 'TestStageCrudCanary::test_create_update_stages',
      steps: [
        ...apiForDeployment(),
        createDeployment('create-deployment-1', 'deploymentId'),
        replaceResponseTemplate({ statusCode: 200, message: 'second deployment' }),
        createDeployment('create-deployment-2', 'deploymentId2'),
        createStage(
          'dev',
          {
            deploymentId: '{{deploymentId}}',
            description: 'dev stage',
            variables: { testVar: 'default' },
            canarySettings: { deploymentId: '{{deploymentId2}}', percentTraffic: 50, stageVariableOverrides: { testVar: 'canary' } },
          },
          'create-stage',
        ),
        getStage('dev', 'get-stage'),
        updateStage('dev', [{ op: 'replace', path: '/canarySettings/stageVariableOverrides/testVar', value: 'updated' }], 'update-stage-canary-settings-overrides'),
        updateStage('dev', [{ op: 'remove', path: '/canarySettings' }], 'update-stage-remove-canary-settings'),
        getStage('dev', 'get-stage-after-remove'),
      ],
    },
    {
      test: 'TestStageCrudCanary::test_create_canary_deployment_with_stage',
      steps: [
        ...apiForDeployment(),
        createDeployment('create-deployment', 'deploymentId'),
        createStage('dev', { deploymentId: '{{deploymentId}}', description: 'dev stage', variables: { testVar: 'default' } }, 'create-stage'),
        createDeployment('create-canary-deployment', undefined, { stageName: 'dev', canarySettings: CANARY }),
        getStage('dev', 'get-stage'),
      ],
    },
    {
      test: 'TestStageCrudCanary::test_create_canary_deployment',
      steps: [
        ...apiForDeployment(),
        createDeployment('create-deployment', 'deploymentId'),
        createStage(
          'dev1',
          {
            deploymentId: '{{deploymentId}}',
            description: 'dev stage',
            variables: { testVar: 'default' },
            canarySettings: { deploymentId: '{{deploymentId}}', percentTraffic: 40, stageVariableOverrides: { testVar: 'canary1' } },
          },
          'create-stage',
        ),
        createDeployment('create-canary-deployment', 'canaryDeploymentId', { stageName: 'dev1', canarySettings: { percentTraffic: 50, stageVariableOverrides: { testVar: 'canary2' } } }),
        getStage('dev1', 'get-stage-1'),
        createStage(
          'dev2',
          {
            deploymentId: '{{deploymentId}}',
            description: 'dev stage',
            variables: { testVar: 'default' },
            canarySettings: { deploymentId: '{{canaryDeploymentId}}', percentTraffic: 60, stageVariableOverrides: { testVar: 'canary-overridden' } },
          },
          'create-stage-2',
        ),
        createStage('dev3', { deploymentId: '{{deploymentId}}', description: 'dev stage', canarySettings: { deploymentId: 'deploy' } }, 'bad-canary-deployment-id'),
      ],
    },
    {
      test: 'TestStageCrudCanary::test_create_canary_deployment_by_stage_update',
      steps: [
        ...apiForDeployment(),
        createDeployment('create-deployment', 'deploymentId'),
        createDeployment('create-deployment-2', 'deploymentId2'),
        createStage('dev', { deploymentId: '{{deploymentId}}', description: 'dev stage', variables: { testVar: 'default' } }, 'create-stage'),
        updateStage('dev', [{ op: 'replace', path: '/canarySettings/deploymentId', value: '{{deploymentId2}}' }], 'update-stage-with-deployment'),
        updateStage('dev', [{ op: 'remove', path: '/canarySettings' }], 'remove-stage-canary'),
        updateStage('dev', [{ op: 'replace', path: '/canarySettings/percentTraffic', value: '50' }], 'update-stage-with-percent'),
        getStage('dev', 'get-stage'),
      ],
    },
    {
      test: 'TestStageCrudCanary::test_create_canary_deployment_validation',
      steps: [
        ...apiForDeployment(),
        createDeployment('create-canary-deployment-no-stage', undefined, { canarySettings: CANARY }),
        createDeployment('create-canary-deployment-empty-stage', undefined, { stageName: '', canarySettings: CANARY }),
        createDeployment('create-canary-deployment-non-existing-stage', undefined, { stageName: 'non-existing', canarySettings: CANARY }),
      ],
    },
    {
      test: 'TestStageCrudCanary::test_update_stage_canary_deployment_validation',
      steps: [
        ...apiForDeployment(),
        createDeployment(undefined, undefined, { stageName: 'dev' }),
        getStage('dev', 'get-stage'),
        createDeployment(undefined, undefined, { stageName: 'dev', canarySettings: CANARY }),
        updateStage('dev', [{ op: 'remove', path: '/canarySettings/stageVariableOverrides' }], 'update-stage-canary-settings-remove-overrides'),
        updateStage('dev', [{ op: 'remove', path: '/canarySettings/badPath' }], 'update-stage-canary-settings-bad-path'),
        updateStage('dev', [{ op: 'replace', path: '/canarySettings', value: 'test' }], 'update-stage-canary-settings-bad-path-2'),
        updateStage('dev', [{ op: 'replace', path: '/canarySettings/badPath', value: 'badPath' }], 'update-stage-canary-settings-replace-bad-path'),
        createDeployment(undefined, 'deploymentId2', { stageName: 'dev2' }),
        updateStage('dev2', [{ op: 'add', path: '/canarySettings/deploymentId', value: '{{deploymentId2}}' }], 'update-stage-add-deployment'),
        updateStage('dev2', [{ op: 'replace', path: '/canarySettings/deploymentId', value: 'deploy' }], 'update-stage-no-deployment'),
      ],
    },
    {
      test: 'TestStageCrudCanary::test_update_stage_with_copy_ops',
      steps: [
        ...apiForDeployment(),
        createDeployment('deployment-1', 'deploymentId', { stageName: 'dev', variables: { testVar: 'test', testVar2: 'test2' } }),
        updateStage(
          'dev',
          [
            { op: 'copy', path: '/canarySettings/stageVariableOverrides', from: '/variables' },
            { op: 'copy', path: '/canarySettings/deploymentId', from: '/deploymentId' },
          ],
          'copy-with-bad-statement',
        ),
        updateStage(
          'dev',
          [
            { op: 'copy', from: '/canarySettings/stageVariableOverrides', path: '/variables' },
            { op: 'copy', from: '/canarySettings/deploymentId', path: '/deploymentId' },
          ],
          'copy-with-no-replace',
        ),
        updateStage('dev', COPY_TO_DEFAULT, 'update-stage-with-copy'),
        createDeployment('deployment-canary', undefined, { stageName: 'dev', canarySettings: { percentTraffic: 50, stageVariableOverrides: { testVar: 'override' } } }),
        getStage('dev', 'get-stage'),
        updateStage('dev', COPY_TO_DEFAULT, 'update-stage-with-copy-2'),
      ],
    },
    {
      test: 'TestCanaryDeployments::test_invoking_canary_deployment',
      steps: [
        ...apiForDeployment(canaryTemplate('default deployment')),
        createDeployment('create-deployment-1', undefined, { stageName: 'dev', variables: { testVar: 'default', defaultVar: 'default' } }),
        replaceResponseTemplate(canaryTemplate('canary deployment')),
        createDeployment('create-deployment-2', undefined, { stageName: 'dev', canarySettings: { percentTraffic: 0, stageVariableOverrides: { testVar: 'canary', noStageVar: 'canary' } } }),
        invoke('/dev/', { snapshot: 'response-deployment-1' }),
        updateStage('dev', [{ op: 'replace', path: '/canarySettings/percentTraffic', value: '100.0' }], 'update-stage'),
        invoke('/dev/', { snapshot: 'response-canary-deployment' }),
      ],
    },
  ],
  notPorted: {},
  notPortedOtherwise: 'not reproduced yet',
};

export default source;
