import { randomUUID } from 'node:crypto';
import type {
  GenerateServiceLastAccessedDetailsCommandInput,
  GetServiceLastAccessedDetailsCommandInput,
  GetServiceLastAccessedDetailsWithEntitiesCommandInput,
} from '@aws-sdk/client-iam';
import { parseArn } from '../../../core/arn.ts';
import { parseCached, type Policy } from '../../../core/policy/index.ts';
import { defaultDocument, requireGroup, requirePolicy, requireRole, requireUser, type IamContext } from '../entities.ts';
import { IamErrors } from '../errors.ts';
import { reportServices } from '../last-accessed.ts';
import { paginate } from '../paging.ts';
import type { AccessReport, IamState, PolicyHolder, ReportedService, Role, User } from '../state.ts';

/** Services whose actions IAM tracks one by one in ACTION_LEVEL reports (of those twinstack serves: IAM and Lambda). */
const TRACKED_SERVICES = new Set(['iam', 'lambda']);

interface Scope {
  holders: PolicyHolder[];
  policies: Policy[];
  entities: string[];
}

/** Who a report covers, by the ARN it was asked for: a user, a group's members, a role, or a managed policy's holders. */
function scopeOf(state: IamState, arn: string): Scope {
  const parsed = parseArn(arn);
  if (!parsed || parsed.service !== 'iam') throw IamErrors.invalidArn();
  const slash = parsed.resource.indexOf('/');
  const kind = parsed.resource.slice(0, slash);
  const name = parsed.resource.slice(parsed.resource.lastIndexOf('/') + 1);
  if (parsed.accountId !== state.accountId && kind !== 'policy') throw IamErrors.noSuchEntity(`The ${kind} with name ${name} cannot be found.`);
  if (kind === 'user') {
    const user = requireUser(state, name);
    return { holders: [user, ...[...user.groups].map((g) => state.groups.get(g)!)], policies: [], entities: [user.arn] };
  }
  if (kind === 'group') {
    const group = requireGroup(state, name);
    return { holders: [group], policies: [], entities: [...group.members].map((m) => state.users.get(m)!.arn) };
  }
  if (kind === 'role') {
    const role = requireRole(state, name);
    return { holders: [role], policies: [], entities: [role.arn] };
  }
  if (kind === 'policy') {
    const policy = requirePolicy(state, arn);
    const holdsIt = (holder: PolicyHolder) => holder.attached.has(policy.arn);
    const users = [...state.users.values()].filter((u) => holdsIt(u) || [...u.groups].some((g) => holdsIt(state.groups.get(g)!)));
    const roles = [...state.roles.values()].filter(holdsIt);
    return { holders: [], policies: [parseCached(defaultDocument(policy))], entities: [...users, ...roles].map((e) => e.arn) };
  }
  throw IamErrors.invalidInput(`ARN ${arn} is not valid.`);
}

/** Gathers the report at once (AWS runs a job; here it is complete by the time its id is returned). */
export function generateServiceLastAccessedDetails(input: GenerateServiceLastAccessedDetailsCommandInput, ctx: IamContext) {
  const scope = scopeOf(ctx.state, input.Arn!);
  const jobId = randomUUID();
  ctx.state.accessReports.set(jobId, {
    arn: input.Arn!,
    granularity: input.Granularity ?? 'SERVICE_LEVEL',
    createdAt: ctx.emulator.clock.date(),
    services: reportServices(ctx.state, scope.holders, scope.policies, scope.entities),
  });
  return { JobId: jobId };
}

function requireReport(state: IamState, jobId: string): AccessReport {
  const report = state.accessReports.get(jobId);
  if (!report) throw IamErrors.noSuchEntity(`No service last accessed report job with JobId ${jobId} exists.`);
  return report;
}

function lastAttempt(service: ReportedService) {
  let latest: ReportedService['entities'][number] | undefined;
  for (const entity of service.entities) if (entity.access && (!latest || entity.access.date > latest.access!.date)) latest = entity;
  return latest;
}

function trackedActions(service: ReportedService) {
  const actions = new Map<string, { entity: string; date: Date; region: string }>();
  for (const { arn, access } of service.entities) {
    for (const [action, at] of access?.actions ?? []) {
      const known = actions.get(action);
      if (!known || at.date > known.date) actions.set(action, { entity: arn, ...at });
    }
  }
  return [...actions]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([action, at]) => ({ ActionName: action.slice(action.indexOf(':') + 1), LastAccessedEntity: at.entity, LastAccessedTime: at.date, LastAccessedRegion: at.region }));
}

export function getServiceLastAccessedDetails(input: GetServiceLastAccessedDetailsCommandInput, ctx: IamContext) {
  const report = requireReport(ctx.state, input.JobId!);
  const page = paginate(report.services, input);
  return {
    JobStatus: 'COMPLETED',
    JobType: report.granularity,
    JobCreationDate: report.createdAt,
    JobCompletionDate: report.createdAt,
    ServicesLastAccessed: page.items.map((service) => {
      const latest = lastAttempt(service);
      return {
        ServiceName: service.name,
        ServiceNamespace: service.namespace,
        LastAuthenticated: latest?.access!.date,
        LastAuthenticatedEntity: latest?.arn,
        LastAuthenticatedRegion: latest?.access!.region,
        TotalAuthenticatedEntities: service.entities.filter((e) => e.access).length,
        TrackedActionsLastAccessed: report.granularity === 'ACTION_LEVEL' && TRACKED_SERVICES.has(service.namespace) ? trackedActions(service) : undefined,
      };
    }),
    IsTruncated: page.IsTruncated,
    Marker: page.Marker,
  };
}

function entityInfo(state: IamState, arn: string) {
  const name = arn.slice(arn.lastIndexOf('/') + 1).toLowerCase();
  const entity: User | Role | undefined = arn.includes(':user/') ? state.users.get(name) : state.roles.get(name);
  return { Arn: arn, Name: entity?.name ?? name, Type: arn.includes(':user/') ? 'USER' : 'ROLE', Id: entity?.id ?? '', Path: entity?.path ?? '/' };
}

export function getServiceLastAccessedDetailsWithEntities(input: GetServiceLastAccessedDetailsWithEntitiesCommandInput, ctx: IamContext) {
  const report = requireReport(ctx.state, input.JobId!);
  const service = report.services.find((s) => s.namespace === input.ServiceNamespace);
  const entities = [...(service?.entities ?? [])].sort((a, b) => (b.access?.date.getTime() ?? 0) - (a.access?.date.getTime() ?? 0));
  const page = paginate(entities, input);
  return {
    JobStatus: 'COMPLETED',
    JobCreationDate: report.createdAt,
    JobCompletionDate: report.createdAt,
    EntityDetailsList: page.items.map((e) => ({ EntityInfo: entityInfo(ctx.state, e.arn), LastAuthenticated: e.access?.date })),
    IsTruncated: page.IsTruncated,
    Marker: page.Marker,
  };
}
