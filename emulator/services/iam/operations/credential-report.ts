import { AwsError } from '../../../core/errors.ts';
import { buildArn } from '../../../core/arn.ts';
import type { IamContext } from '../entities.ts';
import type { AccessKey, IamState, User } from '../state.ts';

/** IAM regenerates a report at most every four hours; an older one has expired. */
const REPORT_LIFETIME_MS = 4 * 3600_000;

/** The columns of IAM's credential report, in its order (Getting credential reports, IAM User Guide). */
const COLUMNS = [
  'user',
  'arn',
  'user_creation_time',
  'password_enabled',
  'password_last_used',
  'password_last_changed',
  'password_next_rotation',
  'mfa_active',
  ...[1, 2].flatMap((n) => ['active', 'last_rotated', 'last_used_date', 'last_used_region', 'last_used_service'].map((c) => `access_key_${n}_${c}`)),
  ...[1, 2].flatMap((n) => [`cert_${n}_active`, `cert_${n}_last_rotated`]),
];

/** ISO 8601 with an explicit offset, as the report writes times. */
const time = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, '+00:00');

function keyColumns(key: AccessKey | undefined): string[] {
  if (!key) return ['false', 'N/A', 'N/A', 'N/A', 'N/A'];
  const used = key.lastUsed;
  return [String(key.status === 'Active'), time(key.createDate), used ? time(used.date) : 'N/A', used?.region ?? 'N/A', used?.service ?? 'N/A'];
}

function userRow(state: IamState, user: User): string[] {
  const profile = user.loginProfile;
  const maxAge = state.passwordPolicy?.MaxPasswordAge;
  const keys = [...state.accessKeys.values()].filter((k) => k.userName.toLowerCase() === user.name.toLowerCase());
  const certificates = [...user.signingCertificates.values()];
  return [
    user.name,
    user.arn,
    time(user.createDate),
    String(Boolean(profile)),
    profile ? 'no_information' : 'N/A',
    profile ? time(profile.createDate) : 'N/A',
    profile && maxAge ? time(new Date(profile.createDate.getTime() + maxAge * 86400_000)) : 'N/A',
    String(user.mfaDevices.size > 0),
    ...keyColumns(keys[0]),
    ...keyColumns(keys[1]),
    ...[0, 1].flatMap((i) => (certificates[i] ? [String(certificates[i].status === 'Active'), time(certificates[i].uploadDate)] : ['false', 'N/A'])),
  ];
}

/** The account root's row: its password and keys are not modelled, so they read as absent. */
function rootRow(ctx: IamContext, created: Date): string[] {
  const arn = buildArn({ service: 'iam', region: '', accountId: ctx.state.accountId, resource: 'root', partitionRegion: ctx.region });
  return ['<root_account>', arn, time(created), 'not_supported', 'no_information', 'not_supported', 'not_supported', 'false', ...keyColumns(undefined), ...keyColumns(undefined), 'false', 'N/A', 'false', 'N/A'];
}

function buildReport(ctx: IamContext): string {
  const users = [...ctx.state.users.values()].sort((a, b) => a.createDate.getTime() - b.createDate.getTime());
  const created = users[0]?.createDate ?? ctx.emulator.clock.date();
  return [COLUMNS, rootRow(ctx, created), ...users.map((u) => userRow(ctx.state, u))].map((row) => row.join(',')).join('\n');
}

/** The report is built at once: the first call says it started, later ones (within its lifetime) that it is complete. */
export function generateCredentialReport(_input: object, ctx: IamContext) {
  const now = ctx.emulator.clock.now();
  const current = ctx.state.credentialReport;
  if (current && now - current.generatedAt.getTime() < REPORT_LIFETIME_MS) return { State: 'COMPLETE' };
  ctx.state.credentialReport = { generatedAt: ctx.emulator.clock.date(), csv: buildReport(ctx) };
  return { State: 'STARTED', Description: 'No report exists. Starting a new report generation task' };
}

export function getCredentialReport(_input: object, ctx: IamContext) {
  const report = ctx.state.credentialReport;
  if (!report) throw new AwsError('CredentialReportNotPresentException', 'Credential report not present. Use GenerateCredentialReport to generate a report.', { status: 410 });
  if (ctx.emulator.clock.now() - report.generatedAt.getTime() >= REPORT_LIFETIME_MS) {
    throw new AwsError('CredentialReportExpiredException', 'Credential report has expired. Use GenerateCredentialReport to generate a new report.', { status: 410 });
  }
  return { Content: Buffer.from(report.csv), ReportFormat: 'text/csv', GeneratedTime: report.generatedAt };
}
