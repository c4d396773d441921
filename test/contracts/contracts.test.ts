import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { contractFiles } from '../../verifier/contract/load.ts';
import { scanForSecrets } from '../../verifier/contract/secrets.ts';
import { validateContract } from '../../verifier/contract/validate.ts';

const CONTRACTS = join(import.meta.dirname, '..', '..', 'contracts');

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? allFiles(path) : [path];
  });
}

describe('contract corpus', () => {
  const files = contractFiles(CONTRACTS);

  it('has contracts for SQS (both protocols) and STS', () => {
    assert.ok(files.some((f) => f.endsWith('.sqs.json')));
    assert.ok(files.some((f) => f.endsWith('.sqs_query.json')));
    assert.ok(files.some((f) => f.includes('/sts/')));
  });

  it('every contract follows the format', () => {
    for (const file of files) {
      const problems = validateContract(JSON.parse(readFileSync(file, 'utf8')));
      assert.deepEqual(problems, [], `${file}:\n${problems.join('\n')}`);
    }
  });

  it('every contract names an AWS source, never the emulator, and keeps the Apache-2.0 attribution', () => {
    for (const file of files) {
      const { provenance } = JSON.parse(readFileSync(file, 'utf8')).metadata.twinstack;
      assert.ok(['aws-recording', 'aws-validated-snapshot', 'aws-docs-example'].includes(provenance.kind), file);
      if (provenance.kind === 'aws-validated-snapshot') assert.match(provenance.source.attribution, /Apache License 2\.0/);
    }
  });

  it('holds no credentials (access key ids, secret keys, session tokens)', () => {
    for (const file of allFiles(CONTRACTS)) assert.deepEqual(scanForSecrets(readFileSync(file, 'utf8')), [], file);
  });
});

describe('contract validator and secret scanner', () => {
  it('rejects a broken contract with paths', () => {
    const problems = validateContract({
      consumer: { name: 'c' },
      provider: { name: 'p' },
      interactions: [{ type: 'Synchronous/HTTP', description: 'x', request: { method: 'POST', path: '/', body: { content: {}, contentType: 'application/x-amz-json-1.0', encoded: false } }, response: { status: 200 }, comments: { twinstack: { step: 1, service: 'sqs', operation: 'X', protocol: 'soap', scoring: true, expect: {} } } }],
      metadata: { pactSpecification: { version: '4.0' }, twinstack: { formatVersion: 1, id: 'x', service: 'sqs', protocol: 'json', provenance: { kind: 'emulator' } } },
    });
    for (const expected of ['id', 'provenance.kind', 'request.body.contentType', 'step', 'protocol', 'expect.status']) {
      assert.ok(problems.some((p) => p.includes(expected)), `expected a problem about ${expected}: ${problems.join('; ')}`);
    }
  });

  it('finds access keys, nearby secrets and session tokens, and ignores test credentials', () => {
    const key = ['AKIA', 'IOSFODNN7EXAMPLE'].join('');
    const secret = ['wJalrXUtnFEMI', '/K7MDENG/bPxRfiCYEXAMPLEKEY'].join('');
    const token = `IQoJb3JpZ2luX2Vj${'A1b2'.repeat(40)}`;
    const kinds = scanForSecrets(`{"AccessKeyId": "${key}",\n "SecretAccessKey": "${secret}",\n "SessionToken": "${token}"}`).map((f) => f.kind);
    assert.ok(kinds.includes('access-key-id') && kinds.includes('secret-access-key') && kinds.includes('session-token'), kinds.join());
    assert.deepEqual(scanForSecrets('{"AccessKeyId": "{{access-key-id:1}}", "aws_access_key_id": "test", "MD5": "78e731027d8fd50ed642340b7c9a63b3"}'), []);
  });
});
