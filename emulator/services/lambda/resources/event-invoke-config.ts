import type { ResourceRequest, ResourceType } from '../../cloudformation/provider.ts';
import { adoptByReading } from '../../cloudformation/read-back.ts';
import { readEventInvokeConfig } from './read.ts';

async function put(request: ResourceRequest) {
  const p = request.properties;
  await request.call('lambda', 'PutFunctionEventInvokeConfig', {
    FunctionName: p.FunctionName,
    Qualifier: p.Qualifier,
    MaximumEventAgeInSeconds: p.MaximumEventAgeInSeconds === undefined ? undefined : Number(p.MaximumEventAgeInSeconds),
    MaximumRetryAttempts: p.MaximumRetryAttempts === undefined ? undefined : Number(p.MaximumRetryAttempts),
    DestinationConfig: p.DestinationConfig,
  });
}

/**
 * `AWS::Lambda::EventInvokeConfig`: a function version's or alias's asynchronous invocation settings. Ref is the
 * type's primary identifier (FunctionName and Qualifier) in the `a|b` form CloudFormation gives composite identifiers.
 */
export const eventInvokeConfig: ResourceType = {
  async create(request) {
    await put(request);
    return { physicalId: `${request.properties.FunctionName}|${request.properties.Qualifier}`, attributes: {} };
  },
  async update(request) {
    await put(request);
    return { physicalId: request.physicalId, attributes: request.attributes };
  },
  async delete(request) {
    await request.call('lambda', 'DeleteFunctionEventInvokeConfig', { FunctionName: request.properties.FunctionName, Qualifier: request.properties.Qualifier });
  },
  read: readEventInvokeConfig,
  primaryIdentifier: ['FunctionName', 'Qualifier'],
  adopt: adoptByReading(readEventInvokeConfig, (id) => `${id.FunctionName}|${id.Qualifier}`),
  createOnly: ['FunctionName', 'Qualifier'],
  properties: ['FunctionName', 'Qualifier', 'MaximumEventAgeInSeconds', 'MaximumRetryAttempts', 'DestinationConfig'],
};
