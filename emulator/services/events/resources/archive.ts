import { jsonText, templateJson, type ResourceType } from '../../cloudformation/provider.ts';

/** `AWS::Events::Archive`: Ref is the archive name; GetAtt Arn, ArchiveName. */
export const archive: ResourceType = {
  async create(request) {
    const p = request.properties;
    const name: string = p.ArchiveName ?? request.physicalName({ maxLength: 48 });
    const { ArchiveArn } = await request.call('events', 'CreateArchive', {
      ArchiveName: name,
      EventSourceArn: p.SourceArn,
      Description: p.Description,
      EventPattern: jsonText(p.EventPattern),
      RetentionDays: p.RetentionDays === undefined ? undefined : Number(p.RetentionDays),
      KmsKeyIdentifier: p.KmsKeyIdentifier,
    });
    return { physicalId: name, attributes: { Arn: ArchiveArn, ArchiveName: name } };
  },
  async update(request) {
    const p = request.properties;
    // A dropped setting goes back to the archive's default: no description, kept forever, AWS's own key.
    await request.call('events', 'UpdateArchive', {
      ArchiveName: request.physicalId,
      Description: p.Description ?? '',
      EventPattern: jsonText(p.EventPattern),
      RetentionDays: Number(p.RetentionDays ?? 0),
      KmsKeyIdentifier: p.KmsKeyIdentifier ?? '',
    });
    return { physicalId: request.physicalId, attributes: request.attributes };
  },
  async delete(request) {
    await request.call('events', 'DeleteArchive', { ArchiveName: request.physicalId });
  },
  async read(request) {
    const a = await request.call('events', 'DescribeArchive', { ArchiveName: request.physicalId });
    return {
      ArchiveName: a.ArchiveName,
      SourceArn: a.EventSourceArn,
      RetentionDays: a.RetentionDays,
      ...(a.Description ? { Description: a.Description } : {}),
      ...(a.EventPattern !== undefined ? { EventPattern: templateJson(request.properties.EventPattern, a.EventPattern) } : {}),
      ...(a.KmsKeyIdentifier ? { KmsKeyIdentifier: a.KmsKeyIdentifier } : {}),
    };
  },
  primaryIdentifier: ['ArchiveName'],
  async adopt(request, identifier) {
    const { ArchiveArn, ArchiveName } = await request.call('events', 'DescribeArchive', { ArchiveName: identifier.ArchiveName });
    return { physicalId: ArchiveName, attributes: { Arn: ArchiveArn, ArchiveName } };
  },
  createOnly: ['ArchiveName', 'SourceArn'],
  properties: ['ArchiveName', 'SourceArn', 'Description', 'EventPattern', 'RetentionDays', 'KmsKeyIdentifier'],
};
