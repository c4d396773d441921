import assert from 'node:assert/strict';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { redact } from './snapshot/redact.ts';
import { jobFor, loadSnapshot, runScenarios, type JobResult } from './snapshot/run-scenarios.ts';

// Expectations: responses AWS returned to the same request sequences (LocalStack's AWS-validated snapshots,
// Apache-2.0, shared/reference/aws-snapshots/sqs), compared after the same redaction.
const snapshot = { ...loadSnapshot('test_sqs.snapshot.json'), ...loadSnapshot('test_sqs_move_task.snapshot.json') };
const jobs = Object.keys(snapshot).flatMap((id) => jobFor(id) ?? []);

/**
 * Error.Detail is left out where the recorded test removed it (LocalStack's `_add_error_detail_transformer`), and
 * NextToken values are opaque (AWS documents no format), so only their presence is compared.
 */
function alignOptionalFields(ours: Record<string, unknown>, recorded: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(recorded)) {
    const page = value as { NextToken?: string } | null;
    const ourPage = ours[key] as { NextToken?: string } | undefined;
    if (page?.NextToken && ourPage?.NextToken) ourPage.NextToken = page.NextToken;
    const error = (value as { Error?: Record<string, unknown> } | null)?.Error;
    const ourError = (ours[key] as { Error?: Record<string, unknown> } | undefined)?.Error;
    if (error && ourError && !('Detail' in error)) delete ourError.Detail;
  }
}

describe('SQS against AWS-recorded snapshots (boto3 over JSON and query)', function () {
  this.timeout(120_000);
  let aws: Twinstack;
  let results: Record<string, JobResult>;

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['sqs'] });
    results = await runScenarios(aws.endpoint, jobs);
  });
  after(() => aws?.stop());

  it(`reproduces at least 40 recorded tests (${jobs.length} selected)`, () => {
    assert.ok(jobs.length >= 40, `only ${jobs.length} snapshot tests have a scenario`);
  });

  for (const job of jobs) {
    it(job.id.split('::').pop()!, () => {
      const result = results[job.id];
      if ('error' in result) assert.fail(result.error);
      const ours = redact(result.recorded, {
        accountId: '000000000000',
        region: 'us-east-1',
        endpoint: aws.endpoint,
        replacements: result.replacements,
      });
      const expected = snapshot[job.id]['recorded-content'];
      alignOptionalFields(ours, expected);
      for (const key of Object.keys(expected)) assert.deepEqual(ours[key], expected[key], `snapshot key ${key}`);
    });
  }
});
