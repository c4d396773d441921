import type { Handler, ServiceDefinition } from '../../core/service.ts';
import { createApiDestination, deleteApiDestination, describeApiDestination, listApiDestinations, updateApiDestination } from './operations/api-destinations.ts';
import { createArchive, deleteArchive, describeArchive, listArchives, updateArchive } from './operations/archives.ts';
import {
  createConnection,
  deauthorizeConnection,
  deleteConnection,
  describeConnection,
  listConnections,
  updateConnection,
} from './operations/connections.ts';
import { createEventBus, deleteEventBus, describeEventBus, listEventBuses, updateEventBus } from './operations/event-buses.ts';
import { putPermission, removePermission } from './operations/permissions.ts';
import { putEvents } from './operations/put-events.ts';
import { cancelReplay, describeReplay, listReplays, startReplay } from './operations/replays.ts';
import { deleteRule, describeRule, disableRule, enableRule, listRuleNamesByTarget, listRules, putRule } from './operations/rules.ts';
import { listTagsForResource, tagResource, untagResource } from './operations/tagging.ts';
import { listTargetsByRule, putTargets, removeTargets } from './operations/targets.ts';
import { testEventPattern } from './operations/test-event-pattern.ts';
import { armSchedule } from './scheduled-rules.ts';
import { EventsState } from './state.ts';
import { eventsModel } from './model.ts';
import { eventsDeliveryTarget } from './target.ts';

import { createEndpoint, deleteEndpoint, describeEndpoint, listEndpoints, updateEndpoint } from './operations/endpoints.ts';
import {
  activateEventSource,
  createPartnerEventSource,
  deactivateEventSource,
  deletePartnerEventSource,
  describeEventSource,
  describePartnerEventSource,
  listEventSources,
  listPartnerEventSourceAccounts,
  listPartnerEventSources,
  putPartnerEvents,
} from './operations/partner-sources.ts';

const operations: Record<string, Handler<EventsState>> = {
  CreateEventBus: createEventBus,
  DeleteEventBus: deleteEventBus,
  DescribeEventBus: describeEventBus,
  ListEventBuses: listEventBuses,
  UpdateEventBus: updateEventBus,
  PutRule: putRule,
  DeleteRule: deleteRule,
  DescribeRule: describeRule,
  EnableRule: enableRule,
  DisableRule: disableRule,
  ListRules: listRules,
  ListRuleNamesByTarget: listRuleNamesByTarget,
  PutTargets: putTargets,
  RemoveTargets: removeTargets,
  ListTargetsByRule: listTargetsByRule,
  PutEvents: putEvents,
  TestEventPattern: testEventPattern,
  PutPermission: putPermission,
  RemovePermission: removePermission,
  TagResource: tagResource,
  UntagResource: untagResource,
  ListTagsForResource: listTagsForResource,
  CreateArchive: createArchive,
  DescribeArchive: describeArchive,
  ListArchives: listArchives,
  UpdateArchive: updateArchive,
  DeleteArchive: deleteArchive,
  StartReplay: startReplay,
  DescribeReplay: describeReplay,
  ListReplays: listReplays,
  CancelReplay: cancelReplay,
  CreateConnection: createConnection,
  DescribeConnection: describeConnection,
  UpdateConnection: updateConnection,
  DeleteConnection: deleteConnection,
  DeauthorizeConnection: deauthorizeConnection,
  ListConnections: listConnections,
  CreateApiDestination: createApiDestination,
  DescribeApiDestination: describeApiDestination,
  UpdateApiDestination: updateApiDestination,
  DeleteApiDestination: deleteApiDestination,
  ListApiDestinations: listApiDestinations,
  CreateEndpoint: createEndpoint,
  UpdateEndpoint: updateEndpoint,
  DescribeEndpoint: describeEndpoint,
  ListEndpoints: listEndpoints,
  DeleteEndpoint: deleteEndpoint,
  CreatePartnerEventSource: createPartnerEventSource,
  DescribePartnerEventSource: describePartnerEventSource,
  ListPartnerEventSources: listPartnerEventSources,
  ListPartnerEventSourceAccounts: listPartnerEventSourceAccounts,
  DeletePartnerEventSource: deletePartnerEventSource,
  DescribeEventSource: describeEventSource,
  ListEventSources: listEventSources,
  ActivateEventSource: activateEventSource,
  DeactivateEventSource: deactivateEventSource,
  PutPartnerEvents: putPartnerEvents,
};

const handlers = Object.fromEntries(
  Object.entries(operations).map(([name, handler]): [string, Handler<EventsState>] => [
    name,
    (input, ctx) => {
      ctx.state.ensureDefaultBus(ctx.emulator.clock.date());
      return handler(input, ctx);
    },
  ]),
);

const events: ServiceDefinition<EventsState> = {
  name: 'events',
  model: eventsModel(),
  createState: (accountId, region) => new EventsState(accountId, region),
  validation: 'coral',
  handlers,
  deliveryTarget: eventsDeliveryTarget,
  disposeState: (state) => state.watcher?.stop(),
  persistence: {
    classes: { EventsState: { type: EventsState, transient: { watcher: () => undefined } } },
    // Scheduled rules start again from the restore (the watcher that fires them is not state).
    revive(state, emulator) {
      for (const bus of state.buses.values()) for (const rule of bus.rules.values()) if (rule.schedule && rule.state !== 'DISABLED') armSchedule(state, emulator, rule);
    },
  },
};

export default events;
