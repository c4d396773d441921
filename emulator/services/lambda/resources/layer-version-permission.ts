import type { ResourceType } from '../../cloudformation/provider.ts';
import { layerVersionOf } from './layer-arn.ts';
import { readLayerVersionPermission } from './read.ts';

/**
 * `AWS::Lambda::LayerVersionPermission`: one statement of a layer version's policy; Ref is `<layer version ARN>#<statement
 * id>`. Every property replaces it.
 */
export const layerVersionPermission: ResourceType = {
  async create(request) {
    const p = request.properties;
    const statementId = request.physicalName({ maxLength: 100 });
    await request.call('lambda', 'AddLayerVersionPermission', {
      ...layerVersionOf(p.LayerVersionArn),
      StatementId: statementId,
      Action: p.Action,
      Principal: p.Principal,
      OrganizationId: p.OrganizationId,
    });
    return { physicalId: `${p.LayerVersionArn}#${statementId}`, attributes: {} };
  },
  async delete(request) {
    const cut = request.physicalId.lastIndexOf('#');
    await request.call('lambda', 'RemoveLayerVersionPermission', { ...layerVersionOf(request.physicalId.slice(0, cut)), StatementId: request.physicalId.slice(cut + 1) });
  },
  read: readLayerVersionPermission,
  properties: ['LayerVersionArn', 'Action', 'Principal', 'OrganizationId'],
};
