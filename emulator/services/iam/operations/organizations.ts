import { randomUUID } from 'node:crypto';
import type { GenerateOrganizationsAccessReportCommandInput, GetOrganizationsAccessReportCommandInput } from '@aws-sdk/client-iam';
import { AwsError } from '../../../core/errors.ts';
import type { IamContext } from '../entities.ts';
import { IamErrors } from '../errors.ts';

/*
 * twinstack has no AWS Organizations: every account stands alone, as an AWS account that never joined an
 * organization. The IAM operations that need one answer as the API reference documents for that case.
 */

/**
 * Centralized root access (ListOrganizationsFeatures, Enable/DisableOrganizationsRootCredentialsManagement and
 * RootSessions): OrganizationNotFoundException, "The request was rejected because no organization is associated with
 * your account." (the error's description in the IAM API reference; the model gives it no HTTP status, so 400).
 */
export function organizationNotFound(): never {
  throw new AwsError('OrganizationNotFoundException', 'The request was rejected because no organization is associated with your account.', { status: 400 });
}

/**
 * The report job starts (the entity path is only checked against the model's pattern) and fails: no organization has
 * that entity. The model gives GenerateOrganizationsAccessReport no organization error, so the failure is reported
 * where the API puts a job's failure, in GetOrganizationsAccessReport's ErrorDetails (twinstack's wording).
 */
export function generateOrganizationsAccessReport(input: GenerateOrganizationsAccessReportCommandInput, ctx: IamContext) {
  const jobId = randomUUID();
  (ctx.state.organizationsReports ??= new Map()).set(jobId, { entityPath: input.EntityPath!, createdAt: ctx.emulator.clock.date() });
  return { JobId: jobId };
}

export function getOrganizationsAccessReport(input: GetOrganizationsAccessReportCommandInput, ctx: IamContext) {
  const report = ctx.state.organizationsReports?.get(input.JobId!);
  if (!report) throw IamErrors.noSuchEntity(`No Organizations access report job with JobId ${input.JobId} exists.`);
  const organizationId = report.entityPath.split('/')[0];
  return {
    JobStatus: 'FAILED',
    JobCreationDate: report.createdAt,
    JobCompletionDate: report.createdAt,
    ErrorDetails: { Code: 'OrganizationNotFoundException', Message: `The account ${ctx.state.accountId} is not a member of organization ${organizationId}.` },
  };
}
