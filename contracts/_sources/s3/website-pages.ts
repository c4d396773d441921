// LocalStack's AWS-validated S3 website endpoint tests (TestS3StaticWebsiteHosting in tests/aws/services/s3/test_s3.py,
// github.com/localstack/localstack, Apache-2.0): plain HTTP requests to the bucket's website endpoint. Expected pages
// come only from the recorded snapshots.
import type { SourceScenario, SourceStep } from '../../../verifier/port/source-types.ts';
import { BUCKET, createBucket, onBucket } from './common.ts';

/**
 * A GET of the bucket's website endpoint (AWS: `<bucket>.s3-website-us-east-1.amazonaws.com`; an emulator's name as
 * LocalStack's tests give it), its HTML page and status judged.
 */
const page = (bucket: string, path: string, snapshot: string, status: number): SourceStep => ({
  op: 'WebsiteGet',
  params: {},
  http: { url: websiteUrl(bucket), method: 'GET', path },
  snapshot,
  answer: (text: string) => ({ status, body: text }),
});
const websiteUrl = (bucket: string) => `http://${bucket}.s3-website.localhost.localstack.cloud`;
/**
 * A request to the website endpoint whose answer the test asserted in code only (its status), not recorded: replayed
 * unscored, its status still checked. With `snapshot`: the page the test recorded as `{content: <text>}`, scored.
 */
const request = (method: string, path: string, status: number, body?: string, snapshot?: string): SourceStep => ({
  op: `Website${method[0]}${method.slice(1).toLowerCase()}`,
  params: {},
  http: { url: websiteUrl(BUCKET), method, path, ...(body !== undefined ? { body } : {}) },
  status,
  ...(snapshot ? { snapshot, answer: (recorded: { content: string }) => ({ status, body: recorded.content }) } : {}),
});
const putPage = (Key: string, Body: string): SourceStep => onBucket('PutObject', undefined, { Key, Body, ContentType: 'text/html', ACL: 'public-read' });

/** The tests' set-up: a public-read bucket (the module's allow_bucket_acl fixture first). */
const PUBLIC_BUCKET: SourceStep[] = [createBucket(), onBucket('DeleteBucketOwnershipControls'), onBucket('DeletePublicAccessBlock'), onBucket('PutBucketAcl', undefined, { ACL: 'public-read' })];
const website = (WebsiteConfiguration: Record<string, unknown>): SourceStep => onBucket('PutBucketWebsite', undefined, { WebsiteConfiguration });

export const websitePageScenarios: SourceScenario[] = [
  {
    test: 'TestS3StaticWebsiteHosting::test_website_hosting_http_methods',
    steps: [
      ...PUBLIC_BUCKET,
      website({ IndexDocument: { Suffix: 'index.html' } }),
      request('POST', '/', 405, 'test', 'not-allowed-post'),
      request('DELETE', '/', 405, undefined, 'not-allowed-delete'),
      website({ IndexDocument: { Suffix: 'index.html' }, ErrorDocument: { Key: 'error.html' } }),
      putPage('error.html', 'error'),
      // A 405 is not one of the 4xx errors the error document replaces.
      request('POST', '/', 405, 'test'),
    ],
  },
  {
    test: 'TestS3StaticWebsiteHosting::test_website_hosting_index_lookup',
    steps: [
      ...PUBLIC_BUCKET,
      website({ IndexDocument: { Suffix: 'index.html' } }),
      putPage('index.html', 'index'),
      request('GET', '/', 200),
      putPage('directory/index.html', 'index'),
      request('GET', '/directory', 302),
      request('GET', '/directory/', 200),
      page(BUCKET, '/directory-wrong', '404-no-trailing-slash', 404),
      page(BUCKET, '/directory-wrong/', '404-with-trailing-slash', 404),
    ],
    note: 'the index pages and the redirect to /directory/ were asserted in code only (status, body, Location): replayed unscored with their status',
  },
  {
    test: 'TestS3StaticWebsiteHosting::test_website_hosting_404',
    steps: [
      ...PUBLIC_BUCKET,
      website({ IndexDocument: { Suffix: 'index.html' } }),
      page(BUCKET, '/', '404-no-such-key', 404),
      website({ IndexDocument: { Suffix: 'index.html' }, ErrorDocument: { Key: 'error.html' } }),
      page(BUCKET, '/', '404-no-such-key-nor-custom', 404),
    ],
    note: 'the test’s last GET (the custom error document, asserted in code) recorded nothing and is not replayed',
  },
  {
    test: 'TestS3StaticWebsiteHosting::test_website_hosting_no_such_website',
    steps: [
      ...PUBLIC_BUCKET,
      page('non-existent-bucket-{{suffix}}', '/', 'no-such-bucket', 404),
      page(BUCKET, '/', 'no-such-website-config', 404),
      page(BUCKET, '/actual/key.html', 'no-such-website-config-key', 404),
    ],
  },
];
