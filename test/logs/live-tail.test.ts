import assert from 'node:assert/strict';
import { CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand, StartLiveTailCommand } from '@aws-sdk/client-cloudwatch-logs';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

// StartLiveTail's event stream as the CloudWatch Logs API reference describes it: sessionStart, then sessionUpdate
// events carrying the ingested events that match. The SDK sends it to the `stream-` host prefix, which a local
// endpoint cannot resolve: the client disables host prefixes, as with any local endpoint.
describe('CloudWatch Logs live tail (SDK v3 event stream)', function () {
  this.timeout(30_000);
  let aws: Twinstack;
  let logs: CloudWatchLogsClient;

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['logs'] });
    logs = new CloudWatchLogsClient({ endpoint: aws.endpoint, region: 'us-east-1', disableHostPrefix: true, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    await logs.send(new CreateLogGroupCommand({ logGroupName: 'tailed' }));
    for (const logStreamName of ['web-1', 'worker']) await logs.send(new CreateLogStreamCommand({ logGroupName: 'tailed', logStreamName }));
  });
  after(async () => {
    logs.destroy();
    await aws.stop();
  });

  it('streams the matching events the group ingests after the session starts', async () => {
    const abort = new AbortController();
    const out = await logs.send(
      new StartLiveTailCommand({ logGroupIdentifiers: ['tailed'], logStreamNamePrefixes: ['web'], logEventFilterPattern: 'ERROR' }),
      { abortSignal: abort.signal },
    );
    const iterator = out.responseStream![Symbol.asyncIterator]();
    const first = (await iterator.next()).value;
    assert.deepEqual(Object.keys(first), ['sessionStart']);
    assert.deepEqual([first.sessionStart.logGroupIdentifiers, first.sessionStart.logStreamNamePrefixes, first.sessionStart.logEventFilterPattern], [['tailed'], ['web'], 'ERROR']);
    const now = aws.emulator.clock.now();
    await logs.send(new PutLogEventsCommand({ logGroupName: 'tailed', logStreamName: 'worker', logEvents: [{ timestamp: now, message: 'ERROR elsewhere' }] }));
    await logs.send(new PutLogEventsCommand({ logGroupName: 'tailed', logStreamName: 'web-1', logEvents: [{ timestamp: now, message: 'INFO fine' }, { timestamp: now, message: 'ERROR broken' }] }));
    const update = (await iterator.next()).value;
    assert.equal(update.sessionUpdate.sessionMetadata.sampled, false);
    assert.deepEqual(
      update.sessionUpdate.sessionResults.map((e: { logStreamName: string; logGroupIdentifier: string; message: string }) => [e.logStreamName, e.logGroupIdentifier, e.message]),
      [['web-1', 'tailed', 'ERROR broken']],
    );
    abort.abort();
  });

  it('refuses bad sessions before streaming', async () => {
    await assert.rejects(logs.send(new StartLiveTailCommand({ logGroupIdentifiers: ['missing'] })), { name: 'ResourceNotFoundException', message: 'The specified log group does not exist.' });
    await assert.rejects(logs.send(new StartLiveTailCommand({ logGroupIdentifiers: ['tailed'], logStreamNames: ['a'], logStreamNamePrefixes: ['b'] })), {
      name: 'InvalidParameterException',
    });
  });
});
