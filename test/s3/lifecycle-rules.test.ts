import assert from 'node:assert/strict';
import {
  CreateBucketCommand,
  GetBucketLifecycleConfigurationCommand,
  HeadObjectCommand,
  PutBucketLifecycleConfigurationCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  type LifecycleRule,
} from '@aws-sdk/client-s3';
import { bucketName, failure, s3Fixture } from './support.ts';

describe('S3 lifecycle configuration validation and expiry headers (as AWS answers them)', function () {
  this.timeout(30_000);
  const fixture = s3Fixture();
  let bucket: string;
  beforeEach(async () => {
    bucket = bucketName('lc');
    await fixture.s3.send(new CreateBucketCommand({ Bucket: bucket }));
  });
  const putRules = (Rules: LifecycleRule[], extra: object = {}) =>
    fixture.s3.send(new PutBucketLifecycleConfigurationCommand({ Bucket: bucket, LifecycleConfiguration: { Rules }, ...extra }));

  it('refuses rules that break the schema with MalformedXML, before storing anything', async () => {
    const malformed: LifecycleRule[] = [
      { Status: 'Enabled', Expiration: { Days: 7 } } as LifecycleRule,
      { ID: 'r', Status: 'Enabled', Filter: { Prefix: '', ObjectSizeGreaterThan: 500 }, Expiration: { Days: 7 } },
      { ID: 'r', Status: 'Enabled', Filter: {}, Expiration: { Days: 1, ExpiredObjectDeleteMarker: true } },
      { ID: 'r', Status: 'Enabled', Filter: {}, Expiration: { Days: 7 }, NoncurrentVersionExpiration: {} },
    ];
    for (const rule of malformed) {
      const error = await failure(putRules([rule]));
      assert.equal(error.name, 'MalformedXML', JSON.stringify(rule));
      assert.equal(error.status, 400);
      assert.equal(error.message, 'The XML you provided was not well-formed or did not validate against our published schema');
    }
    assert.equal((await failure(fixture.s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: bucket })))).name, 'NoSuchLifecycleConfiguration');
  });

  it('names the argument of a date that is not at midnight GMT, and refuses duplicate tag keys', async () => {
    const late = await failure(putRules([{ ID: 'd', Status: 'Enabled', Filter: {}, Expiration: { Date: new Date('2023-01-01T02:02:00Z') } }]));
    assert.equal(late.name, 'InvalidArgument');
    assert.equal(late.message, "'Date' must be at midnight GMT");
    assert.equal(late.raw.ArgumentName, 'Date');
    const tags = [
      { Key: 'k', Value: 'a' },
      { Key: 'k', Value: 'b' },
    ];
    const duplicate = await failure(putRules([{ ID: 't', Status: 'Enabled', Filter: { And: { Tags: tags } }, Expiration: { Days: 1 } }]));
    assert.deepEqual([duplicate.name, duplicate.message], ['InvalidRequest', 'Duplicate Tag Keys are not allowed.']);
  });

  it('stores and returns TransitionDefaultMinimumObjectSize, refusing unknown values', async () => {
    const rule: LifecycleRule = { ID: 'all', Status: 'Enabled', Filter: { Prefix: '' }, Expiration: { Days: 7 } };
    const varies = await putRules([rule], { TransitionDefaultMinimumObjectSize: 'varies_by_storage_class' });
    assert.equal(varies.TransitionDefaultMinimumObjectSize, 'varies_by_storage_class');
    const got = await fixture.s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: bucket }));
    assert.equal(got.TransitionDefaultMinimumObjectSize, 'varies_by_storage_class');
    assert.equal((await putRules([rule])).TransitionDefaultMinimumObjectSize, 'all_storage_classes_128K');
    const bad = await failure(putRules([rule], { TransitionDefaultMinimumObjectSize: 'value' }));
    assert.deepEqual([bad.name, bad.message], ['InvalidRequest', 'Invalid TransitionDefaultMinimumObjectSize found: value']);
  });

  it('gives the expiry of the current version only when no version is named', async () => {
    await fixture.s3.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }));
    await putRules([{ ID: 'rule2', Status: 'Enabled', Filter: {}, Expiration: { Days: 3 }, NoncurrentVersionExpiration: { NoncurrentDays: 1 } }]);
    const first = await fixture.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'k', Body: 'test' }));
    assert.match(first.Expiration ?? '', /^expiry-date="\w{3}, \d{2} \w{3} \d{4} 00:00:00 GMT", rule-id="rule2"$/);
    const second = await fixture.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'k', Body: 'test' }));
    const noncurrent = await fixture.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'k', VersionId: first.VersionId }));
    assert.equal(noncurrent.Expiration, undefined);
    const named = await fixture.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'k', VersionId: second.VersionId }));
    assert.equal(named.Expiration, undefined);
    const current = await fixture.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'k' }));
    assert.equal(current.VersionId, second.VersionId);
    assert.match(current.Expiration ?? '', /rule-id="rule2"$/);
  });
});
