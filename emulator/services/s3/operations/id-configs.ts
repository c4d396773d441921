import type { Handler } from '../../../core/service.ts';
import { AwsError } from '../../../core/errors.ts';
import { S3Errors } from '../errors.ts';
import { requireBucket, type S3Context } from '../registry.ts';

/** Analytics, metrics, inventory and Intelligent-Tiering configurations: stored per bucket by Id. */
const FAMILIES = [
  { name: 'analytics', op: 'BucketAnalyticsConfiguration', member: 'AnalyticsConfiguration', list: 'AnalyticsConfigurationList' },
  { name: 'metrics', op: 'BucketMetricsConfiguration', member: 'MetricsConfiguration', list: 'MetricsConfigurationList' },
  { name: 'inventory', op: 'BucketInventoryConfiguration', member: 'InventoryConfiguration', list: 'InventoryConfigurationList' },
  {
    name: 'intelligentTiering',
    op: 'BucketIntelligentTieringConfiguration',
    member: 'IntelligentTieringConfiguration',
    list: 'IntelligentTieringConfigurationList',
  },
];

const PAGE_SIZE = 100;

function store(ctx: S3Context, input: { Bucket?: string }, name: string): Map<string, unknown> {
  const bucket = requireBucket(ctx, input);
  let configs = bucket.configs.get(name) as Map<string, unknown> | undefined;
  if (!configs) bucket.configs.set(name, (configs = new Map()));
  return configs;
}

function noSuchConfiguration(): AwsError {
  return new AwsError('NoSuchConfiguration', 'The specified configuration does not exist.', { status: 404 });
}

export const idConfigHandlers: Record<string, Handler> = Object.fromEntries(
  FAMILIES.flatMap((f) => [
    [
      `Put${f.op}`,
      (input: Record<string, unknown> & { Bucket?: string; Id?: string }, ctx: S3Context) => {
        const document = input[f.member] as { Id?: string } | undefined;
        if (!document) throw S3Errors.malformedXml();
        if (document.Id !== input.Id) throw S3Errors.invalidArgument('Document ID does not match the specified configuration ID.', 'id', input.Id);
        store(ctx, input, f.name).set(input.Id ?? '', document);
        return {};
      },
    ],
    [
      `Get${f.op}`,
      (input: { Bucket?: string; Id?: string }, ctx: S3Context) => {
        const configs = store(ctx, input, f.name);
        if (!configs.has(input.Id ?? '')) throw noSuchConfiguration();
        return { [f.member]: configs.get(input.Id ?? '') };
      },
    ],
    [
      `Delete${f.op}`,
      (input: { Bucket?: string; Id?: string }, ctx: S3Context) => {
        const configs = store(ctx, input, f.name);
        if (!configs.delete(input.Id ?? '')) throw noSuchConfiguration();
        return {};
      },
    ],
    [
      `List${f.op}s`,
      (input: { Bucket?: string; ContinuationToken?: string }, ctx: S3Context) => {
        // Pages of 100 in Id order; the token is the last Id of the page before.
        const after = input.ContinuationToken === undefined ? undefined : Buffer.from(input.ContinuationToken, 'base64url').toString();
        const configs = store(ctx, input, f.name);
        const ids = [...configs.keys()].sort().filter((id) => after === undefined || id > after);
        const page = ids.slice(0, PAGE_SIZE);
        const truncated = ids.length > PAGE_SIZE;
        return {
          IsTruncated: truncated,
          ContinuationToken: input.ContinuationToken,
          NextContinuationToken: truncated ? Buffer.from(page[page.length - 1]).toString('base64url') : undefined,
          [f.list]: page.map((id) => configs.get(id)),
        };
      },
    ],
  ]),
);
