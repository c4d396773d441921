import { randomUUID } from 'node:crypto';
import type {
  AssociationDescription,
  CreateAssociationBatchCommandInput,
  CreateAssociationBatchRequestEntry,
  CreateAssociationCommandInput,
  DeleteAssociationCommandInput,
  DescribeAssociationCommandInput,
  ListAssociationsCommandInput,
  ListAssociationVersionsCommandInput,
  UpdateAssociationCommandInput,
} from '@aws-sdk/client-ssm';
import { AwsError } from '../../../core/errors.ts';
import { checkAssociationSchedule, checkDocumentAndParameters, checkTargets, settingsOf, versionInfo } from '../associations.ts';
import { SsmErrors } from '../errors.ts';
import { pageOf } from '../filters.ts';
import type { SsmContext } from '../parameters.ts';
import type { Association } from '../state.ts';
import { notManaged } from './managed-nodes.ts';
import { checkTagCount } from './tags.ts';

/** Versions kept per association (Systems Manager service quotas). */
const MAX_VERSIONS = 1000;

function checkEntry(ctx: SsmContext, entry: CreateAssociationBatchRequestEntry): void {
  // twinstack runs no managed nodes, so an instance id never names one.
  if (entry.InstanceId !== undefined) throw notManaged(entry.InstanceId);
  checkDocumentAndParameters(ctx, entry);
  checkTargets(entry.Targets);
  checkAssociationSchedule(entry.ScheduleExpression, entry.ScheduleOffset);
}

function create(ctx: SsmContext, entry: CreateAssociationCommandInput): AssociationDescription {
  checkEntry(ctx, entry);
  if (entry.Tags) checkTagCount(entry.Tags.length);
  const now = ctx.emulator.clock.date();
  const description: AssociationDescription = {
    ...settingsOf(entry),
    AssociationId: randomUUID(),
    AssociationVersion: '1',
    Date: now,
    LastUpdateAssociationDate: now,
    Overview: { Status: 'Pending', DetailedStatus: 'Creating', AssociationStatusAggregatedCount: {} },
  };
  ctx.state.associations.set(description.AssociationId!, {
    description,
    versions: [versionInfo(description)],
    tags: (entry.Tags ?? []).map((t) => ({ Key: t.Key, Value: t.Value })),
  });
  return description;
}

export function createAssociation(input: CreateAssociationCommandInput, ctx: SsmContext) {
  return { AssociationDescription: create(ctx, input) };
}

/** Each entry is created on its own: the ones SSM rejects come back in `Failed` with the reason. */
export function createAssociationBatch(input: CreateAssociationBatchCommandInput, ctx: SsmContext) {
  const Successful: AssociationDescription[] = [];
  const Failed = [];
  for (const entry of input.Entries!) {
    try {
      Successful.push(create(ctx, { ...entry, AssociationDispatchAssumeRole: input.AssociationDispatchAssumeRole }));
    } catch (error) {
      if (!(error instanceof AwsError)) throw error;
      Failed.push({ Entry: entry, Message: error.message, Fault: 'Client' as const });
    }
  }
  return { Successful, Failed };
}

/** The association an id names, or (older form) the one of a document and instance. */
function findAssociation(ctx: SsmContext, input: { AssociationId?: string; Name?: string; InstanceId?: string }): Association {
  const association =
    input.AssociationId !== undefined
      ? ctx.state.associations.get(input.AssociationId)
      : [...ctx.state.associations.values()].find((a) => a.description.Name === input.Name && a.description.InstanceId === input.InstanceId);
  if (!association) throw SsmErrors.associationNotFound();
  return association;
}

export function describeAssociation(input: DescribeAssociationCommandInput, ctx: SsmContext) {
  const association = findAssociation(ctx, input);
  const current = association.description;
  if (input.AssociationVersion === undefined || input.AssociationVersion === '$LATEST' || input.AssociationVersion === current.AssociationVersion) {
    return { AssociationDescription: current };
  }
  const version = association.versions.find((v) => v.AssociationVersion === input.AssociationVersion);
  if (!version) throw SsmErrors.associationVersion();
  const { CreatedDate, ...settings } = version;
  return { AssociationDescription: { ...current, ...settings, LastUpdateAssociationDate: CreatedDate } };
}

/**
 * UpdateAssociation replaces the association's optional settings with the request's, absent ones included, as AWS
 * documents ("the system removes all optional parameters from the request and overwrites the association with null
 * values for those parameters"); the document, targets and instance stay unless given.
 */
export function updateAssociation(input: UpdateAssociationCommandInput, ctx: SsmContext) {
  const association = findAssociation(ctx, input);
  const current = association.description;
  if (input.AssociationVersion !== undefined && input.AssociationVersion !== '$LATEST' && input.AssociationVersion !== current.AssociationVersion) {
    throw SsmErrors.associationVersion();
  }
  const entry = { ...input, Name: input.Name ?? current.Name, Targets: input.Targets ?? current.Targets };
  checkDocumentAndParameters(ctx, entry);
  checkTargets(entry.Targets);
  checkAssociationSchedule(entry.ScheduleExpression, entry.ScheduleOffset);
  if (association.versions.length >= MAX_VERSIONS) {
    throw new AwsError('AssociationVersionLimitExceeded', 'You have reached the maximum number versions allowed for an association. Each association has a limit of 1,000 versions.');
  }
  const description: AssociationDescription = {
    ...settingsOf(entry),
    InstanceId: current.InstanceId,
    AssociationId: current.AssociationId,
    AssociationVersion: String(Number(current.AssociationVersion) + 1),
    Date: current.Date,
    LastUpdateAssociationDate: ctx.emulator.clock.date(),
    Overview: { Status: 'Pending', DetailedStatus: 'Associated', AssociationStatusAggregatedCount: {} },
  };
  association.description = description;
  association.versions.push(versionInfo(description));
  return { AssociationDescription: description };
}

export function deleteAssociation(input: DeleteAssociationCommandInput, ctx: SsmContext) {
  const association = findAssociation(ctx, input);
  ctx.state.associations.delete(association.description.AssociationId!);
  return {};
}

/** ListAssociations filter keys, each compared for equality (the date ones against the last execution). */
function matches(description: AssociationDescription, key: string, value: string): boolean {
  switch (key) {
    case 'InstanceId':
      return description.InstanceId === value || (description.Targets ?? []).some((t) => t.Key === 'InstanceIds' && t.Values?.includes(value));
    case 'Name':
      return description.Name === value;
    case 'AssociationId':
      return description.AssociationId === value;
    case 'AssociationStatusName':
      return description.Overview?.Status === value;
    case 'AssociationName':
      return description.AssociationName === value;
    case 'ResourceGroupName':
      return (description.Targets ?? []).some((t) => t.Key === 'resource-groups:Name' && t.Values?.includes(value));
    default:
      // LastExecutedBefore/After: twinstack never runs an association, so none has a last execution.
      return false;
  }
}

export function listAssociations(input: ListAssociationsCommandInput, ctx: SsmContext) {
  const selected = [...ctx.state.associations.values()]
    .map((a) => a.description)
    .filter((d) => (input.AssociationFilterList ?? []).every((f) => matches(d, f.key!, f.value!)));
  const { items, NextToken } = pageOf(selected, input.MaxResults, input.NextToken, 50);
  return {
    Associations: items.map((d) => ({
      Name: d.Name,
      InstanceId: d.InstanceId,
      AssociationId: d.AssociationId,
      AssociationVersion: d.AssociationVersion,
      DocumentVersion: d.DocumentVersion,
      Targets: d.Targets,
      Overview: d.Overview,
      ScheduleExpression: d.ScheduleExpression,
      AssociationName: d.AssociationName,
      ScheduleOffset: d.ScheduleOffset,
      Duration: d.Duration,
      TargetMaps: d.TargetMaps,
    })),
    NextToken,
  };
}

export function listAssociationVersions(input: ListAssociationVersionsCommandInput, ctx: SsmContext) {
  const association = findAssociation(ctx, input);
  const { items, NextToken } = pageOf(association.versions, input.MaxResults, input.NextToken, 50);
  return { AssociationVersions: items, NextToken };
}
