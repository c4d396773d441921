import assert from 'node:assert/strict';
import { awsInvokeUrl } from '../../verifier/replay/plain-url.ts';

describe("plain HTTP interactions to a deployed API (an emulator's execute-api URL replayed on AWS)", () => {
  const onAws = (url: string) => awsInvokeUrl(new URL(url), 'eu-west-1')?.toString();

  it("makes the API's host name its invoke URL, keeping the stage, path and query", () => {
    assert.equal(onAws('http://abc123.execute-api.localhost.localstack.cloud/dev/pets/1?q=a%20b'), 'https://abc123.execute-api.eu-west-1.amazonaws.com/dev/pets/1?q=a%20b');
    assert.equal(onAws('http://abc123.execute-api.localhost.localstack.cloud:4566/dev'), 'https://abc123.execute-api.eu-west-1.amazonaws.com/dev');
  });

  it('makes the path-style form /restapis/<id>/<stage>/_user_request_/<path> the invoke URL', () => {
    assert.equal(onAws('http://localhost.localstack.cloud/restapis/abc123/dev/_user_request_/pets?x=1'), 'https://abc123.execute-api.eu-west-1.amazonaws.com/dev/pets?x=1');
    assert.equal(onAws('http://localhost.localstack.cloud/restapis/abc123/dev/_user_request_'), 'https://abc123.execute-api.eu-west-1.amazonaws.com/dev/');
  });

  it('leaves other URLs where they point', () => {
    assert.equal(onAws('http://bucket.s3.localhost.localstack.cloud/key'), undefined);
    assert.equal(onAws('http://localhost.localstack.cloud/restapis/abc123/stages'), undefined);
  });
});
