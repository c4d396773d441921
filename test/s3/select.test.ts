import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import {
  CreateBucketCommand,
  PutObjectCommand,
  SelectObjectContentCommand,
  type SelectObjectContentCommandInput,
  type SelectObjectContentEventStream,
} from '@aws-sdk/client-s3';
import { runBoto3Script } from '../support/boto3.ts';
import { bucketName, failure, s3Fixture } from './support.ts';

const CSV = 'name,city,age\nAda,London,36\n"Hopper, Grace",New York,85\nLinus,Helsinki,28\n# a comment line\nMargaret,Boston,\n';
const JSON_LINES = '{"id":1,"tags":["a","b"],"owner":{"name":"ada"}}\n{"id":2,"tags":[],"owner":{"name":"bob"}}\n{"id":3,"owner":null}\n';

describe('S3 SelectObjectContent (S3 Select)', function () {
  this.timeout(60_000);
  const env = s3Fixture();
  const bucket = bucketName('select');

  before(async () => {
    await env.s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await env.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'people.csv', Body: CSV }));
    await env.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'people.csv.gz', Body: gzipSync(CSV) }));
    await env.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'items.jsonl', Body: JSON_LINES }));
    await env.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'doc.json', Body: '{"Rules":[{"id":"r1","on":true},{"id":"r2","on":false}]}' }));
    await env.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'bad.json', Body: '{"a": }' }));
    await env.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'cold.csv', Body: CSV, StorageClass: 'GLACIER' }));
  });

  async function select(input: Partial<SelectObjectContentCommandInput>): Promise<{ records: string; events: string[]; stats?: Record<string, unknown> }> {
    const out = await env.s3.send(
      new SelectObjectContentCommand({
        Bucket: bucket,
        Key: 'people.csv',
        ExpressionType: 'SQL',
        Expression: 'SELECT * FROM S3Object',
        InputSerialization: { CSV: { FileHeaderInfo: 'USE' } },
        OutputSerialization: { CSV: {} },
        ...input,
      } as SelectObjectContentCommandInput),
    );
    let records = '';
    const events: string[] = [];
    let stats: Record<string, unknown> | undefined;
    for await (const event of out.Payload! as AsyncIterable<SelectObjectContentEventStream>) {
      const [name] = Object.keys(event).filter((k) => (event as unknown as Record<string, unknown>)[k] !== undefined);
      events.push(name);
      if (event.Records?.Payload) records += Buffer.from(event.Records.Payload).toString();
      if (event.Stats?.Details) stats = { ...event.Stats.Details };
    }
    return { records, events, stats };
  }

  it('filters and projects CSV with the header, quoting as needed, skipping comment lines', async () => {
    const all = await select({});
    assert.equal(all.records, 'Ada,London,36\n"Hopper, Grace",New York,85\nLinus,Helsinki,28\nMargaret,Boston,\n');
    assert.deepEqual(all.events, ['Records', 'Stats', 'End']);
    assert.deepEqual(all.stats, { BytesScanned: CSV.length, BytesProcessed: CSV.length, BytesReturned: all.records.length });

    const some = await select({ Expression: "SELECT s.name, UPPER(s.city) AS town FROM S3Object s WHERE s.age <> '' AND CAST(s.age AS INT) > 30 AND s.name LIKE '%a%'" });
    assert.equal(some.records, 'Ada,LONDON\n"Hopper, Grace",NEW YORK\n');
    const byPosition = await select({ Expression: "SELECT _1 FROM S3Object WHERE _2 IN ('Boston', 'Helsinki') LIMIT 1", InputSerialization: { CSV: { FileHeaderInfo: 'IGNORE' } } });
    assert.equal(byPosition.records, 'Linus\n');
    const nulls = await select({ Expression: "SELECT s.name FROM S3Object s WHERE s.age = ''" });
    assert.equal(nulls.records, 'Margaret\n');
  });

  it('aggregates, writes JSON output and reads GZIP objects', async () => {
    const counted = await select({
      Key: 'people.csv.gz',
      Expression: "SELECT COUNT(*), SUM(CAST(s.age AS INT)) AS total, MAX(CAST(s.age AS INT)) AS oldest FROM S3Object s WHERE s.age <> ''",
      InputSerialization: { CSV: { FileHeaderInfo: 'USE' }, CompressionType: 'GZIP' },
      OutputSerialization: { JSON: {} },
    });
    assert.equal(counted.records, '{"_1":3,"total":149,"oldest":85}\n');
    const named = await select({ Expression: 'SELECT * FROM S3Object s LIMIT 1', OutputSerialization: { JSON: { RecordDelimiter: ';' } } });
    assert.equal(named.records, '{"name":"Ada","city":"London","age":"36"};');
    const quoted = await select({ Expression: 'SELECT s."name" FROM S3Object s LIMIT 1', OutputSerialization: { CSV: { QuoteFields: 'ALWAYS' } } });
    assert.equal(quoted.records, '"Ada"\n');
  });

  it('queries JSON LINES and DOCUMENT objects by path, with progress events when asked', async () => {
    const lines = await select({
      Key: 'items.jsonl',
      Expression: "SELECT s.id, s.owner.name AS who, s.tags[0] AS first FROM S3Object s WHERE s.owner IS NOT NULL",
      InputSerialization: { JSON: { Type: 'LINES' } },
      OutputSerialization: { JSON: {} },
      RequestProgress: { Enabled: true },
    });
    assert.equal(lines.records, '{"id":1,"who":"ada","first":"a"}\n{"id":2,"who":"bob"}\n');
    assert.deepEqual(lines.events, ['Records', 'Progress', 'Stats', 'End']);
    const doc = await select({
      Key: 'doc.json',
      Expression: 'SELECT r.id FROM S3Object[*].Rules[*] r WHERE r."on" = true',
      InputSerialization: { JSON: { Type: 'DOCUMENT' } },
      OutputSerialization: { CSV: {} },
    });
    assert.equal(doc.records, 'r1\n');
  });

  it("answers AWS's S3 Select errors before any event", async () => {
    const cases: [Partial<SelectObjectContentCommandInput>, string][] = [
      [{ Expression: 'SELECT * FROM' }, 'ParseUnexpectedToken'],
      [{ Expression: 'SELECT s.name S3Object s' }, 'ParseSelectMissingFrom'],
      [{ Expression: 'SELECT CAST(s.name AS INT) FROM S3Object s' }, 'CastFailed'],
      [{ Expression: 'SELECT s._0 FROM S3Object s' }, 'InvalidColumnIndex'],
      [{ Expression: 'SELECT FOO(s._1) FROM S3Object s' }, 'UnsupportedFunction'],
      [{ ExpressionType: 'XPATH' as never }, 'InvalidExpressionType'],
      [{ InputSerialization: { CSV: {}, JSON: { Type: 'LINES' } } }, 'ObjectSerializationConflict'],
      [{ InputSerialization: { CSV: { FileHeaderInfo: 'MAYBE' as never } } }, 'InvalidFileHeaderInfo'],
      [{ Key: 'people.csv', InputSerialization: { CSV: {}, CompressionType: 'GZIP' } }, 'TruncatedInput'],
      [{ Key: 'bad.json', InputSerialization: { JSON: { Type: 'DOCUMENT' } }, Expression: 'SELECT * FROM S3Object', OutputSerialization: { JSON: {} } }, 'JSONParsingError'],
      [{ Key: 'cold.csv' }, 'UnsupportedStorageClass'],
      [{ Key: 'missing.csv' }, 'NoSuchKey'],
    ];
    for (const [input, code] of cases) {
      const error = await failure(select(input)).catch(() => assert.fail(`no error for ${JSON.stringify(input)}`));
      assert.equal(error.name, code, JSON.stringify(input));
      assert.equal(error.status, code === 'NoSuchKey' ? 404 : 400);
    }
    const parse = await failure(select({ Expression: 'SELECT * FROM' }));
    assert.equal(parse.message, 'The SQL expression contains an unexpected token.');
  });

  it('serves the AWS CLI: s3api select-object-content writes the records to a file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'select-'));
    const out = join(dir, 'out.csv');
    const awsEnv = { ...process.env, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_DEFAULT_REGION: 'us-east-1' };
    const args = ['--endpoint-url', env.aws.endpoint, 's3api', 'select-object-content', '--bucket', bucket, '--key', 'people.csv', '--expression-type', 'SQL'];
    args.push('--expression', "SELECT s.name FROM S3Object s WHERE s.city LIKE 'L%'", '--input-serialization', '{"CSV":{"FileHeaderInfo":"USE"}}', '--output-serialization', '{"CSV":{}}', out);
    await promisify(execFile)('aws', args, { env: awsEnv });
    assert.equal(await readFile(out, 'utf8'), 'Ada\n');
    await rm(dir, { recursive: true });
  });

  it('serves boto3 select_object_content with a scan range over CSV', async () => {
    const out = await runBoto3Script<{ records: string; stats: Record<string, number>; end: boolean }>(new URL('./select-boto3.py', import.meta.url), env.aws.endpoint);
    // Byte 30 is inside Hopper's record, which belongs to the range before: the range's one record starts at byte 56.
    assert.equal(out.records, 'Linus,Helsinki,28\n');
    assert.equal(out.end, true);
    assert.equal(out.stats.BytesReturned, out.records.length);
  });
});
