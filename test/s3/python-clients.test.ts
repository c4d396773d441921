import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Twinstack } from '../../emulator/index.ts';
import { BOTO3_ENV, runBoto3Script } from '../support/boto3.ts';
import { bucketName, startS3 } from './support.ts';

const run = promisify(execFile);

describe('S3 through boto3 and the AWS CLI', function () {
  this.timeout(120_000);
  let aws: Twinstack;
  before(async () => {
    aws = await startS3();
  });
  after(() => aws.stop());

  it('boto3: managed multipart upload_file/download_file, presigned GET/PUT/POST over plain HTTP, paginators, errors', async () => {
    type ErrorSeen = { code: string; status: number; message: string };
    type Observed = Record<string, unknown> & { keys: string[]; errors: Record<string, ErrorSeen> };
    const o = await runBoto3Script<Observed>(new URL('./boto3-clients.py', import.meta.url), aws.endpoint, { timeout: 100_000 });
    assert.equal(o.location, null);
    assert.equal(o.multipart_etag_parts, '3');
    assert.equal(o.size, 20 * 1024 * 1024 + 17);
    assert.equal(o.download_matches, true);
    assert.equal(o.presigned_get, 'hello');
    assert.equal(o.presigned_put_status, 200);
    assert.equal(o.presigned_put_body, 'uploaded by url');
    assert.equal(o.presigned_post_status, 204);
    assert.equal(o.presigned_post_body, 'posted body');
    assert.deepEqual(o.keys, ['dir/big.bin', 'hello.txt', 'posted/f.txt', 'via-url.txt']);
    assert.deepEqual(o.errors.head_missing, { code: '404', status: 404, message: 'Not Found' });
    assert.deepEqual(o.errors.get_missing, { code: 'NoSuchKey', status: 404, message: 'The specified key does not exist.' });
    assert.deepEqual(o.errors.no_bucket, { code: 'NoSuchBucket', status: 404, message: 'The specified bucket does not exist' });
    assert.equal(o.errors.not_empty.code, 'BucketNotEmpty');
  });

  it('AWS CLI v1: s3 mb, cp, sync, ls, rm --recursive and s3api', async () => {
    const cli = (...args: string[]) => run('python3', ['-m', 'awscli', '--endpoint-url', aws.endpoint, ...args], { env: BOTO3_ENV, timeout: 60_000 });
    const bucket = bucketName('cli');
    const dir = await mkdtemp(join(tmpdir(), 's3-cli-'));
    try {
      assert.match((await cli('s3', 'mb', `s3://${bucket}`)).stdout, new RegExp(`make_bucket: ${bucket}`));
      await mkdir(join(dir, 'src', 'nested'), { recursive: true });
      await writeFile(join(dir, 'src', 'a.txt'), 'alpha');
      await writeFile(join(dir, 'src', 'nested', 'b.txt'), 'beta');
      // sync re-uploads a file newer than the object's LastModified, which S3 gives to the second (as AWS does): files
      // written in the same second as their upload would look newer. Real files predate their sync.
      const past = new Date(Date.now() - 10_000);
      for (const file of [join(dir, 'src', 'a.txt'), join(dir, 'src', 'nested', 'b.txt')]) await utimes(file, past, past);
      await cli('s3', 'sync', join(dir, 'src'), `s3://${bucket}/site`);
      const listed = (await cli('s3', 'ls', `s3://${bucket}/site/`, '--recursive')).stdout;
      assert.match(listed, /site\/a\.txt/);
      assert.match(listed, /site\/nested\/b\.txt/);
      // A second sync finds nothing to copy.
      assert.equal((await cli('s3', 'sync', join(dir, 'src'), `s3://${bucket}/site`)).stdout.trim(), '');
      await cli('s3', 'cp', `s3://${bucket}/site/a.txt`, join(dir, 'copy.txt'));
      await cli('s3', 'sync', `s3://${bucket}/site`, join(dir, 'down'));
      assert.deepEqual((await readdir(join(dir, 'down'))).sort(), ['a.txt', 'nested']);
      const head = JSON.parse((await cli('s3api', 'head-object', '--bucket', bucket, '--key', 'site/a.txt')).stdout);
      assert.equal(head.ContentLength, 5);
      const missing = await cli('s3api', 'get-object', '--bucket', bucket, '--key', 'nope', join(dir, 'x')).catch((e: { stderr: string }) => e);
      assert.match((missing as { stderr: string }).stderr, /NoSuchKey/);
      await cli('s3', 'rm', `s3://${bucket}`, '--recursive');
      assert.equal((await cli('s3', 'ls', `s3://${bucket}`)).stdout.trim(), '');
      await cli('s3', 'rb', `s3://${bucket}`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
