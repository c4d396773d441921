import type { CodeSigningConfig } from '@aws-sdk/client-lambda';
import { changedProperties, type Properties, type ResourceType } from '../../cloudformation/provider.ts';
import { retag, tagMap } from './tags.ts';

function settings(p: Properties) {
  return { Description: p.Description, AllowedPublishers: p.AllowedPublishers, CodeSigningPolicies: p.CodeSigningPolicies };
}

function state(config: CodeSigningConfig) {
  return { physicalId: config.CodeSigningConfigArn!, attributes: { CodeSigningConfigArn: config.CodeSigningConfigArn, CodeSigningConfigId: config.CodeSigningConfigId } };
}

/**
 * `AWS::Lambda::CodeSigningConfig`: Ref and CodeSigningConfigArn are the config's ARN (AWS's recorded stack resource
 * has it as physical id), GetAtt CodeSigningConfigId its id. Every property updates in place.
 */
export const codeSigningConfig: ResourceType = {
  async create(request) {
    const tags = tagMap(request);
    const { CodeSigningConfig } = await request.call<{ CodeSigningConfig: CodeSigningConfig }>('lambda', 'CreateCodeSigningConfig', {
      ...settings(request.properties),
      ...(Object.keys(tags).length ? { Tags: tags } : {}),
    });
    return state(CodeSigningConfig);
  },
  async update(request) {
    const changed = changedProperties(request.previous, request.properties);
    const arn = request.physicalId;
    // A property left out goes back to Lambda's default: no description, the Warn policy.
    const { Description = '', AllowedPublishers, CodeSigningPolicies = { UntrustedArtifactOnDeployment: 'Warn' } } = settings(request.properties);
    const { CodeSigningConfig } = await request.call<{ CodeSigningConfig: CodeSigningConfig }>('lambda', 'UpdateCodeSigningConfig', { CodeSigningConfigArn: arn, Description, AllowedPublishers, CodeSigningPolicies });
    if (changed.has('Tags')) await retag(request, arn);
    return state(CodeSigningConfig);
  },
  async delete(request) {
    await request.call('lambda', 'DeleteCodeSigningConfig', { CodeSigningConfigArn: request.physicalId });
  },
  async read(request) {
    const { CodeSigningConfig: c } = await request.call<{ CodeSigningConfig: CodeSigningConfig }>('lambda', 'GetCodeSigningConfig', { CodeSigningConfigArn: request.physicalId });
    return { ...(c.Description ? { Description: c.Description } : {}), AllowedPublishers: c.AllowedPublishers, CodeSigningPolicies: c.CodeSigningPolicies };
  },
  async adopt(request, identifier) {
    const { CodeSigningConfig } = await request.call<{ CodeSigningConfig: CodeSigningConfig }>('lambda', 'GetCodeSigningConfig', { CodeSigningConfigArn: identifier.CodeSigningConfigArn });
    return state(CodeSigningConfig);
  },
  primaryIdentifier: ['CodeSigningConfigArn'],
  properties: ['AllowedPublishers', 'CodeSigningPolicies', 'Description', 'Tags'],
};
