import type { Integration, Route } from '@aws-sdk/client-apigatewayv2';
import { AwsError } from '../../../core/errors.ts';
import { randomSuffix, type Properties, type ResourceRequest, type ResourceType } from '../../cloudformation/provider.ts';
import { givenMembers } from '../../cloudformation/read-back.ts';
import { members, pick } from './common.ts';

const ROUTE_OVERRIDES = ['AuthorizationScopes', 'AuthorizationType', 'AuthorizerId', 'OperationName', 'Target'];
const INTEGRATION_OVERRIDES = ['Description', 'IntegrationMethod', 'PayloadFormatVersion', 'TimeoutInMillis'];
const STAGE_OVERRIDES = ['AccessLogSettings', 'AutoDeploy', 'DefaultRouteSettings', 'Description', 'RouteSettings', 'StageVariables'];

/** The route or integration API Gateway made for a quick-create API (`Target` given to CreateApi). */
async function managed<T extends { ApiGatewayManaged?: boolean }>(request: ResourceRequest, kind: 'Route' | 'Integration'): Promise<T> {
  const { Items } = await request.call<{ Items: T[] }>('apigatewayv2', `Get${kind}s`, { ApiId: request.properties.ApiId });
  const found = Items.find((item) => item.ApiGatewayManaged);
  // Our words: no AWS recording of this refusal is at hand.
  if (!found) throw new AwsError('NotFoundException', `Unable to find the ${kind.toLowerCase()} API Gateway manages for the API ${request.properties.ApiId}`, { status: 404 });
  return found;
}

/** Applies the template's overrides to the route, integration and `$default` stage that quick create made. */
async function override(request: ResourceRequest): Promise<void> {
  const p = request.properties;
  const ApiId = p.ApiId;
  if (p.Route) {
    const route = await managed<Route>(request, 'Route');
    await request.call('apigatewayv2', 'UpdateRoute', { ApiId, RouteId: route.RouteId, ...pick(p.Route as Properties, ROUTE_OVERRIDES) });
  }
  if (p.Integration) {
    const integration = await managed<Integration>(request, 'Integration');
    await request.call('apigatewayv2', 'UpdateIntegration', { ApiId, IntegrationId: integration.IntegrationId, ...pick(p.Integration as Properties, INTEGRATION_OVERRIDES) });
  }
  if (p.Stage) await request.call('apigatewayv2', 'UpdateStage', { ApiId, StageName: '$default', ...pick(p.Stage as Properties, STAGE_OVERRIDES) });
}

/**
 * `AWS::ApiGatewayV2::ApiGatewayManagedOverrides`: settings for what quick create made. Ref is an id CloudFormation
 * makes (AWS's example: `abcd1234`); deleting the resource leaves the settings as they are.
 */
export const managedOverrides: ResourceType = {
  async create(request) {
    await override(request);
    return { physicalId: randomSuffix(8).toLowerCase(), attributes: {} };
  },
  async update(request) {
    await override(request);
    return { physicalId: request.physicalId, attributes: {} };
  },
  async delete() {},
  async read(request) {
    const p = request.properties;
    const read: Properties = { ApiId: p.ApiId };
    // Each override reads back with the settings the template gave.
    if (p.Route) read.Route = givenMembers(p.Route, members(await managed<Route>(request, 'Route'), ROUTE_OVERRIDES));
    if (p.Integration) read.Integration = givenMembers(p.Integration, members(await managed<Integration>(request, 'Integration'), INTEGRATION_OVERRIDES));
    if (p.Stage) read.Stage = givenMembers(p.Stage, members(await request.call('apigatewayv2', 'GetStage', { ApiId: p.ApiId, StageName: '$default' }), STAGE_OVERRIDES));
    return read;
  },
  createOnly: ['ApiId'],
  properties: ['ApiId', 'Integration', 'Route', 'Stage'],
};
