import type {
  CreateOpsMetadataCommandInput,
  DeleteOpsMetadataCommandInput,
  GetOpsMetadataCommandInput,
  ListOpsMetadataCommandInput,
  UpdateOpsMetadataCommandInput,
} from '@aws-sdk/client-ssm';
import { buildArn, parseArn } from '../../../core/arn.ts';
import { AwsError } from '../../../core/errors.ts';
import { SsmErrors } from '../errors.ts';
import { pageOf } from '../filters.ts';
import type { SsmContext } from '../parameters.ts';
import type { OpsMetadataRecord } from '../state.ts';
import { checkTagCount } from './tags.ts';

/** OpsMetadata objects per account and region, and keys per object (Systems Manager service quotas). */
const MAX_OBJECTS = 200;
const MAX_KEYS = 5;

/** An object's id: what follows `opsmetadata` in its ARN (the resource id with a leading slash). */
function idOf(resourceId: string): string {
  return resourceId.startsWith('/') ? resourceId : `/${resourceId}`;
}

function getObject(ctx: SsmContext, arn: string): OpsMetadataRecord {
  const parts = parseArn(arn);
  const mine = parts && parts.accountId === ctx.state.accountId && parts.region === ctx.region;
  const object = mine ? ctx.state.opsMetadata.get(parts.resource.slice('opsmetadata'.length)) : undefined;
  if (!object) throw SsmErrors.opsMetadataNotFound(arn);
  return object;
}

export function createOpsMetadata(input: CreateOpsMetadataCommandInput, ctx: SsmContext) {
  const id = idOf(input.ResourceId!);
  if (ctx.state.opsMetadata.has(id)) {
    throw new AwsError('OpsMetadataAlreadyExistsException', `OpsMetadata object with resource id ${input.ResourceId} already exists.`);
  }
  if (input.Tags) checkTagCount(input.Tags.length);
  if (ctx.state.opsMetadata.size >= MAX_OBJECTS) throw new AwsError('OpsMetadataLimitExceededException', `You can create at most ${MAX_OBJECTS} OpsMetadata objects.`);
  const now = ctx.emulator.clock.date();
  const arn = buildArn({ service: 'ssm', region: ctx.region, accountId: ctx.state.accountId, resource: `opsmetadata${id}` });
  ctx.state.opsMetadata.set(id, {
    resourceId: input.ResourceId!,
    arn,
    metadata: { ...input.Metadata },
    creationDate: now,
    lastModifiedDate: now,
    lastModifiedUser: ctx.caller.arn,
    tags: (input.Tags ?? []).map((t) => ({ Key: t.Key, Value: t.Value })),
  });
  return { OpsMetadataArn: arn };
}

export function getOpsMetadata(input: GetOpsMetadataCommandInput, ctx: SsmContext) {
  const object = getObject(ctx, input.OpsMetadataArn!);
  const { items, NextToken } = pageOf(Object.entries(object.metadata), input.MaxResults, input.NextToken, 10);
  return { ResourceId: object.resourceId, Metadata: Object.fromEntries(items), NextToken };
}

export function updateOpsMetadata(input: UpdateOpsMetadataCommandInput, ctx: SsmContext) {
  const object = getObject(ctx, input.OpsMetadataArn!);
  const metadata = { ...object.metadata, ...input.MetadataToUpdate };
  for (const key of input.KeysToDelete ?? []) {
    if (!Object.hasOwn(metadata, key)) throw SsmErrors.opsMetadataArgument(`Key ${key} does not exist in the OpsMetadata object.`);
    delete metadata[key];
  }
  if (Object.keys(metadata).length > MAX_KEYS) {
    throw new AwsError('OpsMetadataKeyLimitExceededException', `An OpsMetadata object can have at most ${MAX_KEYS} keys.`);
  }
  object.metadata = metadata;
  object.lastModifiedDate = ctx.emulator.clock.date();
  object.lastModifiedUser = ctx.caller.arn;
  return { OpsMetadataArn: object.arn };
}

export function deleteOpsMetadata(input: DeleteOpsMetadataCommandInput, ctx: SsmContext) {
  const object = getObject(ctx, input.OpsMetadataArn!);
  ctx.state.opsMetadata.delete(idOf(object.resourceId));
  return {};
}

/** Filters on the resource id only (`ResourceId`), compared for equality. */
export function listOpsMetadata(input: ListOpsMetadataCommandInput, ctx: SsmContext) {
  for (const f of input.Filters ?? []) {
    if (f.Key !== 'ResourceId') throw SsmErrors.opsMetadataArgument(`Filter key ${f.Key} is not valid. The valid key is ResourceId.`);
  }
  const objects = [...ctx.state.opsMetadata.values()].filter((o) => (input.Filters ?? []).every((f) => f.Values!.includes(o.resourceId)));
  const { items, NextToken } = pageOf(objects, input.MaxResults, input.NextToken, 50);
  return {
    OpsMetadataList: items.map((o) => ({
      ResourceId: o.resourceId,
      OpsMetadataArn: o.arn,
      LastModifiedDate: o.lastModifiedDate,
      LastModifiedUser: o.lastModifiedUser,
      CreationDate: o.creationDate,
    })),
    NextToken,
  };
}
