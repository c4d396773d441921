import { randomBytes } from 'node:crypto';
import type {
  CreateOpsItemCommandInput,
  DeleteOpsItemCommandInput,
  DescribeOpsItemsCommandInput,
  GetOpsItemCommandInput,
  OpsItem,
  OpsItemFilter,
  UpdateOpsItemCommandInput,
} from '@aws-sdk/client-ssm';
import { buildArn } from '../../../core/arn.ts';
import { SsmErrors } from '../errors.ts';
import { pageOf } from '../filters.ts';
import type { SsmContext } from '../parameters.ts';
import type { OpsItemRecord } from '../state.ts';
import { checkTagCount } from './tags.ts';

/** The OpsItem settings UpdateOpsItem may change. */
const UPDATABLE = [
  'Description',
  'Notifications',
  'Priority',
  'RelatedOpsItems',
  'Status',
  'Title',
  'Category',
  'Severity',
  'ActualStartTime',
  'ActualEndTime',
  'PlannedStartTime',
  'PlannedEndTime',
] as const;
/** OperationalData keys may not start with these (SSM API reference, CreateOpsItem `OperationalData`). */
const RESERVED_DATA_PREFIXES = ['amazon', 'aws', 'amzn', 'ssm', '/amazon', '/amzn', '/ssm'];

function checkOperationalData(data: Record<string, unknown> | undefined): void {
  const reserved = Object.keys(data ?? {}).filter((key) => RESERVED_DATA_PREFIXES.some((p) => key.toLowerCase().startsWith(p)) && !key.startsWith('/aws/'));
  if (reserved.length) throw SsmErrors.opsItemParameter(['OperationalData'], `OperationalData keys can't begin with the reserved prefixes amazon, aws, amzn, ssm, /amazon, /amzn or /ssm: ${reserved.join(', ')}`);
}

function getItem(ctx: SsmContext, id: string): OpsItemRecord {
  const record = ctx.state.opsItems.get(id);
  if (!record) throw SsmErrors.opsItemNotFound(id);
  return record;
}

export function createOpsItem(input: CreateOpsItemCommandInput, ctx: SsmContext) {
  checkOperationalData(input.OperationalData);
  if (input.Tags) checkTagCount(input.Tags.length);
  const { Tags, AccountId: _account, ...settings } = input;
  const id = `oi-${randomBytes(6).toString('hex')}`;
  const now = ctx.emulator.clock.date();
  const item: OpsItem = {
    ...settings,
    OpsItemId: id,
    OpsItemArn: buildArn({ service: 'ssm', region: ctx.region, accountId: ctx.state.accountId, resource: `opsitem/${id}` }),
    Status: 'Open',
    CreatedBy: ctx.caller.arn,
    CreatedTime: now,
    LastModifiedBy: ctx.caller.arn,
    LastModifiedTime: now,
    Version: '1',
  };
  ctx.state.opsItems.set(id, { item, tags: (Tags ?? []).map((t) => ({ Key: t.Key, Value: t.Value })) });
  return { OpsItemId: id, OpsItemArn: item.OpsItemArn };
}

export function getOpsItem(input: GetOpsItemCommandInput, ctx: SsmContext) {
  return { OpsItem: getItem(ctx, input.OpsItemId!).item };
}

export function updateOpsItem(input: UpdateOpsItemCommandInput, ctx: SsmContext) {
  const record = getItem(ctx, input.OpsItemId!);
  checkOperationalData(input.OperationalData);
  const item: OpsItem = { ...record.item };
  for (const key of UPDATABLE) if (input[key] !== undefined) (item as Record<string, unknown>)[key] = input[key];
  const data = { ...item.OperationalData, ...input.OperationalData };
  for (const key of input.OperationalDataToDelete ?? []) delete data[key];
  item.OperationalData = Object.keys(data).length ? data : undefined;
  item.LastModifiedBy = ctx.caller.arn;
  item.LastModifiedTime = ctx.emulator.clock.date();
  item.Version = String(Number(item.Version) + 1);
  record.item = item;
  return {};
}

export function deleteOpsItem(input: DeleteOpsItemCommandInput, ctx: SsmContext) {
  ctx.state.opsItems.delete(input.OpsItemId!);
  return {};
}

/** The text or time a filter key reads from an OpsItem; undefined for keys twinstack has no data for. */
function fieldOf(item: OpsItem, key: string): string | Date | undefined {
  if (key === 'OperationalDataKey') return Object.keys(item.OperationalData ?? {}).join('\n');
  const value = (item as Record<string, unknown>)[key];
  return value instanceof Date ? value : value === undefined ? undefined : String(value);
}

const SUPPORTED_KEYS = ['Status', 'CreatedBy', 'Source', 'Priority', 'Title', 'OpsItemId', 'CreatedTime', 'LastModifiedTime', 'ActualStartTime', 'ActualEndTime', 'PlannedStartTime', 'PlannedEndTime', 'OperationalDataKey', 'Category', 'Severity', 'OpsItemType'];

function matches(item: OpsItem, filter: OpsItemFilter): boolean {
  if (!SUPPORTED_KEYS.includes(filter.Key!)) throw SsmErrors.validation(`Filter key ${filter.Key} is not supported by twinstack.`);
  const field = fieldOf(item, filter.Key!);
  if (field === undefined) return false;
  return filter.Values!.some((value) => {
    if (field instanceof Date) {
      const at = Date.parse(value);
      return filter.Operator === 'GreaterThan' ? field.getTime() > at : filter.Operator === 'LessThan' ? field.getTime() < at : field.getTime() === at;
    }
    if (filter.Operator === 'Contains') return field.includes(value);
    if (filter.Key === 'OperationalDataKey') return field.split('\n').includes(value);
    return field === value;
  });
}

export function describeOpsItems(input: DescribeOpsItemsCommandInput, ctx: SsmContext) {
  const items = [...ctx.state.opsItems.values()].map((r) => r.item).filter((item) => (input.OpsItemFilters ?? []).every((f) => matches(item, f)));
  const { items: page, NextToken } = pageOf(items, input.MaxResults, input.NextToken, 50);
  return {
    OpsItemSummaries: page.map(({ Description: _d, Notifications: _n, RelatedOpsItems: _r, Version: _v, OpsItemArn: _a, ...summary }) => summary),
    NextToken,
  };
}
