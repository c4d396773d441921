import assert from 'node:assert/strict';
import { CreateDeliveryStreamCommand, PutRecordBatchCommand } from '@aws-sdk/client-firehose';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { objects, ROLE, startTlsServer, useFirehose } from './support.ts';

// The wire forms come from AWS's Firehose developer guide (OpenSearch Service destination: `_bulk` indexing, index
// rotation, `AmazonOpenSearchService-failed/` backups; Splunk destination: HEC with indexer acknowledgment,
// `splunk-failed/`) and from the OpenSearch `_bulk` and Splunk HEC references; the clusters here are local test servers.
describe('Firehose OpenSearch and Splunk destinations delivered for real', function () {
  this.timeout(60_000);
  const context = useFirehose(['firehose', 's3', 'sts']);
  let server: { base: string; close(): Promise<void> };
  let base: string;
  const bulks: string[] = [];
  const hec: { path: string; headers: Record<string, unknown>; body: string }[] = [];
  let acked = true;

  before(async () => {
    server = await startTlsServer((req, res, raw) => {
      const body = raw.toString();
      const json = (status: number, value: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
      if (req.url === '/_bulk') {
        bulks.push(body);
        // A document with "bad" in it is refused (mapper_parsing_exception), the others indexed.
        const docs = body.trim().split('\n').filter((_, i) => i % 2 === 1);
        const items = docs.map((d) => ({ index: d.includes('bad') ? { status: 400, error: { type: 'mapper_parsing_exception', reason: 'failed to parse' } } : { status: 201, result: 'created' } }));
        return json(200, { took: 1, errors: items.some((i) => i.index.status >= 300), items });
      }
      if (req.url?.startsWith('/services/collector/ack')) return json(200, { acks: Object.fromEntries((JSON.parse(body).acks as number[]).map((id) => [String(id), acked])) });
      if (req.url?.startsWith('/services/collector')) {
        hec.push({ path: req.url, headers: req.headers, body });
        if (req.headers.authorization !== 'Splunk good-token') return json(403, { text: 'Invalid token', code: 4 });
        return json(200, { text: 'Success', code: 0, ackId: hec.length });
      }
      json(404, {});
    });
    base = server.base;
  });
  after(() => server.close());

  const waitFor = async (check: () => boolean) => {
    const deadline = Date.now() + 15_000;
    while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  };

  it('indexes documents through _bulk with rotation and ids; refused ones are retried, then backed up', async () => {
    await context.s3.send(new CreateBucketCommand({ Bucket: 'search-backup' }));
    await context.firehose.send(
      new CreateDeliveryStreamCommand({
        DeliveryStreamName: 'to-search',
        AmazonopensearchserviceDestinationConfiguration: {
          RoleARN: ROLE,
          ClusterEndpoint: base,
          IndexName: 'logs',
          IndexRotationPeriod: 'OneMonth',
          BufferingHints: { IntervalInSeconds: 60, SizeInMBs: 1 },
          RetryOptions: { DurationInSeconds: 2 },
          S3BackupMode: 'FailedDocumentsOnly',
          S3Configuration: { RoleARN: ROLE, BucketARN: 'arn:aws:s3:::search-backup', Prefix: 'os/' },
        },
      }),
    );
    const put = await context.firehose.send(new PutRecordBatchCommand({ DeliveryStreamName: 'to-search', Records: [{ Data: Buffer.from('{"msg":"one"}') }, { Data: Buffer.from('{"msg":"bad"}') }] }));
    await context.aws.advanceClock('60s');
    await waitFor(() => bulks.length >= 1);
    const [first] = bulks;
    const lines = first.trim().split('\n').map((l) => JSON.parse(l));
    const month = new Date(context.aws.clock.now()).toISOString().slice(0, 7);
    assert.deepEqual(lines[0], { index: { _index: `logs-${month}`, _id: put.RequestResponses![0].RecordId } });
    assert.deepEqual(lines[1], { msg: 'one' });
    // The refused document alone is retried (on the emulator clock), then written to the bucket.
    for (let i = 0; i < 4; i++) {
      await new Promise((r) => setTimeout(r, 50));
      await context.aws.advanceClock('1s');
    }
    const [failed] = await objects(context.s3, 'search-backup', 1, 'os/AmazonOpenSearchService-failed/');
    const document = JSON.parse(failed.body.toString());
    assert.equal(document.errorCode, 'mapper_parsing_exception');
    assert.equal(Buffer.from(document.rawData, 'base64').toString(), '{"msg":"bad"}');
    assert.equal(document.esIndexName, `logs-${month}`);
    assert.ok(document.attemptsMade >= 2);
    assert.ok(bulks.slice(1).every((b) => !b.includes('"one"')), 'the indexed document is not sent again');
  });

  it('sends events to Splunk HEC with the token and waits for indexer acknowledgment; failures go to splunk-failed/', async () => {
    await context.s3.send(new CreateBucketCommand({ Bucket: 'splunk-backup' }));
    const splunk = (name: string, token: string, backup: 'FailedEventsOnly' | 'AllEvents') =>
      context.firehose.send(
        new CreateDeliveryStreamCommand({
          DeliveryStreamName: name,
          SplunkDestinationConfiguration: {
            HECEndpoint: base,
            HECEndpointType: 'Event',
            HECToken: token,
            RetryOptions: { DurationInSeconds: 0 },
            S3BackupMode: backup,
            S3Configuration: { RoleARN: ROLE, BucketARN: 'arn:aws:s3:::splunk-backup', Prefix: `${name}/` },
          },
        }),
      );
    await splunk('to-splunk', 'good-token', 'AllEvents');
    await context.firehose.send(new PutRecordBatchCommand({ DeliveryStreamName: 'to-splunk', Records: [{ Data: Buffer.from('{"event":"a"}') }, { Data: Buffer.from('{"event":"b"}') }] }));
    // Splunk's default buffering interval is 60 seconds.
    await context.aws.advanceClock('60s');
    await waitFor(() => hec.length >= 1);
    assert.equal(hec[0].path, '/services/collector/event');
    assert.equal(hec[0].headers.authorization, 'Splunk good-token');
    assert.match(String(hec[0].headers['x-splunk-request-channel']), /^[0-9a-f-]{36}$/);
    assert.equal(hec[0].body, '{"event":"a"}{"event":"b"}');
    // AllEvents: every record is also in the bucket.
    const [copy] = await objects(context.s3, 'splunk-backup', 1, 'to-splunk/');
    assert.equal(copy.body.toString(), '{"event":"a"}{"event":"b"}');

    await splunk('bad-token', 'wrong', 'FailedEventsOnly');
    await context.firehose.send(new PutRecordBatchCommand({ DeliveryStreamName: 'bad-token', Records: [{ Data: Buffer.from('{"event":"x"}') }] }));
    await context.aws.advanceClock('60s');
    const [refused] = await objects(context.s3, 'splunk-backup', 1, 'bad-token/splunk-failed/');
    const document = JSON.parse(refused.body.toString());
    assert.deepEqual([document.errorCode, document.attemptsMade, Buffer.from(document.rawData, 'base64').toString()], ['Splunk.InvalidToken', 1, '{"event":"x"}']);

    // No acknowledgment within HECAcknowledgmentTimeoutInSeconds: Splunk.AckTimeout.
    acked = false;
    await splunk('no-ack', 'good-token', 'FailedEventsOnly');
    await context.firehose.send(new PutRecordBatchCommand({ DeliveryStreamName: 'no-ack', Records: [{ Data: Buffer.from('{"event":"late"}') }] }));
    await context.aws.advanceClock('60s');
    for (let i = 0; i < 20; i++) {
      await new Promise((r) => setTimeout(r, 30));
      await context.aws.advanceClock('10s');
    }
    const [late] = await objects(context.s3, 'splunk-backup', 1, 'no-ack/splunk-failed/');
    assert.equal(JSON.parse(late.body.toString()).errorCode, 'Splunk.AckTimeout');
  });
});
