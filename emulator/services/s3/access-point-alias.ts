import type { ListAccessPointsForObjectLambdaResult, ListAccessPointsResult } from '@aws-sdk/client-s3-control';
import { AwsError } from '../../core/errors.ts';
import { requestAction } from './iam-actions.ts';
import { reachedThrough } from './access-point-keys.ts';
import { accessPointNamed, admit, asS3, type FoundAccessPoint } from './access-point-lookup.ts';
import { markThroughObjectLambda, notImplemented, PASSED_THROUGH, SERVED } from './object-lambda.ts';
import type { S3Context } from './registry.ts';

/**
 * Access point aliases as bucket names ("Using a bucket-style alias for your access point"): `<prefix>-<metadata>-s3alias`
 * names an access point, `…--ol-s3` an Object Lambda access point. S3 Control made them and keeps them; its metadata
 * ends with the owner's account in base 36 (see S3 Control's `newAlias`), so S3 asks that account's S3 Control, through
 * the core, which of its access points has the alias. A request naming an access point's alias is served by its bucket
 * for the operations access points take, under the access point's policy and Block Public Access; one naming an Object
 * Lambda access point's alias is served as a request through its host.
 */
const ALIAS = /^[a-z0-9-]+-[a-z0-9]{26}([a-z0-9]{8})(-s3alias|--ol-s3)$/;

/**
 * What an alias serves: AWS's access point compatibility list (the object operations and the bucket reads access
 * points take), and the operations whose API reference says to give "the alias of the access point in place of the
 * bucket name" besides (GetObjectLockConfiguration, UpdateObjectEncryption).
 */
const THROUGH_ACCESS_POINTS = new Set([...SERVED, ...PASSED_THROUGH, 'SelectObjectContent', 'GetObjectLockConfiguration', 'UpdateObjectEncryption']);

const invalidAlias = () => new AwsError('InvalidAccessPointAliasError', 'The specified access point alias name is not valid.', { status: 400 });

/** The alias a request named its access point by, kept for what its answer says of it (HeadBucket's AccessPointAlias). */
const throughAlias = new WeakMap<S3Context, string>();

export const isThroughAccessPointAlias = (ctx: S3Context) => throughAlias.has(ctx);

const isAliasLike = (name: string) => name.endsWith('-s3alias') || name.endsWith('--ol-s3');

/** The owner's account an alias's metadata ends with; InvalidAccessPointAliasError for a name not of an alias's form. */
function aliasAccount(alias: string): { accountId: string; objectLambda: boolean } {
  const match = ALIAS.exec(alias);
  if (!match) throw invalidAlias();
  return { accountId: String(parseInt(match[1], 36)).padStart(12, '0'), objectLambda: match[2] === '--ol-s3' };
}

/**
 * Readdresses a request whose bucket, or copy source's bucket, is an access point alias; undefined (no extra turn) for
 * every other request. Without S3 Control the name is an ordinary (missing) bucket's.
 */
export function resolveAccessPointAlias(input: { Bucket?: string; Key?: string; CopySource?: string }, ctx: S3Context): Promise<void> | undefined {
  const bucket = typeof input.Bucket === 'string' && isAliasLike(input.Bucket);
  const source = typeof input.CopySource === 'string' && isAliasLike(copySourceParts(input.CopySource).bucket);
  if (!(bucket || source) || !ctx.emulator.isEnabled('s3control')) return undefined;
  return (async () => {
    if (source) await resolveCopySourceAlias(input as { CopySource: string }, ctx);
    if (!bucket) return;
    const { accountId, objectLambda } = aliasAccount(input.Bucket!);
    await (objectLambda ? resolveObjectLambdaAlias(input, ctx, accountId) : resolveAlias(input, ctx, accountId));
  })();
}

/** `x-amz-copy-source`: `[/]bucket/key[?versionId=...]`, URL-encoded: its bucket (decoded) and the rest as given. */
function copySourceParts(raw: string): { bucket: string; rest: string } {
  const start = raw.startsWith('/') ? 1 : 0;
  const slash = raw.indexOf('/', start);
  const encoded = slash < 0 ? raw.slice(start) : raw.slice(start, slash);
  try {
    return { bucket: decodeURIComponent(encoded), rest: slash < 0 ? '' : raw.slice(slash) };
  } catch {
    return { bucket: '', rest: '' };
  }
}

/**
 * A copy whose source names an access point by its alias ("same-region copies only"): the source is read from the
 * access point's bucket, under its policy for s3:GetObject. An Object Lambda access point is no copy source.
 */
async function resolveCopySourceAlias(input: { CopySource: string }, ctx: S3Context): Promise<void> {
  const { bucket: alias, rest } = copySourceParts(input.CopySource);
  const { accountId, objectLambda } = aliasAccount(alias);
  if (objectLambda) throw notImplemented();
  const found = await findAccessPoint(ctx, alias, accountId);
  let key: string | undefined;
  try {
    key = decodeURIComponent(rest.split('?')[0].slice(1));
  } catch {
    key = undefined;
  }
  await admit(ctx, found, key, 's3:GetObject');
  input.CopySource = `${found.accessPoint.Bucket}${rest}`;
  reachedThrough(ctx, found.accessPoint.Bucket!, found.keys);
}

/** Every page of a listing, until the item `found` picks. */
async function findListed<Page extends { NextToken?: string }, Item>(list: (token?: string) => Promise<Page>, items: (page: Page) => Item[], found: (item: Item) => boolean) {
  let token: string | undefined;
  do {
    const page = await list(token);
    const hit = items(page).find(found);
    if (hit) return hit;
    token = page.NextToken;
  } while (token);
  return undefined;
}

async function resolveObjectLambdaAlias(input: { Bucket?: string }, ctx: S3Context, accountId: string): Promise<void> {
  const ask = asS3(ctx, accountId);
  const found = await findListed(
    (NextToken) => ask<ListAccessPointsForObjectLambdaResult>('ListAccessPointsForObjectLambda', { NextToken }),
    (page) => page.ObjectLambdaAccessPointList ?? [],
    (ap) => ap.Alias?.Value === input.Bucket,
  );
  if (!found) throw invalidAlias();
  // The access point's host names it as `<name>-<account>`: the request goes on as one through that host.
  throughAlias.set(ctx, input.Bucket!);
  input.Bucket = `${found.Name}-${accountId}`;
  markThroughObjectLambda(ctx);
}

/** The access point with this alias in the owner's account (in the request's region), with its policy. */
async function findAccessPoint(ctx: S3Context, alias: string, accountId: string): Promise<FoundAccessPoint> {
  const ask = asS3(ctx, accountId);
  const listed = await findListed(
    (NextToken) => ask<ListAccessPointsResult>('ListAccessPoints', { NextToken }),
    (page) => page.AccessPointList ?? [],
    (ap) => ap.Alias === alias,
  );
  if (!listed) throw invalidAlias();
  return accessPointNamed(ctx, accountId, listed.Name!);
}

async function resolveAlias(input: { Bucket?: string; Key?: string; VersionId?: string }, ctx: S3Context, accountId: string): Promise<void> {
  const alias = input.Bucket!;
  const found = await findAccessPoint(ctx, alias, accountId);
  if (!THROUGH_ACCESS_POINTS.has(ctx.operation)) throw notImplemented();
  await admit(ctx, found, input.Key, requestAction(ctx.operation, input));
  input.Bucket = found.accessPoint.Bucket;
  throughAlias.set(ctx, alias);
  reachedThrough(ctx, found.accessPoint.Bucket!, found.keys);
}
