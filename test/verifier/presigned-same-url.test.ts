import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContractFile } from '../../verifier/contract/types.ts';
import { validateContract } from '../../verifier/contract/validate.ts';
import { presignedRequest } from '../../verifier/replay/presign.ts';

const CONTRACTS = join(import.meta.dirname, '..', '..', 'contracts');
const read = (id: string) => JSON.parse(readFileSync(join(CONTRACTS, `${id}.json`), 'utf8')) as ContractFile;
const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

describe('a presigned URL sent again (PresignedUrl.sameUrl)', () => {
  it('signs the second request at the first one’s time, so both carry the same signature', async () => {
    const contract = read('s3/test_put_object_with_md5_and_chunk_signature_bad_headers.s3-True');
    const [, first, again] = contract.interactions;
    assert.equal(again.comments.twinstack.presign?.sameUrl, true);
    const vars = new Map([['suffix', 's']]);
    const signature = async (step: typeof first, now: number) => (await presignedRequest(step, 'http://localhost:4566', 'us-east-1', credentials, vars, now)).url.searchParams.get('Signature');
    const firstSignature = await signature(first, 1_700_000_000_000);
    assert.equal(await signature(again, 1_700_000_002_000), firstSignature);
    // A step without sameUrl signs anew.
    assert.notEqual(await signature(first, 1_700_000_002_000), firstSignature);
  });

  it('refuses a sameUrl that is not true, or comes with signedSecondsAgo', () => {
    const contract = read('s3/test_put_object_with_md5_and_chunk_signature_bad_headers.s3-True');
    const presign = contract.interactions[2].comments.twinstack.presign!;
    Object.assign(presign, { sameUrl: 'yes' });
    assert.match(validateContract(contract).join('\n'), /presign: sameUrl is true or absent/);
    Object.assign(presign, { sameUrl: true, signedSecondsAgo: 5 });
    assert.match(validateContract(contract).join('\n'), /presign: sameUrl is true or absent/);
  });
});
