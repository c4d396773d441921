import { randomBytes } from 'node:crypto';
import type { RequestContext } from '../../core/service.ts';
import { hostParts } from '../../gateway/route.ts';
import { pathStylePath } from '../../protocols/rest/virtual-host.ts';
import type { RawRequest, RawResponse } from '../../protocols/types.ts';
import type { ServiceModel } from '../../models/types.ts';
import { fetchAccountBlocks } from './account-block.ts';
import { actualRequestCors, preflight } from './cors.ts';
import { objectLambdaPath } from './object-lambda.ts';
import { postUpload } from './post-upload.ts';
import { answerStatus, s3World } from './registry.ts';
import { serveWebsite } from './website.ts';
import { readSigV2QueryHeaders } from './query-headers.ts';
import { S3Errors } from './errors.ts';

/** Operations AWS answers with 204 although the model does not say so. */
const NO_CONTENT = new Set([
  'PutBucketTagging',
  'PutBucketPolicy',
  'PutBucketAnalyticsConfiguration',
  'PutBucketInventoryConfiguration',
  'PutBucketIntelligentTieringConfiguration',
  'PutBucketMetricsConfiguration',
]);

/** Bucket and key a request addresses, path-style or by virtual host. */
function target(req: RawRequest, model: ServiceModel): { bucket: string; key?: string } {
  const path = pathStylePath(req, model);
  const slash = path.indexOf('/', 1);
  const decode = (text: string) => {
    try {
      return decodeURIComponent(text);
    } catch {
      return text;
    }
  };
  if (slash < 0) return { bucket: decode(path.slice(1)) };
  const key = path.slice(slash + 1);
  return { bucket: decode(path.slice(1, slash)), key: key ? decode(key) : undefined };
}

const DIRECTORY_BUCKET_PATH = /^\/([a-z0-9-]+--x-s3)\/\//;

const isPostUpload = (req: RawRequest) => req.method === 'POST' && (req.headers['content-type'] ?? '').startsWith('multipart/form-data');

function requestIdHeaders(ctx: RequestContext): Record<string, string> {
  return { 'x-amz-request-id': ctx.requestId, 'x-amz-id-2': randomBytes(48).toString('base64') };
}

/**
 * S3's browser-facing HTTP: website endpoints, CORS preflights answered from the bucket's CORS rules, browser POST
 * uploads, and CORS headers on responses to requests that carry an `Origin`.
 */
export function s3Http(model: ServiceModel) {
  return {
    async intercept(req: RawRequest, ctx: RequestContext): Promise<RawResponse | undefined> {
      readSigV2QueryHeaders(req);
      const host = hostParts(req.headers['host']);
      if (host.website) {
        // Website readers are anonymous: the owner account's block (IgnorePublicAcls, RestrictPublicBuckets) applies.
        const owner = s3World(ctx.emulator).buckets.get(host.label!)?.accountId;
        if (owner) await fetchAccountBlocks(ctx, [owner]);
        return serveWebsite(req, host.label!, ctx, requestIdHeaders(ctx));
      }
      if (req.method === 'OPTIONS') {
        const { bucket, key } = target(req, model);
        const found = s3World(ctx.emulator).buckets.get(bucket);
        const headers = preflight(found, req.headers, key === undefined ? 'BUCKET' : 'OBJECT');
        return { status: 200, headers: { ...headers, ...requestIdHeaders(ctx), 'content-length': '0' }, body: '' };
      }
      if (req.method === 'POST') {
        const { bucket, key } = target(req, model);
        if (key === undefined && isPostUpload(req)) return postUpload(req, bucket, ctx, requestIdHeaders(ctx));
        // An unsigned bucket POST with no sub-resource is a browser upload, whatever its body.
        if (key === undefined && bucket && req.query.size === 0 && req.headers['authorization'] === undefined) throw S3Errors.preconditionFailed('Bucket POST must be of the enclosure-type multipart/form-data');
      }
      return undefined;
    },

    /**
     * Directory buckets addressed path-style: the SDKs append the request path to `/<bucket>/`, giving
     * `/<bucket>//<key>`. Requests signed for S3 Object Lambda: see object-lambda.ts.
     */
    normalizePath(path: string, req: RawRequest): string {
      const express = DIRECTORY_BUCKET_PATH.exec(path);
      return express ? `/${express[1]}/${path.slice(express[0].length)}` : objectLambdaPath(path, req);
    },

    streamsRequest(req: RawRequest): boolean {
      return isPostUpload(req) && target(req, model).key === undefined;
    },

    decorate(req: RawRequest, response: RawResponse, ctx: RequestContext): void {
      if (response.status === 200 && NO_CONTENT.has(ctx.operation)) response.status = 204;
      if (response.status === 200) response.status = answerStatus.get(ctx) ?? 200;
      if (req.headers['origin'] === undefined) return;
      const bucket = s3World(ctx.emulator).buckets.get(target(req, model).bucket);
      if (!bucket?.configs.has('cors')) return;
      Object.assign(response.headers, actualRequestCors(bucket, req.method, req.headers) ?? {});
    },
  };
}
