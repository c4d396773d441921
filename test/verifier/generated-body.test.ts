import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import type { ContractFile } from '../../verifier/contract/types.ts';
import { validateContract } from '../../verifier/contract/validate.ts';
import { prepareRequest } from '../../verifier/replay/request.ts';
import { runScenario } from '../../verifier/replay/run.ts';

const CONTRACTS = join(import.meta.dirname, '..', '..', 'contracts');
const read = (id: string) => JSON.parse(readFileSync(join(CONTRACTS, `${id}.json`), 'utf8')) as ContractFile;
const vars = new Map([['suffix', 's'], ['uploadId', 'u']]);

describe('request bodies made at replay time (RepeatedText generators) and stored base64', function () {
  this.timeout(120_000);

  it('stores a 5 MiB part as an empty body with its generator, and makes it again for the replay', () => {
    const contract = read('s3/test_list_parts_via_object_attrs_pagination');
    const upload = contract.interactions[2];
    assert.equal(upload.comments.twinstack.operation, 'UploadPart');
    assert.deepEqual(upload.request.body, { content: '', contentType: 'application/octet-stream', encoded: false });
    assert.deepEqual(upload.request.generators, { body: { $: { type: 'RepeatedText', text: 'a', bytes: 5_242_881 } } });
    const body = prepareRequest(upload, 'http://localhost:4566', vars).body as Buffer;
    assert.equal(body.length, 5_242_881);
    assert.equal(body.toString('latin1'), 'a'.repeat(5_242_881));
    // The checksum header botocore computed at porting time is the generated body's.
    assert.equal(upload.request.headers?.['x-amz-checksum-sha256']?.[0], createHash('sha256').update(body).digest('base64'));
  });

  it('sends a base64-stored body as its bytes', () => {
    const put = read('s3/test_s3_upload_download_gzip').interactions[1];
    assert.equal(put.request.body?.encoded, 'base64');
    const body = prepareRequest(put, 'http://localhost:4566', vars).body as Buffer;
    assert.equal(createHash('md5').update(body).digest('hex'), '5287ceabf01e3e9c080606b5a5b9bf70');
  });

  it('rejects a generated body that is not the whole, empty stored body', () => {
    const contract = read('s3/test_list_parts_via_object_attrs_pagination');
    const [, , first, second] = contract.interactions;
    first.request.generators = { body: { '$.Body': { type: 'RepeatedText', text: 'a', bytes: 3 } } };
    second.request.body = { content: 'abc', contentType: 'application/octet-stream', encoded: false };
    const third = contract.interactions[4];
    third.request.generators = { body: { $: { type: 'RepeatedText', text: '', bytes: 1e12 } } };
    const problems = validateContract(contract).join('\n');
    assert.match(problems, /interactions\[2\]\.request\.generators\.body\['\$\.Body'\]: names no value of the request body/);
    assert.match(problems, /interactions\[3\]\.request\.generators\.body\['\$'\]: a generated body stands alone over an empty stored body/);
    assert.match(problems, /interactions\[4\]\.request\.generators\.body\['\$'\]: text must be a non-empty string/);
  });

  it('stores a 1 MiB message body as an empty value with its generator, and puts the text there for the replay', () => {
    const json = read('sqs/test_send_message_batch_with_oversized_contents.sqs').interactions[1];
    assert.deepEqual(json.request.generators, { body: { '$.Entries[0].MessageBody': { type: 'RepeatedText', text: 'a', bytes: 1_048_568 } } });
    const sent = JSON.parse(prepareRequest(json, 'http://localhost:4566', new Map([['queueUrl', 'q']])).body as string) as { Entries: { MessageBody: string }[] };
    assert.deepEqual(sent.Entries.map((entry) => entry.MessageBody.length), [1_048_568, 1]);
    assert.equal(sent.Entries[0].MessageBody, 'a'.repeat(1_048_568));

    const query = read('sqs/test_send_oversized_message.sqs_query').interactions[1];
    assert.equal(new URLSearchParams(query.request.body!.content as string).get('MessageBody'), '');
    const form = new URLSearchParams(prepareRequest(query, 'http://localhost:4566', new Map([['queueUrl', 'q']])).body as string);
    assert.equal(form.get('MessageBody'), 'a'.repeat(1_048_569));
    assert.equal(form.get('MessageAttribute.1.Value.StringValue'), 'x');
  });

  it('rejects a generated value the body does not hold', () => {
    const contract = read('sqs/test_send_oversized_message.sqs');
    contract.interactions[1].request.generators = { body: { '$.Missing': { type: 'RepeatedText', text: 'a', bytes: 3 } } };
    assert.match(validateContract(contract).join('\n'), /interactions\[1\]\.request\.generators\.body\['\$\.Missing'\]: names no value of the request body/);
  });

  describe('replayed against twinstack', () => {
    let twinstack: Twinstack;
    before(async () => {
      twinstack = await startTwinstack({ port: 0, services: ['s3'] });
    });
    after(() => twinstack.stop());

    it('uploads the generated parts and judges every recorded response', async () => {
      const target = { endpoint: twinstack.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
      const results = await runScenario(read('s3/test_list_parts_via_object_attrs_pagination'), target);
      assert.deepEqual(results.flatMap((r) => r.mismatches), []);
      assert.equal(results.filter((r) => r.scoring).length, 5);
    });
  });
});
