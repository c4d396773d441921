import { stringify as toYaml } from 'yaml';
import type { Properties, ResourceRequest, ResourceType } from '../../cloudformation/provider.ts';
import { createTags, updateTags } from './tags.ts';

/** CloudFormation takes Content as an object (written out in the document's format) or as text. */
function contentText(p: Properties): string {
  if (typeof p.Content === 'string') return p.Content;
  return p.DocumentFormat === 'YAML' ? toYaml(p.Content) : JSON.stringify(p.Content);
}

function contentInput(request: ResourceRequest) {
  const p = request.properties;
  return { Content: contentText(p), DocumentFormat: p.DocumentFormat, VersionName: p.VersionName, TargetType: p.TargetType, Attachments: p.Attachments };
}

/**
 * `AWS::SSM::Document`: Ref is the name. An update with UpdateMethod `NewVersion` adds a version and makes it the
 * default; with `Replace` (CloudFormation's default) the document is created anew, under a new name when the
 * template names none and under the same name (deleted first) when it does.
 */
export const document: ResourceType = {
  async create(request) {
    const name: string = request.properties.Name ?? request.physicalName({ maxLength: 128 });
    await request.call('ssm', 'CreateDocument', {
      Name: name,
      DocumentType: request.properties.DocumentType,
      Requires: request.properties.Requires,
      ...contentInput(request),
      ...createTags(request),
    });
    return { physicalId: name, attributes: {} };
  },
  async update(request) {
    const name = request.physicalId;
    if (request.properties.UpdateMethod === 'NewVersion') {
      const { DocumentDescription } = await request.call('ssm', 'UpdateDocument', { Name: name, DocumentVersion: '$LATEST', ...contentInput(request) });
      await request.call('ssm', 'UpdateDocumentDefaultVersion', { Name: name, DocumentVersion: DocumentDescription.DocumentVersion });
      await updateTags(request, 'Document', name);
      return { physicalId: name, attributes: {} };
    }
    if (request.properties.Name === undefined) {
      const created = await document.create(request);
      await request.call('ssm', 'DeleteDocument', { Name: name, Force: true });
      return created;
    }
    await request.call('ssm', 'DeleteDocument', { Name: name, Force: true });
    return document.create(request);
  },
  async delete(request) {
    await request.call('ssm', 'DeleteDocument', { Name: request.physicalId, Force: true });
  },
  async read(request) {
    const { Document } = await request.call('ssm', 'DescribeDocument', { Name: request.physicalId });
    return { Name: Document.Name, DocumentType: Document.DocumentType, DocumentFormat: Document.DocumentFormat, TargetType: Document.TargetType, VersionName: Document.VersionName };
  },
  createOnly: ['Name', 'DocumentType'],
  properties: ['Content', 'Name', 'DocumentType', 'DocumentFormat', 'TargetType', 'VersionName', 'Requires', 'Attachments', 'UpdateMethod', 'Tags'],
};
