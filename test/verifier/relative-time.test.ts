import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import type { ContractFile, ContractInteraction } from '../../verifier/contract/types.ts';
import { validateContract } from '../../verifier/contract/validate.ts';
import { relativeTimeGenerators, withExampleTimes } from '../../verifier/port/relative-times.ts';
import { now, nowMillis } from '../../verifier/port/source-types.ts';
import { expressionFor, offsetOf } from '../../verifier/replay/relative-time.ts';
import { prepareRequest } from '../../verifier/replay/request.ts';
import { runScenario, twinstackClockOf } from '../../verifier/replay/run.ts';

const CONTRACTS = join(import.meta.dirname, '..', '..', 'contracts');
const read = (id: string) => JSON.parse(readFileSync(join(CONTRACTS, `${id}.json`), 'utf8')) as ContractFile;

describe('request times relative to the replay (Pact DateTime generators)', function () {
  this.timeout(60_000);

  it('reads and writes the Pact date expressions it uses', () => {
    assert.equal(offsetOf('now'), 0);
    assert.equal(offsetOf('now - 1 minute'), -60_000);
    assert.equal(offsetOf('now + 2 hours'), 7_200_000);
    assert.equal(offsetOf('now + 1 fortnight'), undefined);
    assert.deepEqual([0, -60, 90, 3600, -86400].map(expressionFor), ['now', 'now - 1 minute', 'now + 90 seconds', 'now + 1 hour', 'now - 1 day']);
  });

  it('ports now(offset) as an example time and finds it again in both wire forms', () => {
    const base = Date.parse('2025-09-19T17:40:30Z');
    const { params, examples } = withExampleTimes({ StartTime: now(-60), MetricData: [{ Timestamp: now() }] }, base);
    assert.deepEqual(params, { StartTime: '2025-09-19T17:39:30.000Z', MetricData: [{ Timestamp: '2025-09-19T17:40:30.000Z' }] });
    const json = relativeTimeGenerators(JSON.stringify({ StartTime: base / 1000 - 60, MetricData: [{ Timestamp: base / 1000 }], Period: 60 }), 'json', examples);
    assert.deepEqual(json, {
      '$.StartTime': { type: 'DateTime', expression: 'now - 1 minute', format: 'epoch-seconds' },
      '$.MetricData[0].Timestamp': { type: 'DateTime', expression: 'now', format: 'epoch-seconds' },
    });
    const form = relativeTimeGenerators('Action=X&StartTime=2025-09-19T17%3A39%3A30Z&MetricData.member.1.Timestamp=2025-09-19T17%3A40%3A30Z', 'query', examples);
    assert.deepEqual(Object.keys(form!), ["$['StartTime']", "$['MetricData.member.1.Timestamp']"]);
    assert.throws(() => relativeTimeGenerators('{"Period": 60}', 'json', examples), /not found/);
    const millis = withExampleTimes({ logEvents: [{ timestamp: nowMillis(-30 * 86_400) }] }, base);
    assert.deepEqual(millis.params, { logEvents: [{ timestamp: base - 30 * 86_400_000 }] });
    assert.deepEqual(relativeTimeGenerators(JSON.stringify(millis.params), 'json', millis.examples), {
      '$.logEvents[0].timestamp': { type: 'DateTime', expression: 'now - 30 days', format: 'epoch-milliseconds' },
    });
  });

  it('replaces the examples with the scenario\'s now in JSON and form bodies', () => {
    const put = read('cloudwatch/test_put_metric_data_values_list.json').interactions[0];
    const at = Date.parse('2030-01-01T00:00:00Z');
    const json = JSON.parse(String(prepareRequest(put, 'http://localhost:4566', new Map([['suffix', 's']]), at).body));
    assert.equal(json.MetricData[0].Timestamp, at / 1000);
    assert.equal(json.Namespace, 'test/s');
    const get = read('cloudwatch/test_put_metric_data_values_list.query').interactions[1];
    const form = new URLSearchParams(String(prepareRequest(get, 'http://localhost:4566', new Map([['suffix', 's']]), at).body));
    assert.equal(form.get('StartTime'), '2029-12-31T23:59:00.000Z');
    assert.equal(form.get('EndTime'), '2030-01-01T00:01:00.000Z');
  });

  it('rejects generators the verifier cannot fill in', () => {
    const contract = read('cloudwatch/test_put_metric_data_values_list.json');
    const request = contract.interactions[1].request as ContractInteraction['request'];
    request.generators = { body: { '$.StartTime': { type: 'DateTime', expression: 'next monday', format: 'epoch-seconds' }, '$.Missing': { type: 'DateTime', expression: 'now', format: 'epoch-seconds' } } };
    const problems = validateContract(contract);
    assert.ok(problems.some((p) => p.includes("generators.body['$.StartTime']: unsupported expression 'next monday'")), problems.join('\n'));
    assert.ok(problems.some((p) => p.includes("generators.body['$.Missing']: names no value of the request body")), problems.join('\n'));
  });

  describe('against a twinstack whose clock is not the verifier\'s', () => {
    let twinstack: Twinstack;
    before(async () => {
      twinstack = await startTwinstack({ port: 0, services: ['cloudwatch'] });
      // Three days back: times taken from the verifier's clock would be in the emulator's future and rejected.
      const res = await fetch(`${twinstack.endpoint}/_twinstack/clock`, { method: 'POST', body: JSON.stringify({ set: Date.now() - 3 * 86_400_000 }) });
      assert.equal(res.status, 200);
    });
    after(() => twinstack.stop());

    it('takes the scenario\'s now from the target\'s clock', async () => {
      const target = { endpoint: twinstack.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, ...(await twinstackClockOf(twinstack.endpoint)) };
      for (const id of ['cloudwatch/test_get_metric_data_for_multiple_metrics.json', 'cloudwatch/test_put_metric_data_values_list.query']) {
        const results = await runScenario(read(id), target);
        assert.deepEqual(results.filter((r) => !r.passed).map((r) => r.mismatches), [], id);
      }
      const { readClock, ...withoutReader } = target;
      assert.ok(readClock);
      const failed = (await runScenario(read('cloudwatch/test_put_metric_data_values_list.query'), withoutReader)).filter((r) => !r.passed);
      assert.match(JSON.stringify(failed[0].mismatches), /two hours in the future/);
    });
  });
});
