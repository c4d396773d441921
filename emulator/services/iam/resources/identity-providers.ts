import { changedProperties, type ResourceRequest, type ResourceType } from '../../cloudformation/provider.ts';
import { templateOrder, templateTags } from '../../cloudformation/read-back.ts';
import { tagsInput } from './identities.ts';

type Tag = { Key: string; Value: string };
import { updateEntityTags } from './tags.ts';

async function changeClientIds(request: ResourceRequest, arn: string, operation: string, list: string[] = [], except: string[] = []) {
  for (const id of list) if (!except.includes(id)) await request.call('iam', operation, { OpenIDConnectProviderArn: arn, ClientID: id });
}

/** `AWS::IAM::OIDCProvider`: Ref is the provider's ARN; GetAtt Arn. Client ids, thumbprints and tags change in place. */
export const oidcProvider: ResourceType = {
  async create(request) {
    const p = request.properties;
    const { OpenIDConnectProviderArn } = await request.call('iam', 'CreateOpenIDConnectProvider', { Url: p.Url, ClientIDList: p.ClientIdList, ThumbprintList: p.ThumbprintList, ...tagsInput(request) });
    return { physicalId: OpenIDConnectProviderArn, attributes: { Arn: OpenIDConnectProviderArn } };
  },
  async update(request) {
    const arn = request.physicalId;
    const changed = changedProperties(request.previous, request.properties);
    if (changed.has('ThumbprintList')) await request.call('iam', 'UpdateOpenIDConnectProviderThumbprint', { OpenIDConnectProviderArn: arn, ThumbprintList: request.properties.ThumbprintList ?? [] });
    await changeClientIds(request, arn, 'RemoveClientIDFromOpenIDConnectProvider', request.previous.ClientIdList, request.properties.ClientIdList);
    await changeClientIds(request, arn, 'AddClientIDToOpenIDConnectProvider', request.properties.ClientIdList, request.previous.ClientIdList);
    await updateEntityTags(request, 'OpenIDConnectProvider', { OpenIDConnectProviderArn: arn });
    return { physicalId: arn, attributes: request.attributes };
  },
  async delete(request) {
    await request.call('iam', 'DeleteOpenIDConnectProvider', { OpenIDConnectProviderArn: request.physicalId });
  },
  async read(request) {
    const found = await request.call<{ Url: string; ClientIDList: string[]; ThumbprintList: string[]; Tags?: Tag[] }>('iam', 'GetOpenIDConnectProvider', { OpenIDConnectProviderArn: request.physicalId });
    return {
      // IAM answers the URL without its scheme; the template names it with https://.
      Url: `https://${found.Url}`,
      ClientIdList: templateOrder(request.properties.ClientIdList, found.ClientIDList, String),
      ThumbprintList: templateOrder(request.properties.ThumbprintList, found.ThumbprintList, String),
      Tags: templateTags(request, found.Tags),
    };
  },
  createOnly: ['Url'],
  properties: ['Url', 'ClientIdList', 'ThumbprintList', 'Tags'],
};

/** `AWS::IAM::SAMLProvider`: Ref is the provider's ARN; GetAtt Arn. The metadata document and tags change in place. */
export const samlProvider: ResourceType = {
  async create(request) {
    const p = request.properties;
    const name: string = p.Name ?? request.physicalName({ maxLength: 128 });
    const { SAMLProviderArn } = await request.call('iam', 'CreateSAMLProvider', { Name: name, SAMLMetadataDocument: p.SamlMetadataDocument, ...tagsInput(request) });
    return { physicalId: SAMLProviderArn, attributes: { Arn: SAMLProviderArn } };
  },
  async update(request) {
    const arn = request.physicalId;
    if (request.properties.SamlMetadataDocument !== request.previous.SamlMetadataDocument) {
      await request.call('iam', 'UpdateSAMLProvider', { SAMLProviderArn: arn, SAMLMetadataDocument: request.properties.SamlMetadataDocument });
    }
    await updateEntityTags(request, 'SAMLProvider', { SAMLProviderArn: arn });
    return { physicalId: arn, attributes: request.attributes };
  },
  async delete(request) {
    await request.call('iam', 'DeleteSAMLProvider', { SAMLProviderArn: request.physicalId });
  },
  async read(request) {
    const found = await request.call<{ SAMLMetadataDocument: string; Tags?: Tag[] }>('iam', 'GetSAMLProvider', { SAMLProviderArn: request.physicalId });
    return { Name: request.physicalId.slice(request.physicalId.lastIndexOf('/') + 1), SamlMetadataDocument: found.SAMLMetadataDocument, Tags: templateTags(request, found.Tags) };
  },
  createOnly: ['Name'],
  properties: ['Name', 'SamlMetadataDocument', 'Tags'],
};
