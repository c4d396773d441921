import type {
  DeleteMetricStreamInput,
  GetMetricStreamInput,
  GetMetricStreamOutput,
  ListMetricStreamsInput,
  ListMetricStreamsOutput,
  PutMetricStreamInput,
  PutMetricStreamOutput,
  StartMetricStreamsInput,
  StopMetricStreamsInput,
} from '@aws-sdk/client-cloudwatch';
import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import { invalidCombination } from '../errors.ts';
import { watchMetricStreams } from '../metric-streams.ts';
import { page } from '../pages.ts';
import type { CloudWatchState, MetricStream } from '../state.ts';
import { setTags, checkTagKeys } from '../tags.ts';

type Ctx = RequestContext<CloudWatchState>;

const MINUTE_MS = 60_000;
const nonEmpty = <T>(list: T[]) => (list.length ? list : undefined);

/** Creates or updates a stream; a new stream runs at once and streams from the minute it was created. */
export function putMetricStream(input: PutMetricStreamInput, ctx: Ctx): PutMetricStreamOutput {
  checkTagKeys(input.Tags, ctx.caller);
  if (input.IncludeFilters?.length && input.ExcludeFilters?.length) {
    throw invalidCombination('You cannot specify both IncludeFilters and ExcludeFilters in the same operation.');
  }
  const now = ctx.emulator.clock.now();
  const existing = ctx.state.metricStreams.get(input.Name!);
  const stream: MetricStream = {
    name: input.Name!,
    firehoseArn: input.FirehoseArn!,
    roleArn: input.RoleArn!,
    outputFormat: input.OutputFormat!,
    includeFilters: input.IncludeFilters ?? [],
    excludeFilters: input.ExcludeFilters ?? [],
    statisticsConfigurations: input.StatisticsConfigurations ?? [],
    includeLinkedAccountsMetrics: input.IncludeLinkedAccountsMetrics ?? false,
    state: existing?.state ?? 'running',
    created: existing?.created ?? now,
    updated: now,
    streamedUntil: existing?.streamedUntil ?? Math.floor(now / MINUTE_MS) * MINUTE_MS,
  };
  ctx.state.metricStreams.set(stream.name, stream);
  setTags(ctx.state, ctx.state.metricStreamArn(stream.name), input.Tags);
  watchMetricStreams(ctx.state, ctx.emulator);
  return { Arn: ctx.state.metricStreamArn(stream.name) };
}

export function getMetricStream(input: GetMetricStreamInput, ctx: Ctx): GetMetricStreamOutput {
  const s = ctx.state.metricStreams.get(input.Name!);
  if (!s) throw new AwsError('ResourceNotFoundException', `MetricStream ${input.Name} does not exist.`);
  return {
    Arn: ctx.state.metricStreamArn(s.name),
    Name: s.name,
    IncludeFilters: nonEmpty(s.includeFilters),
    ExcludeFilters: nonEmpty(s.excludeFilters),
    FirehoseArn: s.firehoseArn,
    RoleArn: s.roleArn,
    State: s.state,
    CreationDate: new Date(s.created),
    LastUpdateDate: new Date(s.updated),
    OutputFormat: s.outputFormat as GetMetricStreamOutput['OutputFormat'],
    StatisticsConfigurations: nonEmpty(s.statisticsConfigurations),
    IncludeLinkedAccountsMetrics: s.includeLinkedAccountsMetrics,
  };
}

export function listMetricStreams(input: ListMetricStreamsInput, ctx: Ctx): ListMetricStreamsOutput {
  const all = [...ctx.state.metricStreams.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const { items, nextToken } = page(all, input.NextToken, input.MaxResults ?? 500);
  return {
    Entries: items.map((s) => ({
      Arn: ctx.state.metricStreamArn(s.name),
      CreationDate: new Date(s.created),
      LastUpdateDate: new Date(s.updated),
      Name: s.name,
      FirehoseArn: s.firehoseArn,
      State: s.state,
      OutputFormat: s.outputFormat as GetMetricStreamOutput['OutputFormat'],
    })),
    NextToken: nextToken,
  };
}

/** Deleting a stream that does not exist succeeds, as the operation models no not-found error. */
export function deleteMetricStream(input: DeleteMetricStreamInput, ctx: Ctx): object {
  ctx.state.metricStreams.delete(input.Name!);
  ctx.state.tags.delete(ctx.state.metricStreamArn(input.Name!));
  watchMetricStreams(ctx.state, ctx.emulator);
  return {};
}

/**
 * A stopped stream sends nothing; started again, it streams from the minute it restarted (what happened while it
 * was stopped is not sent). Names that are not streams are ignored, as the operations model no not-found error.
 */
function setRunning(names: string[], ctx: Ctx, running: boolean): object {
  const now = ctx.emulator.clock.now();
  for (const name of names) {
    const stream = ctx.state.metricStreams.get(name);
    if (!stream || (stream.state === 'running') === running) continue;
    stream.state = running ? 'running' : 'stopped';
    stream.updated = now;
    if (running) stream.streamedUntil = Math.floor(now / MINUTE_MS) * MINUTE_MS;
  }
  watchMetricStreams(ctx.state, ctx.emulator);
  return {};
}

export const startMetricStreams = (input: StartMetricStreamsInput, ctx: Ctx) => setRunning(input.Names!, ctx, true);
export const stopMetricStreams = (input: StopMetricStreamsInput, ctx: Ctx) => setRunning(input.Names!, ctx, false);
