import assert from 'node:assert/strict';
import { CreateBucketCommand, ListBucketsCommand, PutBucketAclCommand, PutObjectAclCommand, PutObjectCommand, type AccessControlPolicy } from '@aws-sdk/client-s3';
import { bucketName, failure, s3Fixture } from './support.ts';

const LOG_DELIVERY = 'http://acs.amazonaws.com/groups/s3/LogDelivery';

describe('S3 ACL validation before ownership enforcement (as AWS orders it)', function () {
  this.timeout(30_000);
  const fixture = s3Fixture();
  let bucket: string;
  let ownerId: string;
  before(async () => {
    bucket = bucketName('acl');
    await fixture.s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await fixture.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'k', Body: 'x' }));
    ownerId = (await fixture.s3.send(new ListBucketsCommand({}))).Owner!.ID!;
  });
  const putAcl = (extra: object) => fixture.s3.send(new PutBucketAclCommand({ Bucket: bucket, ...extra }));

  it('names the grant header and the grantee part AWS could not read', async () => {
    const format = await failure(putAcl({ GrantWrite: 'fakekey="1234"' }));
    assert.deepEqual([format.name, format.message, format.raw.ArgumentName, format.raw.ArgumentValue], ['InvalidArgument', 'Argument format not recognized', 'x-amz-grant-write', 'fakekey="1234"']);
    const id = await failure(fixture.s3.send(new PutObjectAclCommand({ Bucket: bucket, Key: 'k', GrantRead: 'id="wrong-id"' })));
    assert.deepEqual([id.message, id.raw.ArgumentName, id.raw.ArgumentValue], ['Invalid id', 'id', 'wrong-id']);
  });

  it('checks an AccessControlPolicy’s schema, then its ids and group URIs', async () => {
    const grant = (Grantee: object, Permission = 'FULL_CONTROL') => ({ Grantee, Permission });
    const policy = (Grants: object[], Owner: object | null = { ID: ownerId }) => ({ AccessControlPolicy: { ...(Owner ? { Owner } : {}), Grants } as AccessControlPolicy });
    const noOwner = await failure(putAcl(policy([grant({ Type: 'Group', URI: LOG_DELIVERY }, 'WRITE')], null)));
    assert.deepEqual([noOwner.name, noOwner.status], ['MalformedACLError', 400]);
    assert.equal((await failure(putAcl(policy([grant({ Type: 'Group', URI: LOG_DELIVERY }, 'WRONG')])))).name, 'MalformedACLError');
    const owner = await failure(putAcl(policy([grant({ Type: 'Group', URI: LOG_DELIVERY })], { ID: 'wrong-id' })));
    assert.deepEqual([owner.message, owner.raw.ArgumentName], ['Invalid id', 'CanonicalUser/ID']);
    const uri = await failure(putAcl(policy([grant({ Type: 'Group', URI: `${LOG_DELIVERY}x` })])));
    assert.deepEqual([uri.message, uri.raw.ArgumentName], ['Invalid group uri', 'Group/URI']);
    // A valid document that grants others still meets the bucket's enforced ownership (the owner's own grant passes).
    await putAcl(policy([grant({ Type: 'CanonicalUser', ID: ownerId })]));
    const valid = await failure(putAcl(policy([grant({ Type: 'Group', URI: LOG_DELIVERY }, 'WRITE')])));
    assert.equal(valid.name, 'AccessControlListNotSupported');
  });

  it('wants exactly one way of giving the ACL', async () => {
    const none = await failure(putAcl({}));
    assert.deepEqual([none.name, none.message, none.raw.MissingHeaderName], ['MissingSecurityHeader', 'Your request was missing a required header', 'x-amz-acl']);
    const both = await failure(putAcl({ ACL: 'private', AccessControlPolicy: { Owner: { ID: ownerId }, Grants: [] } }));
    assert.deepEqual([both.name, both.message], ['UnexpectedContent', 'This request does not support content']);
    const headers = await failure(putAcl({ ACL: 'private', GrantRead: `uri="${LOG_DELIVERY}"` }));
    assert.equal(headers.message, 'Specifying both Canned ACLs and Header Grants is not allowed');
  });
});
