import type {
  CreateArchiveRequest,
  CreateArchiveResponse,
  DeleteArchiveRequest,
  DescribeArchiveRequest,
  DescribeArchiveResponse,
  ListArchivesRequest,
  ListArchivesResponse,
  UpdateArchiveRequest,
  UpdateArchiveResponse,
} from '@aws-sdk/client-eventbridge';
import type { RequestContext } from '../../../core/service.ts';
import { busNameOf, findBus } from '../buses.ts';
import { alreadyExists, notFound, validation } from '../errors.ts';
import { page } from '../pages.ts';
import { eventPattern } from '../pattern/index.ts';
import type { Archive, EventsState } from '../state.ts';

type Ctx = RequestContext<EventsState>;

export function findArchive(state: EventsState, name: string): Archive {
  const archive = state.archives.get(name);
  if (!archive) throw notFound(`Archive ${name} does not exist.`);
  return archive;
}

/** Events older than the archive's retention are gone (0 keeps them forever). */
export function retainedEvents(archive: Archive, nowMs: number) {
  if (archive.retentionDays > 0) {
    const oldest = nowMs - archive.retentionDays * 86_400_000;
    archive.events = archive.events.filter((e) => e.timeMs >= oldest);
  }
  return archive.events;
}

export function createArchive(input: CreateArchiveRequest, ctx: Ctx): CreateArchiveResponse {
  const bus = findBus(ctx.state, busNameOf(input.EventSourceArn));
  if (ctx.state.archives.has(input.ArchiveName!)) throw alreadyExists(`Archive ${input.ArchiveName} already exists.`);
  const archive: Archive = {
    name: input.ArchiveName!,
    arn: ctx.state.arn(`archive/${input.ArchiveName}`),
    sourceArn: bus.arn,
    description: input.Description,
    eventPattern: input.EventPattern,
    compiled: input.EventPattern === undefined ? undefined : eventPattern(input.EventPattern),
    retentionDays: input.RetentionDays ?? 0,
    kmsKeyIdentifier: input.KmsKeyIdentifier,
    created: ctx.emulator.clock.date(),
    events: [],
  };
  ctx.state.archives.set(archive.name, archive);
  return { ArchiveArn: archive.arn, State: 'ENABLED', CreationTime: archive.created };
}

function summary(archive: Archive, nowMs: number) {
  const events = retainedEvents(archive, nowMs);
  return {
    ArchiveName: archive.name,
    EventSourceArn: archive.sourceArn,
    State: 'ENABLED' as const,
    RetentionDays: archive.retentionDays,
    SizeBytes: events.reduce((total, e) => total + e.size, 0),
    EventCount: events.length,
    CreationTime: archive.created,
  };
}

export function describeArchive(input: DescribeArchiveRequest, ctx: Ctx): DescribeArchiveResponse {
  const archive = findArchive(ctx.state, input.ArchiveName!);
  return {
    ...summary(archive, ctx.emulator.clock.now()),
    ArchiveArn: archive.arn,
    Description: archive.description,
    EventPattern: archive.eventPattern,
    KmsKeyIdentifier: archive.kmsKeyIdentifier,
  };
}

export function listArchives(input: ListArchivesRequest, ctx: Ctx): ListArchivesResponse {
  if (input.EventSourceArn) findBus(ctx.state, busNameOf(input.EventSourceArn));
  const archives = [...ctx.state.archives.values()]
    .filter((a) => !input.NamePrefix || a.name.startsWith(input.NamePrefix))
    .filter((a) => !input.EventSourceArn || a.sourceArn === input.EventSourceArn)
    .filter(() => !input.State || input.State === 'ENABLED')
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const { items, nextToken } = page(archives, input.NextToken, input.Limit);
  return { Archives: items.map((a) => summary(a, ctx.emulator.clock.now())), NextToken: nextToken };
}

export function updateArchive(input: UpdateArchiveRequest, ctx: Ctx): UpdateArchiveResponse {
  if (input.EventPattern === undefined && input.RetentionDays === undefined && input.Description === undefined && input.KmsKeyIdentifier === undefined) {
    throw validation('At least one of EventPattern, RetentionDays or Description must be provided.');
  }
  const archive = findArchive(ctx.state, input.ArchiveName!);
  if (input.EventPattern !== undefined) {
    archive.compiled = eventPattern(input.EventPattern);
    archive.eventPattern = input.EventPattern;
  }
  if (input.RetentionDays !== undefined) archive.retentionDays = input.RetentionDays;
  if (input.Description !== undefined) archive.description = input.Description;
  if (input.KmsKeyIdentifier !== undefined) archive.kmsKeyIdentifier = input.KmsKeyIdentifier || undefined;
  return { ArchiveArn: archive.arn, State: 'ENABLED', CreationTime: archive.created };
}

export function deleteArchive(input: DeleteArchiveRequest, ctx: Ctx): object {
  findArchive(ctx.state, input.ArchiveName!);
  ctx.state.archives.delete(input.ArchiveName!);
  return {};
}
