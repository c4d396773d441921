import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { redactSecrets } from '../contract/secrets.ts';
import type { ContractFile, Provenance } from '../contract/types.ts';
import type { ParityReport } from '../report/aggregate.ts';
import type { InteractionResult } from '../replay/run.ts';

function provenanceText(p: Provenance): string {
  if (p.kind === 'aws-validated-snapshot') {
    return `AWS-validated snapshot from ${p.source.repository}@${p.source.commit} (${p.source.license}), test \`${p.testId}\`, recorded ${p.recordedDate}${p.lastValidated ? `, last validated against AWS ${p.lastValidated}` : ''}`;
  }
  if (p.kind === 'aws-recording') return `recorded against AWS in ${p.region} on ${p.recordedAt} by ${p.recorder}`;
  return `AWS documentation example ${p.url} (retrieved ${p.retrievedAt})`;
}

const fence = (lang: string, text: string) => `\`\`\`${lang}\n${text}\n\`\`\``;
const json = (v: unknown) => JSON.stringify(v, null, 2);

/** The Markdown a maintainer needs to reproduce one difference between their emulator and AWS. */
export function issueDraft(peer: string, result: InteractionResult, contract: ContractFile): string {
  const interaction = contract.interactions.find((i) => i.comments.twinstack.step === result.step);
  const expect = interaction?.comments.twinstack.expect;
  const ex = result.exchange;
  return [
    `# ${result.service} ${result.operation}: response differs from AWS`,
    '',
    `The same request was sent to AWS and to ${peer}; ${peer}'s response differs at ${result.mismatches.length} path(s).`,
    '',
    `- Operation: \`${result.service}.${result.operation}\` (${result.protocol} protocol)`,
    `- Scenario: \`${result.scenario}\`, step ${result.step}: ${result.description}`,
    `- Where AWS's response comes from: ${provenanceText(contract.metadata.twinstack.provenance)}`,
    '',
    '## Differences',
    '',
    '| path | AWS | ' + peer + ' |',
    '|---|---|---|',
    ...result.mismatches.map((m) => `| \`${m.path}\` | \`${JSON.stringify(m.expected)}\` | \`${JSON.stringify(m.actual)}\`${m.reason ? ` (${m.reason})` : ''} |`),
    '',
    '## Request',
    '',
    ex
      ? fence('http', [`${ex.request.method} ${ex.request.url}`, ...Object.entries(ex.request.headers).map(([k, v]) => `${k}: ${v}`), '', ex.request.body ?? ''].join('\n').trim())
      : '(not sent)',
    '',
    '## What AWS returned (as the AWS SDK parses it)',
    '',
    fence('json', json(expect ?? {})),
    '',
    `## What ${peer} returned`,
    '',
    ex?.response ? fence('', `HTTP ${ex.response.status}\n\n${ex.response.body.slice(0, 4000)}`) : '(no response)',
    '',
    'Earlier steps of the scenario set up the resources this request uses; the whole scenario is a Pact V4 file in',
    'twinstack\'s contracts/ folder and replays with `npx twinstack verify --target <url> --service ' + result.service + '`.',
    '',
  ].join('\n');
}

/** Writes one draft per failing scoring interaction of a peer into `dir/<peer>/`; returns how many. */
export function writeIssueDrafts(dir: string, peer: string, report: ParityReport, contracts: Map<string, ContractFile>): number {
  const failing = report.results.filter((r) => r.scoring && !r.passed);
  const out = join(dir, peer);
  // Drafts of differences since fixed must not linger.
  rmSync(out, { recursive: true, force: true });
  if (!failing.length) return 0;
  mkdirSync(out, { recursive: true });
  for (const r of failing) {
    const contract = contracts.get(r.scenario);
    if (!contract) continue;
    // A peer's answers may hold credentials shaped like real ones (moto returns AWS's documentation keys).
    writeFileSync(join(out, `${r.scenario.replace(/[^\w.-]+/g, '_')}-step${r.step}.md`), redactSecrets(issueDraft(peer, r, contract)));
  }
  return failing.length;
}
