import { readFileSync } from 'node:fs';

/**
 * Partitions, DNS suffixes and ARNs, from AWS's partition data (botocore's partitions.json, the data the AWS SDKs
 * ship; copied by models/refresh.ts and read here rather than through the SDK, whose module costs start-up), so that
 * `cn-north-1` gives `arn:aws-cn:...`, `us-gov-west-1` `arn:aws-us-gov:...`, `us-isof-south-1` `arn:aws-iso-f:...`.
 * Every service builds and reads ARNs here; none writes `arn:aws:` itself.
 */
export interface PartitionInfo {
  /** `aws`, `aws-cn`, `aws-us-gov`, `aws-iso`, `aws-iso-b`, `aws-iso-e`, `aws-iso-f`. */
  name: string;
  /** `amazonaws.com`, `amazonaws.com.cn`, ... */
  dnsSuffix: string;
}

interface PartitionData {
  id: string;
  outputs: { name: string; dnsSuffix: string };
  regionRegex: string;
  regions: Record<string, unknown>;
}

interface Partitions {
  /** The regions the data lists, each with its partition's info (one shared object per partition). */
  byRegion: Map<string, PartitionInfo>;
  patterns: [RegExp, PartitionInfo][];
  fallback: PartitionInfo;
}

/**
 * Read once, and bounded by the data: a region a request names that the data does not list is matched against the
 * partitions' patterns each time rather than remembered, so no client can grow this with made-up region names.
 */
let partitions: Partitions | undefined;

function loadPartitions(): Partitions {
  const data = (JSON.parse(readFileSync(new URL('../models/partitions.json', import.meta.url), 'utf8')) as { partitions: PartitionData[] }).partitions;
  const infos = data.map((p): [PartitionData, PartitionInfo] => [p, { name: p.outputs.name, dnsSuffix: p.outputs.dnsSuffix }]);
  const byRegion = new Map<string, PartitionInfo>();
  // The SDKs' rule: a region listed by a partition, else the first partition whose pattern matches, else `aws`.
  for (const [p, info] of infos) for (const region of Object.keys(p.regions)) if (!byRegion.has(region)) byRegion.set(region, info);
  return {
    byRegion,
    patterns: infos.map(([p, info]) => [new RegExp(p.regionRegex), info]),
    fallback: infos.find(([p]) => p.id === 'aws')![1],
  };
}

export function partitionInfo(region: string): PartitionInfo {
  partitions ??= loadPartitions();
  return partitions.byRegion.get(region) ?? partitions.patterns.find(([pattern]) => pattern.test(region))?.[1] ?? partitions.fallback;
}

/** Whether AWS's partition data lists the region (`aws-global` and the like included). */
export function isListedRegion(region: string): boolean {
  partitions ??= loadPartitions();
  return partitions.byRegion.has(region);
}

/** The partition a region belongs to (`aws` for regions the partition data does not know). */
export function partitionOf(region: string): string {
  return partitionInfo(region).name;
}

export interface ArnParts {
  partition: string;
  service: string;
  /** Empty for global resources (IAM, S3 buckets, Route 53). */
  region: string;
  /** Empty for resources without an account (S3 buckets, AWS managed policies use `aws`). */
  accountId: string;
  /** Everything after the fifth colon, e.g. `table/orders`, `orders`, `role/admin`. */
  resource: string;
}

/**
 * Builds an ARN. The partition comes from `partitionRegion` when given (global resources whose ARN has no region,
 * such as IAM roles, still belong to the partition of the request's region), else from `region`.
 */
export function buildArn(parts: { service: string; region: string; accountId: string; resource: string; partitionRegion?: string }): string {
  const partition = partitionOf(parts.partitionRegion ?? parts.region);
  return `arn:${partition}:${parts.service}:${parts.region}:${parts.accountId}:${parts.resource}`;
}

const ARN = /^arn:(aws[a-z-]*):([a-z0-9-.]+):([a-z0-9-]*):([a-z0-9-]*|\d{12}):(.+)$/s;

/** Splits an ARN of any partition into its parts, or undefined when the text is not an ARN. */
export function parseArn(text: string): ArnParts | undefined {
  const match = ARN.exec(text);
  if (!match) return undefined;
  return { partition: match[1], service: match[2], region: match[3], accountId: match[4], resource: match[5] };
}

/** The root principal ARN of an account, in the partition of `region`. */
export function accountRootArn(accountId: string, region: string): string {
  return buildArn({ service: 'iam', region: '', accountId, resource: 'root', partitionRegion: region });
}
