import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pythonCommand } from '../../../emulator/core/platform.ts';
import { snapshotRoot } from '../../../verifier/port/snapshot-root.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));

export interface SnapshotEntry {
  'recorded-date': string;
  'recorded-content': Record<string, unknown>;
}

export interface Job {
  id: string;
  scenario: string;
  protocol: 'json' | 'query';
  params: unknown[];
}

export type JobResult = { recorded: Record<string, unknown>; replacements: Record<string, string> } | { error: string };

export function loadSnapshot(file: string): Record<string, SnapshotEntry> {
  return JSON.parse(readFileSync(join(snapshotRoot(), 'sqs', file), 'utf8')) as Record<string, SnapshotEntry>;
}

/** Scenario names scenarios.py implements. */
function implementedScenarios(): Set<string> {
  const source = readFileSync(`${HERE}/scenarios.py`, 'utf8');
  return new Set([...source.matchAll(/^def (test_\w+)\(c[,)]/gm)].map((m) => m[1]));
}

/**
 * The job for a snapshot test id such as `...::test_x[sqs_query-True]`: the protocol comes from the `sqs` /
 * `sqs_query` variant (JSON when the test has none), the rest of the brackets are the test's parameters.
 */
export function jobFor(id: string): Job | undefined {
  const match = /::(test_\w+)(?:\[(.*)\])?$/.exec(id);
  if (!match || !implementedScenarios().has(match[1])) return undefined;
  let protocol: Job['protocol'] = 'json';
  let rest = match[2];
  const variant = rest !== undefined ? /^(sqs_query|sqs)(?:-(.*))?$/s.exec(rest) : null;
  if (variant) {
    protocol = variant[1] === 'sqs_query' ? 'query' : 'json';
    rest = variant[2];
  }
  const params = rest === undefined ? [] : [rest === 'True' ? true : rest === 'False' ? false : rest];
  return { id, scenario: match[1], protocol, params };
}

function runChunk(endpoint: string, jobs: Job[]): Promise<Record<string, JobResult>> {
  return new Promise((resolve, reject) => {
    const child = spawn(pythonCommand(), ['scenarios.py', endpoint], { cwd: HERE, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`scenarios.py exited with ${code}: ${stderr}`));
      else resolve(JSON.parse(stdout) as Record<string, JobResult>);
    });
    child.stdin.end(JSON.stringify(jobs));
  });
}

/** Runs the jobs in a few parallel Python processes (most of their time is spent waiting on visibility timeouts). */
export async function runScenarios(endpoint: string, jobs: Job[], processes = 3): Promise<Record<string, JobResult>> {
  const chunks: Job[][] = Array.from({ length: processes }, () => []);
  jobs.forEach((job, i) => chunks[i % processes].push(job));
  const results = await Promise.all(chunks.filter((c) => c.length).map((chunk) => runChunk(endpoint, chunk)));
  return Object.assign({}, ...results) as Record<string, JobResult>;
}
