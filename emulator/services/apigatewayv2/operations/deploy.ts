import { clone, newId, type Ctx } from './common.ts';
import type { StoredV2Api } from '../state.ts';

/** A new deployment of the API's current routes, integrations and authorizers; returns its id. */
export function deploy(api: StoredV2Api, ctx: Ctx, auto: boolean, description?: string): string {
  const id = newId(6);
  api.deployments.set(id, {
    DeploymentId: id,
    AutoDeployed: auto,
    CreatedDate: ctx.emulator.clock.date(),
    DeploymentStatus: 'DEPLOYED',
    Description: description,
    snapshot: clone({
      routes: [...api.routes.values()],
      integrations: [...api.integrations.values()],
      authorizers: [...api.authorizers.values()],
      routeResponses: Object.fromEntries([...api.routeResponses].map(([id, responses]) => [id, [...responses.values()]])),
      integrationResponses: Object.fromEntries([...api.integrationResponses].map(([id, responses]) => [id, [...responses.values()]])),
      disableExecuteApiEndpoint: api.api.DisableExecuteApiEndpoint,
    }),
  });
  return id;
}
