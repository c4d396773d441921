import type {
  CancelReplayRequest,
  CancelReplayResponse,
  DescribeReplayRequest,
  DescribeReplayResponse,
  ListReplaysRequest,
  ListReplaysResponse,
  StartReplayRequest,
  StartReplayResponse,
} from '@aws-sdk/client-eventbridge';
import { parseArn } from '../../../core/arn.ts';
import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import { busNameOf, findBus } from '../buses.ts';
import { invokeTargets, type EventEnvelope } from '../dispatch.ts';
import { alreadyExists, limitExceeded, notFound, validation } from '../errors.ts';
import { page } from '../pages.ts';
import { flattenEvent, matchesPattern } from '../pattern/index.ts';
import type { EventsState, Replay } from '../state.ts';
import { retainedEvents } from './archives.ts';

type Ctx = RequestContext<EventsState>;

/** AWS runs at most 10 replays at once per account and region. */
const MAX_ACTIVE_REPLAYS = 10;

function findReplay(state: EventsState, name: string): Replay {
  const replay = state.replays.get(name);
  if (!replay) throw notFound(`Replay ${name} does not exist.`);
  return replay;
}

export function startReplay(input: StartReplayRequest, ctx: Ctx): StartReplayResponse {
  const archiveName = parseArn(input.EventSourceArn!)?.resource.replace(/^archive\//, '') ?? input.EventSourceArn!;
  const archive = ctx.state.archives.get(archiveName);
  if (!archive || archive.arn !== input.EventSourceArn) {
    throw validation(`Parameter EventSourceArn is not valid. Reason: Archive ${archiveName} does not exist.`);
  }
  if (ctx.state.replays.has(input.ReplayName!)) throw alreadyExists(`Replay ${input.ReplayName} already exists.`);
  // AWS judges the time range before the destination (recorded).
  const [start, end] = [new Date(input.EventStartTime!), new Date(input.EventEndTime!)];
  if (start >= end) throw validation('Parameter EventEndTime is not valid. Reason: EventStartTime must be before EventEndTime.');
  const bus = findBus(ctx.state, busNameOf(input.Destination!.Arn));
  if (bus.arn !== archive.sourceArn) throw validation('Parameter Destination.Arn is not valid. Reason: Cross event bus replay is not permitted.');
  const active = [...ctx.state.replays.values()].filter((r) => r.state === 'STARTING' || r.state === 'RUNNING' || r.state === 'CANCELLING');
  if (active.length >= MAX_ACTIVE_REPLAYS) throw limitExceeded();
  const replay: Replay = {
    name: input.ReplayName!,
    arn: ctx.state.arn(`replay/${input.ReplayName}`),
    description: input.Description,
    sourceArn: archive.arn,
    destination: { Arn: input.Destination!.Arn!, FilterArns: input.Destination!.FilterArns },
    eventStartTime: start,
    eventEndTime: end,
    state: 'STARTING',
    startTime: ctx.emulator.clock.date(),
  };
  ctx.state.replays.set(replay.name, replay);
  const events = retainedEvents(archive, ctx.emulator.clock.now()).filter((e) => e.timeMs >= start.getTime() && e.timeMs < end.getTime());
  ctx.emulator.schedule(() => runReplay(ctx, replay, events.map((e) => e.event as EventEnvelope)), 0);
  return { ReplayArn: replay.arn, State: 'STARTING', ReplayStartTime: replay.startTime };
}

/** Sends each archived event again to the bus's rules (or those the filter names), marked with the replay's name. */
function runReplay(ctx: Ctx, replay: Replay, events: EventEnvelope[]): void {
  if (replay.state !== 'STARTING') return;
  replay.state = 'RUNNING';
  const bus = ctx.state.buses.get(busNameOf(replay.destination.Arn));
  for (const original of events) {
    if (!bus) break;
    const { resources, detail, ...head } = original;
    const event = { ...head, 'replay-name': replay.name, resources, detail } as EventEnvelope;
    const flat = flattenEvent(original);
    for (const rule of bus.rules.values()) {
      if (replay.destination.FilterArns?.length && !replay.destination.FilterArns.includes(rule.arn)) continue;
      if (rule.state === 'DISABLED' || !rule.compiled || !matchesPattern(rule.compiled, flat)) continue;
      invokeTargets(ctx.state, ctx.emulator, rule, event);
    }
    replay.lastReplayedTime = new Date(Date.parse(original.time));
  }
  replay.state = 'COMPLETED';
  replay.endTime = ctx.emulator.clock.date();
}

function summary(replay: Replay) {
  return {
    ReplayName: replay.name,
    EventSourceArn: replay.sourceArn,
    State: replay.state,
    EventStartTime: replay.eventStartTime,
    EventEndTime: replay.eventEndTime,
    EventLastReplayedTime: replay.lastReplayedTime,
    ReplayStartTime: replay.startTime,
    ReplayEndTime: replay.endTime,
  };
}

export function describeReplay(input: DescribeReplayRequest, ctx: Ctx): DescribeReplayResponse {
  const replay = findReplay(ctx.state, input.ReplayName!);
  return { ...summary(replay), ReplayArn: replay.arn, Description: replay.description, Destination: replay.destination };
}

export function listReplays(input: ListReplaysRequest, ctx: Ctx): ListReplaysResponse {
  const replays = [...ctx.state.replays.values()]
    .filter((r) => !input.NamePrefix || r.name.startsWith(input.NamePrefix))
    .filter((r) => !input.State || r.state === input.State)
    .filter((r) => !input.EventSourceArn || r.sourceArn === input.EventSourceArn)
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const { items, nextToken } = page(replays, input.NextToken, input.Limit);
  return { Replays: items.map(summary), NextToken: nextToken };
}

export function cancelReplay(input: CancelReplayRequest, ctx: Ctx): CancelReplayResponse {
  const replay = findReplay(ctx.state, input.ReplayName!);
  if (replay.state !== 'STARTING' && replay.state !== 'RUNNING') {
    throw new AwsError('IllegalStatusException', `Replay ${replay.name} is not in a valid state for this operation.`);
  }
  replay.state = 'CANCELLED';
  replay.endTime = ctx.emulator.clock.date();
  return { ReplayArn: replay.arn, State: 'CANCELLING' };
}
