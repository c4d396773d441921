import { jsonText, type ResourceType } from '../../cloudformation/provider.ts';

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
  createOnly: ['ArchiveName', 'SourceArn'],
  properties: ['ArchiveName', 'SourceArn', 'Description', 'EventPattern', 'RetentionDays', 'KmsKeyIdentifier'],
};
