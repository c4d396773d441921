import type { Handler, ServiceDefinition } from '../../core/service.ts';
import { loadModel } from '../../models/load.ts';
import { validateInput } from '../../protocols/validate.ts';
import { getAccountSettings } from './operations/account.ts';
import {
  createCapacityProvider,
  deleteCapacityProvider,
  getCapacityProvider,
  getFunctionScalingConfig,
  listCapacityProviders,
  listFunctionVersionsByCapacityProvider,
  putFunctionScalingConfig,
  updateCapacityProvider,
} from './operations/capacity-providers.ts';
import {
  createCodeSigningConfig,
  deleteCodeSigningConfig,
  deleteFunctionCodeSigningConfig,
  getCodeSigningConfig,
  getFunctionCodeSigningConfig,
  listCodeSigningConfigs,
  listFunctionsByCodeSigningConfig,
  putFunctionCodeSigningConfig,
  updateCodeSigningConfig,
} from './operations/code-signing.ts';
import {
  deleteFunctionConcurrency,
  deleteProvisionedConcurrencyConfig,
  getFunctionConcurrency,
  getProvisionedConcurrencyConfig,
  listProvisionedConcurrencyConfigs,
  putFunctionConcurrency,
  putProvisionedConcurrencyConfig,
} from './operations/concurrency.ts';
import {
  deleteFunctionEventInvokeConfig,
  getFunctionEventInvokeConfig,
  listFunctionEventInvokeConfigs,
  putFunctionEventInvokeConfig,
  updateFunctionEventInvokeConfig,
} from './operations/event-invoke-config.ts';
import {
  addLayerVersionPermission,
  deleteLayerVersion,
  getLayerVersion,
  getLayerVersionByArn,
  getLayerVersionPolicy,
  listLayers,
  listLayerVersions,
  publishLayerVersion,
  removeLayerVersionPermission,
} from './operations/layers.ts';
import {
  createEventSourceMapping,
  deleteEventSourceMapping,
  getEventSourceMapping,
  listEventSourceMappings,
  updateEventSourceMapping,
} from './operations/event-source-mappings.ts';
import { getFunctionRecursionConfig, getRuntimeManagementConfig, putFunctionRecursionConfig, putRuntimeManagementConfig } from './operations/function-settings.ts';
import {
  createFunctionUrlConfig,
  deleteFunctionUrlConfig,
  getFunctionUrlConfig,
  listFunctionUrlConfigs,
  updateFunctionUrlConfig,
} from './operations/function-urls.ts';
import { addPermission, getPolicy, removePermission } from './operations/permissions.ts';
import { listTags, tagResource, untagResource } from './operations/tags.ts';
import { createAlias, deleteAlias, getAlias, listAliases, updateAlias } from './operations/aliases.ts';
import { createFunction, deleteFunction, getFunction, getFunctionConfiguration, listFunctions, updateFunctionCode, updateFunctionConfiguration } from './operations/functions.ts';
import { invoke, invokeAsync, invokeWithResponseStream } from './operations/invoke.ts';
import {
  checkpointDurableExecution,
  getDurableExecution,
  getDurableExecutionHistory,
  getDurableExecutionState,
  listDurableExecutionsByFunction,
  sendDurableExecutionCallbackFailure,
  sendDurableExecutionCallbackHeartbeat,
  sendDurableExecutionCallbackSuccess,
  stopDurableExecution,
} from './operations/durable-executions.ts';
import { listVersionsByFunction, publishVersionOperation } from './operations/versions.ts';
import { deleteResourcePolicy, getResourcePolicy, putResourcePolicy } from './operations/resource-policies.ts';
import { checkRoutingWeights } from './operations/aliases.ts';
import { validateRuntime } from './runtime/runtimes.ts';
import type { AliasRoutingConfiguration } from '@aws-sdk/client-lambda';
import { lambdaPersistence } from './persistence.ts';
import { createLambdaState, type LambdaState } from './state.ts';
import { lambdaDeliveryTarget } from './target.ts';
import { isFunctionUrlRequest, serveFunctionUrl } from './function-url.ts';
import { governingPolicy } from './resource-policy.ts';
import { withCurrentPatterns } from './validation-model.ts';
import { MAX_REQUEST_BYTES, uploadTooLarge } from './code.ts';
import { type ListConstrainedInput, withListConstraints, withoutListMemberConstraints } from './list-constraints.ts';

const model = loadModel('lambda');
const validationModel = withoutListMemberConstraints(withCurrentPatterns(model));

const operations: Record<string, Handler<LambdaState>> = {
  CreateFunction: createFunction,
  GetFunction: getFunction,
  GetFunctionConfiguration: getFunctionConfiguration,
  ListFunctions: listFunctions,
  UpdateFunctionCode: updateFunctionCode,
  UpdateFunctionConfiguration: updateFunctionConfiguration,
  DeleteFunction: deleteFunction,
  Invoke: invoke,
  InvokeAsync: invokeAsync,
  InvokeWithResponseStream: invokeWithResponseStream,
  CreateCodeSigningConfig: createCodeSigningConfig,
  GetCodeSigningConfig: getCodeSigningConfig,
  UpdateCodeSigningConfig: updateCodeSigningConfig,
  DeleteCodeSigningConfig: deleteCodeSigningConfig,
  ListCodeSigningConfigs: listCodeSigningConfigs,
  PutFunctionCodeSigningConfig: putFunctionCodeSigningConfig,
  GetFunctionCodeSigningConfig: getFunctionCodeSigningConfig,
  DeleteFunctionCodeSigningConfig: deleteFunctionCodeSigningConfig,
  ListFunctionsByCodeSigningConfig: listFunctionsByCodeSigningConfig,
  PublishVersion: publishVersionOperation,
  ListVersionsByFunction: listVersionsByFunction,
  CreateAlias: createAlias,
  GetAlias: getAlias,
  UpdateAlias: updateAlias,
  DeleteAlias: deleteAlias,
  ListAliases: listAliases,
  AddPermission: addPermission,
  GetPolicy: getPolicy,
  RemovePermission: removePermission,
  PutResourcePolicy: putResourcePolicy,
  GetResourcePolicy: getResourcePolicy,
  DeleteResourcePolicy: deleteResourcePolicy,
  TagResource: tagResource,
  UntagResource: untagResource,
  ListTags: listTags,
  PutFunctionConcurrency: putFunctionConcurrency,
  GetFunctionConcurrency: getFunctionConcurrency,
  DeleteFunctionConcurrency: deleteFunctionConcurrency,
  PutProvisionedConcurrencyConfig: putProvisionedConcurrencyConfig,
  GetProvisionedConcurrencyConfig: getProvisionedConcurrencyConfig,
  DeleteProvisionedConcurrencyConfig: deleteProvisionedConcurrencyConfig,
  ListProvisionedConcurrencyConfigs: listProvisionedConcurrencyConfigs,
  PutFunctionEventInvokeConfig: putFunctionEventInvokeConfig,
  UpdateFunctionEventInvokeConfig: updateFunctionEventInvokeConfig,
  GetFunctionEventInvokeConfig: getFunctionEventInvokeConfig,
  DeleteFunctionEventInvokeConfig: deleteFunctionEventInvokeConfig,
  ListFunctionEventInvokeConfigs: listFunctionEventInvokeConfigs,
  GetAccountSettings: getAccountSettings,
  CreateCapacityProvider: createCapacityProvider,
  GetCapacityProvider: getCapacityProvider,
  UpdateCapacityProvider: updateCapacityProvider,
  DeleteCapacityProvider: deleteCapacityProvider,
  ListCapacityProviders: listCapacityProviders,
  ListFunctionVersionsByCapacityProvider: listFunctionVersionsByCapacityProvider,
  PutFunctionScalingConfig: putFunctionScalingConfig,
  GetFunctionScalingConfig: getFunctionScalingConfig,
  CreateEventSourceMapping: createEventSourceMapping,
  GetEventSourceMapping: getEventSourceMapping,
  UpdateEventSourceMapping: updateEventSourceMapping,
  DeleteEventSourceMapping: deleteEventSourceMapping,
  ListEventSourceMappings: listEventSourceMappings,
  CreateFunctionUrlConfig: createFunctionUrlConfig,
  GetFunctionUrlConfig: getFunctionUrlConfig,
  UpdateFunctionUrlConfig: updateFunctionUrlConfig,
  DeleteFunctionUrlConfig: deleteFunctionUrlConfig,
  ListFunctionUrlConfigs: listFunctionUrlConfigs,
  PutFunctionRecursionConfig: putFunctionRecursionConfig,
  GetFunctionRecursionConfig: getFunctionRecursionConfig,
  PutRuntimeManagementConfig: putRuntimeManagementConfig,
  GetRuntimeManagementConfig: getRuntimeManagementConfig,
  PublishLayerVersion: publishLayerVersion,
  GetLayerVersion: getLayerVersion,
  GetLayerVersionByArn: getLayerVersionByArn,
  ListLayerVersions: listLayerVersions,
  ListLayers: listLayers,
  DeleteLayerVersion: deleteLayerVersion,
  AddLayerVersionPermission: addLayerVersionPermission,
  GetLayerVersionPolicy: getLayerVersionPolicy,
  RemoveLayerVersionPermission: removeLayerVersionPermission,
  CheckpointDurableExecution: checkpointDurableExecution,
  GetDurableExecution: getDurableExecution,
  GetDurableExecutionHistory: getDurableExecutionHistory,
  GetDurableExecutionState: getDurableExecutionState,
  ListDurableExecutionsByFunction: listDurableExecutionsByFunction,
  SendDurableExecutionCallbackSuccess: sendDurableExecutionCallbackSuccess,
  SendDurableExecutionCallbackFailure: sendDurableExecutionCallbackFailure,
  SendDurableExecutionCallbackHeartbeat: sendDurableExecutionCallbackHeartbeat,
  StopDurableExecution: stopDurableExecution,
};

/**
 * Lambda checks the runtime before the model's constraints, and answers an unknown runtime with
 * InvalidParameterValueException rather than Coral's ValidationException (AWS-recorded test_create_lambda_exceptions).
 */
function validated(operation: string, handler: Handler<LambdaState>): Handler<LambdaState> {
  const ref = model.operations[operation].input;
  return (input: { Runtime?: string; RoutingConfig?: AliasRoutingConfiguration } & ListConstrainedInput, ctx) => {
    if (input.Runtime !== undefined) validateRuntime(input.Runtime);
    checkRoutingWeights(input.RoutingConfig);
    withListConstraints(model, operation, input, () => validateInput(validationModel, ref, input));
    return handler(input, ctx);
  };
}

const lambda: ServiceDefinition<LambdaState> = {
  name: 'lambda',
  model,
  createState: createLambdaState,
  validation: 'none',
  handlers: Object.fromEntries(Object.entries(operations).map(([name, handler]) => [name, validated(name, handler)])),
  disposeState: (state) => state.dispose(),
  persistence: lambdaPersistence,
  deliveryTarget: lambdaDeliveryTarget,
  // For --enforce-iam: a function policy naming the caller grants within the function's account.
  resourcePolicy: governingPolicy,
  // A 50 MB zip uploaded directly (base64 in the JSON body of CreateFunction, UpdateFunctionCode, PublishLayerVersion).
  requestLimits: { body: MAX_REQUEST_BYTES - 1, tooLarge: (_limit, req) => uploadTooLarge(req) },
  http: {
    intercept: (req, ctx) => (isFunctionUrlRequest(req) ? serveFunctionUrl(req, ctx) : undefined),
    // A function URL's Cors configuration decides which browser origins it serves.
    judgesOrigins: isFunctionUrlRequest,
    // Function URLs are called unsigned on AWS (AuthType NONE); the URL's auth type and resource policy judge them.
    servesUnsigned: isFunctionUrlRequest,
  },
};

export default lambda;
