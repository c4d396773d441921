import type {
  CreateGlobalTableCommandInput,
  DescribeGlobalTableCommandInput,
  GlobalTableDescription,
  ListGlobalTablesCommandInput,
  UpdateGlobalTableCommandInput,
} from '@aws-sdk/client-dynamodb';
import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import { invalidParameter } from '../errors.ts';
import { ReplicationGroup } from '../replication.ts';
import type { DynamoState } from '../state.ts';
import type { Table } from '../table.ts';

type Ctx = RequestContext<DynamoState>;

/**
 * Global tables version 2017.11.29 (Legacy): a replication group over same-named tables that already exist in each
 * region. Their definitions belong to the account, not to a region, so every regional endpoint sees them.
 */
const registries = new WeakMap<object, Map<string, ReplicationGroup>>();

function legacyGroups(ctx: Ctx): Map<string, ReplicationGroup> {
  let groups = registries.get(ctx.emulator);
  if (!groups) registries.set(ctx.emulator, (groups = new Map()));
  return groups;
}

const key = (ctx: Ctx, name: string) => `${ctx.accountId}/${name}`;

export function legacyGroup(ctx: Ctx, name: string): ReplicationGroup {
  const group = legacyGroups(ctx).get(key(ctx, name));
  if (!group) throw new AwsError('GlobalTableNotFoundException', `Global table not found: ${name}`);
  return group;
}

/** A table that may join a legacy global table: it exists, streams new and old images, is empty and matches the others. */
function joiningTable(ctx: Ctx, name: string, region: string, like?: Table): { state: DynamoState; table: Table } {
  const state = ctx.emulator.state<DynamoState>('dynamodb', ctx.accountId, region);
  const table = state.tables.get(name);
  if (!table) throw new AwsError('TableNotFoundException', `Table not found: Table: '${name}' not found in region: '${region}'.`);
  if (table.streamSpecification?.StreamViewType !== 'NEW_AND_OLD_IMAGES') {
    throw invalidParameter(`Table: ${name} in region: ${region} must have DynamoDB Streams enabled with StreamViewType NEW_AND_OLD_IMAGES`);
  }
  if (table.itemCount > 0) throw invalidParameter(`Table: ${name} in region: ${region} must be empty to join a global table`);
  if (table.replication) throw invalidParameter(`Table: ${name} in region: ${region} is already part of a global table`);
  if (like && JSON.stringify(like.keySchema) !== JSON.stringify(table.keySchema)) {
    throw invalidParameter(`Table: ${name} in region: ${region} must have the same key schema as the other replicas`);
  }
  return { state, table };
}

/** Regions in the order they joined: AWS's examples list a new global table's regions as its request gave them. */
const replicationGroup = (group: ReplicationGroup) => [...group.replicas.keys()].map((RegionName) => ({ RegionName }));

function describeGroup(group: ReplicationGroup, status: GlobalTableDescription['GlobalTableStatus'] = 'ACTIVE'): GlobalTableDescription {
  return {
    ReplicationGroup: replicationGroup(group),
    GlobalTableArn: group.arn,
    CreationDateTime: group.created,
    GlobalTableStatus: status,
    GlobalTableName: group.name,
  };
}

export function createGlobalTable(input: CreateGlobalTableCommandInput, ctx: Ctx) {
  const name = input.GlobalTableName!;
  if (legacyGroups(ctx).has(key(ctx, name))) throw new AwsError('GlobalTableAlreadyExistsException', `Global table already exists: ${name}`);
  const regions = [...new Set((input.ReplicationGroup ?? []).map((r) => r.RegionName!))];
  const members: { region: string; state: DynamoState; table: Table }[] = [];
  for (const region of regions) members.push({ region, ...joiningTable(ctx, name, region, members[0]?.table) });
  const group = new ReplicationGroup('2017.11.29', name, ctx.accountId, ctx.region, ctx.emulator.clock.date());
  for (const member of members) group.add(member.region, member.state, member.table);
  legacyGroups(ctx).set(key(ctx, name), group);
  return { GlobalTableDescription: describeGroup(group, 'CREATING') };
}

export function describeGlobalTable(input: DescribeGlobalTableCommandInput, ctx: Ctx) {
  return { GlobalTableDescription: describeGroup(legacyGroup(ctx, input.GlobalTableName!)) };
}

export function listGlobalTables(input: ListGlobalTablesCommandInput, ctx: Ctx) {
  const limit = input.Limit ?? 100;
  const start = input.ExclusiveStartGlobalTableName;
  const groups = [...legacyGroups(ctx).values()]
    .filter((g) => g.accountId === ctx.accountId)
    .filter((g) => !input.RegionName || g.replicas.has(input.RegionName))
    .filter((g) => start === undefined || g.name > start)
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const page = groups.slice(0, limit);
  return {
    GlobalTables: page.map((g) => ({ GlobalTableName: g.name, ReplicationGroup: replicationGroup(g) })),
    LastEvaluatedGlobalTableName: groups.length > limit ? page[page.length - 1].name : undefined,
  };
}

export function updateGlobalTable(input: UpdateGlobalTableCommandInput, ctx: Ctx) {
  const group = legacyGroup(ctx, input.GlobalTableName!);
  for (const update of input.ReplicaUpdates ?? []) {
    if (update.Create) {
      const region = update.Create.RegionName!;
      if (group.replicas.has(region)) throw new AwsError('ReplicaAlreadyExistsException', `Replica already exists in region: ${region}`);
      const existing = [...group.replicas.values()];
      if (existing.some((r) => r.table.itemCount > 0)) throw invalidParameter(`Global table: ${group.name} must be empty to add a replica`);
      const { state, table } = joiningTable(ctx, group.name, region, existing[0]?.table);
      group.add(region, state, table);
    } else if (update.Delete) {
      const region = update.Delete.RegionName!;
      if (!group.remove(region)) throw new AwsError('ReplicaNotFoundException', `Replica not found in region: ${region}`);
    }
  }
  return { GlobalTableDescription: describeGroup(group) };
}
