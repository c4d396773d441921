import type {
  DeleteDashboardsInput,
  GetDashboardInput,
  GetDashboardOutput,
  ListDashboardsInput,
  ListDashboardsOutput,
  PutDashboardInput,
  PutDashboardOutput,
} from '@aws-sdk/client-cloudwatch';
import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import { invalidValue } from '../errors.ts';
import type { CloudWatchState } from '../state.ts';

type Ctx = RequestContext<CloudWatchState>;

const NAME = /^[A-Za-z0-9_-]+$/;

function checkName(name: string): void {
  if (!NAME.test(name)) {
    throw invalidValue('The value for field DashboardName contains invalid characters. It can only contain alphanumerics, dash (-) and underscore (_).\n');
  }
}

export function putDashboard(input: PutDashboardInput, ctx: Ctx): PutDashboardOutput {
  checkName(input.DashboardName!);
  let body: unknown;
  try {
    body = JSON.parse(input.DashboardBody!);
  } catch {
    body = undefined;
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new AwsError('DashboardInvalidInputError', 'The field DashboardBody must be a valid JSON object', {
      fields: { dashboardValidationMessages: [{ DataPath: '', Message: 'The field DashboardBody must be a valid JSON object' }] },
    });
  }
  ctx.state.dashboards.set(input.DashboardName!, { name: input.DashboardName!, body: input.DashboardBody!, lastModified: ctx.emulator.clock.now() });
  return { DashboardValidationMessages: [] };
}

export function getDashboard(input: GetDashboardInput, ctx: Ctx): GetDashboardOutput {
  const dashboard = ctx.state.dashboards.get(input.DashboardName!);
  if (!dashboard) throw new AwsError('DashboardNotFoundError', `Dashboard ${input.DashboardName} does not exist`);
  return { DashboardArn: ctx.state.dashboardArn(dashboard.name), DashboardBody: dashboard.body, DashboardName: dashboard.name };
}

export function listDashboards(input: ListDashboardsInput, ctx: Ctx): ListDashboardsOutput {
  const entries = [...ctx.state.dashboards.values()]
    .filter((d) => !input.DashboardNamePrefix || d.name.startsWith(input.DashboardNamePrefix))
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((d) => ({ DashboardName: d.name, DashboardArn: ctx.state.dashboardArn(d.name), LastModified: new Date(d.lastModified), Size: Buffer.byteLength(d.body) }));
  return { DashboardEntries: entries };
}

export function deleteDashboards(input: DeleteDashboardsInput, ctx: Ctx): object {
  const missing = input.DashboardNames!.filter((n) => !ctx.state.dashboards.has(n));
  if (missing.length) throw new AwsError('DashboardNotFoundError', `Dashboards ${missing.join(', ')} do not exist`);
  for (const name of input.DashboardNames!) ctx.state.dashboards.delete(name);
  return {};
}
