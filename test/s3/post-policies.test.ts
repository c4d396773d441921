import assert from 'node:assert/strict';
import type { Twinstack } from '../../emulator/index.ts';
import { runBoto3Script } from '../support/boto3.ts';
import { startS3 } from './support.ts';

type Answer = { status: number; Code?: string; Message?: string; [element: string]: unknown };

describe('S3 browser POST forms from boto3 generate_presigned_post', function () {
  this.timeout(120_000);
  let aws: Twinstack;
  let o: Record<string, Answer> & { tags: unknown; keys: string[]; 'untyped-type': string; 'untyped-expires': string; 'typed-type': string };
  before(async () => {
    aws = await startS3();
    o = await runBoto3Script(new URL('./post-policies.py', import.meta.url), aws.endpoint, { timeout: 100_000 });
  });
  after(() => aws.stop());

  it('needs every signing field of the version a form uses, and a signature over the policy it carries', () => {
    const missing = (name: string) => ({ status: 400, Code: 'InvalidArgument', Message: `Bucket POST must contain a field named '${name}'.  If it is specified, please check the order of the fields.`, ArgumentName: name, ArgumentValue: '' });
    assert.deepEqual(pick(o['v4-no-signature'], ['status', 'Code', 'Message', 'ArgumentName', 'ArgumentValue']), missing('X-Amz-Signature'));
    assert.deepEqual(pick(o['v4-no-algorithm'], ['status', 'Code', 'Message', 'ArgumentName', 'ArgumentValue']), missing('X-Amz-Algorithm'));
    assert.deepEqual(pick(o['v2-no-key-id'], ['status', 'Code', 'Message', 'ArgumentName', 'ArgumentValue']), missing('AWSAccessKeyId'));
    assert.deepEqual(pick(o['unsigned-policy'], ['status', 'Code', 'Message']), { status: 403, Code: 'AccessDenied', Message: 'Access Denied' });
    const cut = o['v4-cut-policy'];
    assert.deepEqual(pick(cut, ['status', 'Code', 'AWSAccessKeyId']), { status: 403, Code: 'SignatureDoesNotMatch', AWSAccessKeyId: 'test' });
    assert.equal(typeof cut.StringToSign, 'string');
    assert.match(String(cut.StringToSignBytes), /^[0-9a-f]{2}( [0-9a-f]{2})*$/);
    assert.equal(o['v2-signed'].status, 204);
  });

  it('answers a content-length-range miss with EntityTooLarge or EntityTooSmall, and a range of no numbers as a failed condition', () => {
    assert.deepEqual(pick(o['too-big'], ['status', 'Code', 'ProposedSize', 'MaxSizeAllowed']), { status: 400, Code: 'EntityTooLarge', ProposedSize: '12', MaxSizeAllowed: '10' });
    assert.deepEqual(pick(o['too-small'], ['status', 'Code', 'ProposedSize', 'MinSizeAllowed']), { status: 400, Code: 'EntityTooSmall', ProposedSize: '1', MinSizeAllowed: '5' });
    assert.deepEqual(pick(o['range-not-numbers'], ['status', 'Code', 'Message']), {
      status: 403,
      Code: 'AccessDenied',
      Message: 'Invalid according to Policy: Policy Condition failed: ["content-length-range", "test", "10"]',
    });
  });

  it('reads the tagging field as a Tagging document, and keeps form fields S3 stores as headers', () => {
    assert.equal(o.tagged.status, 204);
    assert.deepEqual(o.tags, [
      { Key: 'a', Value: '1' },
      { Key: 'b', Value: '2' },
    ]);
    assert.deepEqual(pick(o['tagging-not-xml'], ['status', 'Code']), { status: 400, Code: 'MalformedXML' });
    assert.equal(o['untyped-expires'], 'Wed, 01 Jan 2099 00:00:00 GMT');
    assert.equal(o['untyped-type'], 'binary/octet-stream');
    assert.equal(o['typed-type'], 'image/png');
  });

  it('refuses a field no policy condition names, except x-ignore- fields', () => {
    assert.deepEqual(pick(o['extra-field'], ['status', 'Code', 'Message']), {
      status: 403,
      Code: 'AccessDenied',
      Message: 'Invalid according to Policy: Extra input fields: x-amz-meta-color',
    });
    assert.equal(o['x-ignore-field'].status, 204);
  });

  it('keeps ${filename} in the key of a file part without a filename, and refuses a bucket POST that is no form', () => {
    assert.equal(o['no-filename'].status, 204);
    assert.ok(o.keys.includes('literal-${filename}'));
    assert.deepEqual(pick(o['wrong-content-type'], ['status', 'Code', 'Condition']), { status: 412, Code: 'PreconditionFailed', Condition: 'Bucket POST must be of the enclosure-type multipart/form-data' });
  });
});

function pick(answer: Answer, names: string[]): Record<string, unknown> {
  return Object.fromEntries(names.map((name) => [name, answer[name]]));
}
