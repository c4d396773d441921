import type {
  CreateLookupTableRequest,
  CreateLookupTableResponse,
  DeleteLookupTableRequest,
  DescribeLookupTablesRequest,
  DescribeLookupTablesResponse,
  GetLookupTableRequest,
  GetLookupTableResponse,
  LookupTable as LookupTableShape,
  UpdateLookupTableRequest,
  UpdateLookupTableResponse,
} from '@aws-sdk/client-cloudwatch-logs';
import { buildArn, parseArn } from '../../../core/arn.ts';
import type { RequestContext } from '../../../core/service.ts';
import { alreadyExists, invalidParameter, notFound } from '../errors.ts';
import { page } from '../pages.ts';
import type { LogsState, LookupTable } from '../state.ts';

type Ctx = RequestContext<LogsState>;

const tableNotFound = () => notFound('The specified lookup table does not exist.');

/** A table body is CSV: a header row naming the fields, then the records. */
function checkBody(body: string): void {
  const header = body.split(/\r?\n/, 1)[0];
  if (!header.trim()) throw invalidParameter('The lookup table body must start with a header row naming its fields.');
}

function fields(body: string): string[] {
  return body.split(/\r?\n/, 1)[0].split(',').map((f) => f.trim().replace(/^"(.*)"$/, '$1'));
}

function records(body: string): number {
  return body.split(/\r?\n/).slice(1).filter((line) => line.trim()).length;
}

function findTable(ctx: Ctx, arn: string): LookupTable {
  const parts = parseArn(arn);
  const own = parts?.service === 'logs' && parts.accountId === ctx.accountId && parts.region === ctx.region && parts.resource.startsWith('lookup-table:');
  const table = own ? ctx.state.lookupTables.get(parts.resource.slice('lookup-table:'.length)) : undefined;
  if (!table) throw tableNotFound();
  return table;
}

/** Lookup tables hold CSV reference data for Logs Insights' `lookup` command (stored here; the command is not run). */
export function createLookupTable(input: CreateLookupTableRequest, ctx: Ctx): CreateLookupTableResponse {
  if (ctx.state.lookupTables.has(input.lookupTableName!)) throw alreadyExists('The specified lookup table already exists.');
  checkBody(input.tableBody!);
  const table: LookupTable = {
    name: input.lookupTableName!,
    arn: buildArn({ service: 'logs', region: ctx.region, accountId: ctx.accountId, resource: `lookup-table:${input.lookupTableName}` }),
    description: input.description,
    body: input.tableBody!,
    kmsKeyId: input.kmsKeyId,
    lastUpdated: ctx.emulator.clock.now(),
    tags: new Map(Object.entries(input.tags ?? {})),
  };
  ctx.state.lookupTables.set(table.name, table);
  return { lookupTableArn: table.arn, createdAt: table.lastUpdated };
}

export function describeLookupTables(input: DescribeLookupTablesRequest, ctx: Ctx): DescribeLookupTablesResponse {
  const matching = [...ctx.state.lookupTables.values()]
    .filter((t) => input.lookupTableNamePrefix === undefined || t.name.startsWith(input.lookupTableNamePrefix))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const { items, nextToken } = page(matching, input.nextToken, input.maxResults ?? 50);
  return { lookupTables: items.map(summary), nextToken };
}

export function getLookupTable(input: GetLookupTableRequest, ctx: Ctx): GetLookupTableResponse {
  const table = findTable(ctx, input.lookupTableArn!);
  return {
    lookupTableArn: table.arn,
    lookupTableName: table.name,
    description: table.description,
    tableBody: table.body,
    sizeBytes: Buffer.byteLength(table.body),
    lastUpdatedTime: table.lastUpdated,
    kmsKeyId: table.kmsKeyId,
  };
}

export function updateLookupTable(input: UpdateLookupTableRequest, ctx: Ctx): UpdateLookupTableResponse {
  const table = findTable(ctx, input.lookupTableArn!);
  checkBody(input.tableBody!);
  table.body = input.tableBody!;
  if (input.description !== undefined) table.description = input.description;
  if (input.kmsKeyId !== undefined) table.kmsKeyId = input.kmsKeyId;
  table.lastUpdated = ctx.emulator.clock.now();
  return { lookupTableArn: table.arn, lastUpdatedTime: table.lastUpdated };
}

export function deleteLookupTable(input: DeleteLookupTableRequest, ctx: Ctx): object {
  ctx.state.lookupTables.delete(findTable(ctx, input.lookupTableArn!).name);
  return {};
}

function summary(t: LookupTable): LookupTableShape {
  return {
    lookupTableArn: t.arn,
    lookupTableName: t.name,
    description: t.description,
    tableFields: fields(t.body),
    recordsCount: records(t.body),
    sizeBytes: Buffer.byteLength(t.body),
    lastUpdatedTime: t.lastUpdated,
    kmsKeyId: t.kmsKeyId,
  };
}
