import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadContracts } from './contract/load.ts';
import type { ContractFile } from './contract/types.ts';
import { comparePeers, comparisonMarkdown, type PeerComparison } from './peers/compare.ts';
import { writeIssueDrafts } from './peers/drafts.ts';
import { aggregate, type Introspection, type ParityReport } from './report/aggregate.ts';
import { compareWithBaseline, toBaseline, type Baseline, type BaselineComparison } from './report/baseline.ts';
import { toConsole, toMarkdown } from './report/text.ts';
import { appendHistory, readHistory, writeReports } from './report/write.ts';
import { readExercised } from './report/exercised.ts';
import { twinstackClockOf, type InteractionResult, type Target } from './replay/run.ts';
import { startEmbedded } from './replay/embedded.ts';
import { verifyContracts, type VerifyRun } from './replay/verify.ts';

const ROOT = resolve(import.meta.dirname, '..');
const DEFAULT_REPORTS = join(ROOT, 'reports');

export const VERIFY_HELP = `twinstack verify — replay the contract corpus against an endpoint and score parity

  --target URL          endpoint to verify (default: an embedded twinstack on a free port); repeat as
                        --target NAME=URL for several targets side by side (\`twinstack\` alone names the embedded
                        emulator): one report per target in <report>/targets/<NAME>/ and the comparison in <report>/peers.md
  --issue-drafts DIR    write an upstream issue draft (Markdown) per interaction a --target URL fails, in DIR/<NAME>/
  --service a,b         only these services          --operation Op1,Op2   only these operations
  --contracts DIR       contract folder (default contracts/)
  --report DIR          where parity.json/.md/.html and junit.xml go (default reports/ for the whole corpus against
                        the embedded emulator, which also appends reports/history.jsonl; reports/partial/ otherwise)
  --shard i/n           run the i-th of n shards (merge with \`twinstack report --merge\`)
  --baseline [FILE]     fail on regressions against FILE (default reports/baseline.json; on by default for the
                        whole-corpus run)
  --no-baseline         do not compare        --update-baseline   write this run as the new baseline
  --region R            signing region (default us-east-1)
  --access-key K --secret-key S   credentials to sign with (default test/test)
  --concurrency N       scenarios replayed at once (default 16)
  --no-history          do not append to reports/history.jsonl`;

/** `--baseline` takes an optional value, which parseArgs cannot express: normalise it first. */
function normaliseBaselineFlag(args: string[]): string[] {
  const out = [...args];
  const i = out.indexOf('--baseline');
  if (i >= 0 && (i === out.length - 1 || out[i + 1].startsWith('--'))) out.splice(i + 1, 0, join(DEFAULT_REPORTS, 'baseline.json'));
  return out;
}

function list(value: string | undefined): string[] | undefined {
  return value ? value.split(',').map((s) => s.trim()).filter(Boolean) : undefined;
}

async function introspect(endpoint: string): Promise<Introspection | undefined> {
  try {
    // Listing every operation loads every service's model: seconds on a busy machine.
    const res = await fetch(new URL('/_twinstack/operations', endpoint), { signal: AbortSignal.timeout(60_000) });
    return res.ok ? ((await res.json()) as Introspection) : undefined;
  } catch {
    return undefined;
  }
}

function progress(total: number): (results: InteractionResult[], done: number) => void {
  const tty = process.stdout.isTTY;
  return (results, done) => {
    const failed = results.filter((r) => r.scoring && !r.passed).length;
    if (tty) {
      const width = 30;
      const filled = Math.round((done / total) * width);
      process.stdout.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} scenarios`);
      if (done === total) process.stdout.write('\n');
    } else {
      console.log(`${done}/${total} ${results[0]?.scenario ?? ''} ${failed ? `${failed} failing` : 'ok'}`);
    }
  };
}

function finish(report: ParityReport, reportDir: string, options: { baseline?: string; updateBaseline?: boolean; history?: string }): number {
  let comparison: BaselineComparison | undefined;
  if (options.baseline && existsSync(options.baseline)) {
    comparison = compareWithBaseline(report, JSON.parse(readFileSync(options.baseline, 'utf8')) as Baseline);
  }
  const history = options.history ? [...readHistory(options.history)] : [];
  if (options.history) {
    appendHistory(options.history, report);
    history.push({ generatedAt: report.generatedAt, parity: report.totals.parity, passed: report.totals.passed, scoring: report.totals.scoring });
  }
  const peersFile = join(DEFAULT_REPORTS, 'peers', 'peers.json');
  const peers = existsSync(peersFile) ? (JSON.parse(readFileSync(peersFile, 'utf8')) as PeerComparison) : undefined;
  const files = writeReports(report, reportDir, history, comparison, peers);
  // GitHub Actions shows this Markdown on the run's summary page.
  if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, toMarkdown(report, comparison));
  console.log(toConsole(report));
  console.log(`reports: ${files.join(', ')}`);
  if (options.updateBaseline) {
    const file = options.baseline ?? join(DEFAULT_REPORTS, 'baseline.json');
    writeFileSync(file, `${JSON.stringify(toBaseline(report), null, 1)}\n`);
    console.log(`baseline written: ${file}`);
    return 0;
  }
  if (!comparison) return 0;
  console.log(`baseline: ${comparison.regressions.length} regressions, ${comparison.improvements.length} improvements, ${comparison.missing} not replayed`);
  for (const r of comparison.regressions) console.log(`  REGRESSION ${r}`);
  for (const i of comparison.improvements) console.log(`  improved   ${i}`);
  return comparison.regressions.length ? 1 : 0;
}

/** `--target URL`, `--target NAME=URL`, or `--target twinstack` (the embedded emulator, named). */
export function parseTargets(values: string[] | undefined): { name: string; url?: string }[] {
  if (!values?.length) return [{ name: 'twinstack' }];
  return values.map((value) => {
    const eq = value.indexOf('=');
    const [name, url] = eq > 0 && !value.slice(0, eq).includes('/') ? [value.slice(0, eq), value.slice(eq + 1)] : [undefined, value];
    if (!/^https?:\/\//.test(url)) return { name: name ?? url };
    return { name: name ?? new URL(url).host, url };
  });
}

async function runTarget(
  spec: { name: string; url?: string },
  contracts: ContractFile[],
  values: { region: string; 'access-key': string; 'secret-key': string; concurrency: string; service?: string; operation?: string },
  shard: { index: number; count: number } | undefined,
): Promise<ParityReport> {
  let stop: (() => Promise<void>) | undefined;
  let endpoint = spec.url;
  if (!endpoint) {
    const twinstack = await startEmbedded({ accessKeyId: values['access-key'], secretAccessKey: values['secret-key'] });
    endpoint = twinstack.endpoint;
    stop = () => twinstack.stop();
  }
  const introspection = await introspect(endpoint);
  const target: Target = {
    endpoint,
    region: values.region,
    credentials: { accessKeyId: values['access-key'], secretAccessKey: values['secret-key'] },
    ...(await twinstackClockOf(endpoint)),
  };
  try {
    console.log(`verifying ${contracts.length} contracts against ${spec.name} (${endpoint})${shard ? ` (shard ${shard.index}/${shard.count})` : ''}`);
    let total = 0;
    const run = await verifyContracts({
      target,
      contracts,
      service: list(values.service),
      operation: list(values.operation),
      shard,
      concurrency: Number(values.concurrency),
      onResult: (results, done, count) => {
        total = count;
        progress(total)(results, done);
      },
    });
    // A run of some services speaks for those only.
    const only = list(values.service);
    const scoped = only && introspection ? Object.fromEntries(Object.entries(introspection).filter(([name]) => only.includes(name))) : introspection;
    return aggregate(run, scoped, readExercised(join(DEFAULT_REPORTS, 'exercised.json')));
  } finally {
    await stop?.();
  }
}

export async function verifyCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args: normaliseBaselineFlag(args),
    options: {
      target: { type: 'string', multiple: true },
      service: { type: 'string' },
      operation: { type: 'string' },
      contracts: { type: 'string' },
      report: { type: 'string' },
      shard: { type: 'string' },
      baseline: { type: 'string' },
      'no-baseline': { type: 'boolean', default: false },
      'update-baseline': { type: 'boolean', default: false },
      'issue-drafts': { type: 'string' },
      region: { type: 'string', default: process.env.AWS_DEFAULT_REGION ?? 'us-east-1' },
      'access-key': { type: 'string', default: 'test' },
      'secret-key': { type: 'string', default: 'test' },
      concurrency: { type: 'string', default: '16' },
      'no-history': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(VERIFY_HELP);
    return 0;
  }
  let shard: { index: number; count: number } | undefined;
  if (values.shard) {
    const [index, count] = values.shard.split('/').map(Number);
    if (!(count >= 1 && index >= 1 && index <= count)) {
      console.error(`--shard must look like i/n with 1 <= i <= n, got '${values.shard}'`);
      return 2;
    }
    shard = { index, count };
  }
  const contracts = loadContracts(resolve(values.contracts ?? join(ROOT, 'contracts'))).map((c) => c.contract);
  const targets = parseTargets(values.target);
  if (targets.length > 1) return comparePeerTargets(targets, contracts, values, shard);
  const report = await runTarget(targets[0], contracts, values, shard);
  // Only the whole corpus against the embedded emulator is twinstack's scorecard: it alone updates the committed
  // reports and history and is judged against the baseline. Other runs write elsewhere unless told where.
  const isScorecardRun = !targets[0].url && !values.service && !values.operation && !shard && !values.contracts;
  const isDefaultRun = isScorecardRun && !values.report;
  const reportDir = resolve(values.report ?? (isScorecardRun ? DEFAULT_REPORTS : join(DEFAULT_REPORTS, 'partial')));
  const defaultBaseline = join(DEFAULT_REPORTS, 'baseline.json');
  if (values['issue-drafts']) writeDrafts(resolve(values['issue-drafts']), targets[0].name, report, contracts);
  return finish(report, reportDir, {
    baseline: values['no-baseline'] ? undefined : (values.baseline ?? (isDefaultRun ? defaultBaseline : undefined)),
    updateBaseline: values['update-baseline'],
    history: values['no-history'] ? undefined : isDefaultRun ? join(DEFAULT_REPORTS, 'history.jsonl') : values.report ? join(reportDir, 'history.jsonl') : undefined,
  });
}

function writeDrafts(dir: string, peer: string, report: ParityReport, contracts: ContractFile[]): void {
  const byId = new Map(contracts.map((c) => [c.metadata.twinstack.id, c]));
  const count = writeIssueDrafts(dir, peer, report, byId);
  console.log(`upstream issue drafts for ${peer}: ${count} in ${join(dir, peer)}`);
}

/** Several targets: one report each (in `<report>/targets/<name>/`) and a side-by-side comparison (`<report>/peers.*`). */
async function comparePeerTargets(
  targets: { name: string; url?: string }[],
  contracts: ContractFile[],
  values: Parameters<typeof runTarget>[2] & { report?: string; 'issue-drafts'?: string },
  shard: { index: number; count: number } | undefined,
): Promise<number> {
  const reportDir = resolve(values.report ?? join(DEFAULT_REPORTS, 'partial'));
  const reports: { name: string; version?: string; report: ParityReport }[] = [];
  for (const spec of targets) {
    const report = await runTarget(spec, contracts, values, shard);
    writeReports(report, join(reportDir, 'targets', spec.name), []);
    console.log(toConsole(report));
    reports.push({ name: spec.name, version: process.env[`TWINSTACK_PEER_VERSION_${spec.name.toUpperCase().replace(/\W/g, '_')}`], report });
    if (values['issue-drafts'] && spec.url) writeDrafts(resolve(values['issue-drafts']), spec.name, report, contracts);
  }
  const comparison = comparePeers(reports);
  mkdirSync(reportDir, { recursive: true });
  writeFileSync(join(reportDir, 'peers.json'), `${JSON.stringify(comparison, null, 1)}\n`);
  writeFileSync(join(reportDir, 'peers.md'), comparisonMarkdown(comparison));
  console.log(`side by side: ${join(reportDir, 'peers.md')}`);
  return 0;
}

/** `twinstack report --merge <dirs...> [--report DIR] [--baseline FILE]`: combines shard results into one report. */
export async function reportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: normaliseBaselineFlag(args),
    allowPositionals: true,
    options: {
      merge: { type: 'boolean', default: false },
      report: { type: 'string', default: DEFAULT_REPORTS },
      baseline: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || !values.merge || !positionals.length) {
    console.log('twinstack report --merge <shard report dirs...> [--report DIR] [--baseline [FILE]]');
    return values.help ? 0 : 2;
  }
  const parts = positionals.map((dir) => JSON.parse(readFileSync(join(dir, 'parity.json'), 'utf8')) as ParityReport);
  const run: VerifyRun = {
    startedAt: parts.map((p) => p.generatedAt).sort()[0],
    durationMs: Math.max(...parts.map((p) => p.durationMs)),
    target: parts[0].target,
    scenarios: parts.flatMap((p) => p.scenarios.map(({ id, service, protocol, provenance }) => ({ id, service, protocol, provenance }))),
    results: parts.flatMap((p) => p.results),
  };
  const report = aggregate(run, parts.find((p) => p.introspection)?.introspection, readExercised(join(DEFAULT_REPORTS, 'exercised.json')));
  return finish(report, resolve(values.report), { baseline: values.baseline, history: join(resolve(values.report), 'history.jsonl') });
}

/** `twinstack diff OLD NEW`: how AWS's answers changed between two recordings of one scenario. */
export async function diffCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { help: { type: 'boolean', default: false } } });
  if (values.help || positionals.length !== 2) {
    console.log('twinstack diff OLD.json NEW.json   classify how AWS changed between two recordings: breaking, additive or unchanged');
    return values.help ? 0 : 2;
  }
  const [before, after] = positionals.map((f) => JSON.parse(readFileSync(resolve(f), 'utf8')) as ContractFile);
  const { diffContracts, driftText } = await import('./drift/diff.ts');
  const drift = await diffContracts(before, after);
  console.log(driftText(positionals[0], positionals[1], drift));
  return drift.some((d) => d.verdict === 'breaking') ? 1 : 0;
}
