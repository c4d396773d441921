import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { runBoto3Script } from '../support/boto3.ts';
import { loadSnapshot, Redactor } from '../support/snapshot.ts';

const runtimeHash = (runtime: string) => createHash('sha256').update(runtime).digest('hex');

// Reproduces Lambda tests recorded in LocalStack's AWS-validated snapshots (github localstack/localstack, Apache-2.0;
// see shared/reference/aws-snapshots/README.md) with boto3, and compares our responses with the recorded ones after
// the same redaction. The request sequences are in boto3_snapshot.py.
const TESTS: Record<string, { file: string; id: string; keys?: string[]; references?: Record<string, string[]>; keyValues?: Record<string, string> }> = {
  test_function_lifecycle: { file: 'test_lambda_api', id: 'TestLambdaFunction::test_function_lifecycle' },
  test_create_lambda_exceptions: {
    file: 'test_lambda_api',
    id: 'TestLambdaFunction::test_create_lambda_exceptions',
    keys: ['invalid_role_arn_exc', 'invalid_runtime_exc', 'uppercase_runtime_exc', 'multiple_architectures', 'invalid_zip_exc'],
  },
  test_tag_lifecycle: { file: 'test_lambda_api', id: 'TestLambdaTag::test_tag_lifecycle' },
  test_function_concurrency: { file: 'test_lambda_api', id: 'TestLambdaReservedConcurrency::test_function_concurrency' },
  test_add_lambda_permission_aws: {
    file: 'test_lambda_api',
    id: 'TestLambdaPermissions::test_add_lambda_permission_aws',
    keys: ['add_permission', 'get_policy'],
    references: { 'function-name': ['permission-fn'], resource: ['lambda-test-role', runtimeHash('python3.12'), 'permission-bucket'] },
  },
  test_lambda_handler_error: { file: 'test_lambda', id: 'TestLambdaErrors::test_lambda_handler_error' },
  test_lambda_invoke_with_timeout: { file: 'test_lambda', id: 'TestLambdaBehavior::test_lambda_invoke_with_timeout', keys: ['invoke-result'] },
  test_invoke_exceptions: { file: 'test_lambda', id: 'TestLambdaFeatures::test_invoke_exceptions' },
  test_function_code_signing_config: {
    file: 'test_lambda_api',
    id: 'TestCodeSigningConfig::test_function_code_signing_config',
    keyValues: { CodeSigningConfigId: 'resource' },
    references: {},
  },
};

/** The literal words LocalStack's Lambda transformers write in place of values. */
function literalRedactions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(literalRedactions);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => {
        if (k === 'CodeSize') return [k, '<code-size>'];
        if (k === 'LastModified') return [k, 'date'];
        if (k === 'Location') return [k, '<location>'];
        if (k === 'requestId' && v) return [k, '<uuid>'];
        if (k === 'errorMessage' && typeof v === 'string') return [k, v.replace(/^RequestId: [0-9a-f-]{36} /, 'RequestId: <timeout_error_msg> ')];
        if (typeof v === 'string') return [k, v.replaceAll('arn:aws:', 'arn:<partition>:')];
        return [k, literalRedactions(v)];
      }),
    );
  }
  return value;
}

describe('Lambda: AWS-recorded responses reproduced with boto3', function () {
  this.timeout(120_000);
  let aws: Twinstack;
  let results: Record<string, Record<string, unknown>>;
  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['lambda', 'sts'] });
    results = await runBoto3Script(new URL('./boto3_snapshot.py', import.meta.url), aws.endpoint, { timeout: 100_000 });
  });
  after(() => aws.stop());

  for (const [test, { file, id, keys }] of Object.entries(TESTS)) {
    it(`reproduces ${id}`, () => {
      const references = TESTS[test].references ?? { resource: ['lambda-test-role', runtimeHash('python3.12'), runtimeHash('python3.11')] };
      const recorded = loadSnapshot('lambda', `${file}.snapshot.json`)[`tests/aws/services/lambda_/${file}.py::${id}`]['recorded-content'];
      const redactor = new Redactor({
        accountId: '000000000000',
        region: 'us-east-1',
        keyValues: { FunctionName: 'function-name', RevisionId: 'uuid', CodeSha256: 'code-sha256', ...TESTS[test].keyValues },
        references,
      });
      // Responses are redacted in the order the calls were made (placeholder numbers depend on it), then compared.
      const redacted = Object.fromEntries(Object.entries(results[test]).map(([key, value]) => [key, literalRedactions(redactor.redact(value))]));
      for (const key of keys ?? Object.keys(recorded)) {
        const actual = redacted[key];
        const expected = key === 'create_response' ? (recorded[key] as { CreateFunctionResponse: unknown }).CreateFunctionResponse : recorded[key];
        assert.deepEqual(actual, expected, `${key}`);
      }
    });
  }
});
