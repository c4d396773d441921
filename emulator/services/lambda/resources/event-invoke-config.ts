import type { ResourceRequest, ResourceType } from '../../cloudformation/provider.ts';
import type { ListFunctionEventInvokeConfigsResponse } from '@aws-sdk/client-lambda';
import { adoptByReading, listUnder } from '../../cloudformation/read-back.ts';
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
  // Listed under the ResourceModel's FunctionName: each configuration's qualifier ends its qualified function ARN.
  ...listUnder(
    ['FunctionName'],
    'Qualifier',
    (request) => readEventInvokeConfig({ ...request, physicalId: `${request.properties.FunctionName}|${request.physicalId}` }),
    async (request, { FunctionName }) => {
      const found: string[] = [];
      let Marker: string | undefined;
      do {
        const page = await request.call<ListFunctionEventInvokeConfigsResponse>('lambda', 'ListFunctionEventInvokeConfigs', { FunctionName, Marker, MaxItems: 50 });
        found.push(...(page.FunctionEventInvokeConfigs ?? []).map((c) => c.FunctionArn!.split(':')[7]));
        Marker = page.NextMarker;
      } while (Marker);
      return found;
    },
  ),
  createOnly: ['FunctionName', 'Qualifier'],
  properties: ['FunctionName', 'Qualifier', 'MaximumEventAgeInSeconds', 'MaximumRetryAttempts', 'DestinationConfig'],
};
