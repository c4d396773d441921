import assert from 'node:assert/strict';
import { isReservedTagKey } from '../../emulator/core/tags.ts';

// Users cannot set `aws:` tag keys in any case; CloudFormation's engine sets its own `aws:cloudformation:*` keys
// through the same APIs, its calls marked with `calledVia` as IAM's aws:CalledVia would list them.
describe('Reserved tag keys (emulator/core/tags.ts)', () => {
  const user = { accountId: '000000000000', arn: 'arn:aws:iam::000000000000:root' };
  const engine = { ...user, calledVia: ['cloudformation.amazonaws.com'] };

  it('refuses aws: keys in any case from a user, and allows others', () => {
    for (const key of ['aws:cloudformation:stack-name', 'AWS:foo', 'Aws:Bar', 'aws:']) assert.equal(isReservedTagKey(key, user), true, key);
    for (const key of ['awsfoo', 'team', 'x:aws:y']) assert.equal(isReservedTagKey(key, user), false, key);
  });

  it("lets CloudFormation's engine set aws:cloudformation:* keys, and nothing else under aws:", () => {
    for (const key of ['aws:cloudformation:stack-name', 'aws:cloudformation:stack-id', 'aws:cloudformation:logical-id']) assert.equal(isReservedTagKey(key, engine), false, key);
    for (const key of ['aws:other', 'AWS:CloudFormation:stack-name', 'aws:cloudformationx']) assert.equal(isReservedTagKey(key, engine), true, key);
    assert.equal(isReservedTagKey('aws:cloudformation:stack-name', { ...user, calledVia: ['lambda.amazonaws.com'] }), true);
  });
});
