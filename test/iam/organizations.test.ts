import assert from 'node:assert/strict';
import {
  DisableOrganizationsRootCredentialsManagementCommand,
  DisableOrganizationsRootSessionsCommand,
  EnableOrganizationsRootCredentialsManagementCommand,
  EnableOrganizationsRootSessionsCommand,
  GenerateOrganizationsAccessReportCommand,
  GetOrganizationsAccessReportCommand,
  IAMClient,
  ListOrganizationsFeaturesCommand,
} from '@aws-sdk/client-iam';
import { expectError } from '../support/aws-error.ts';
import { useTwinstack } from '../support/twinstack.ts';

// twinstack has no Organizations: every account is one that never joined an organization. The root access
// operations answer OrganizationNotFoundException with its description from the IAM API reference; the access report
// job fails (the model gives GenerateOrganizationsAccessReport no organization error), worded by twinstack.
describe('IAM operations that need AWS Organizations, for an account outside any organization', function () {
  this.timeout(20_000);
  const context = useTwinstack({ services: ['iam'], accessKeyId: '123456789012' }, { iam: (settings) => new IAMClient(settings) });

  it('centralized root access: OrganizationNotFoundException for listing, enabling and disabling features', async () => {
    for (const command of [
      new ListOrganizationsFeaturesCommand({}),
      new EnableOrganizationsRootCredentialsManagementCommand({}),
      new DisableOrganizationsRootCredentialsManagementCommand({}),
      new EnableOrganizationsRootSessionsCommand({}),
      new DisableOrganizationsRootSessionsCommand({}),
    ]) {
      await assert.rejects(
        context.iam.send(command as ListOrganizationsFeaturesCommand),
        expectError('OrganizationNotFoundException', 400, 'The request was rejected because no organization is associated with your account.'),
      );
    }
  });

  it('an Organizations access report job is made and fails; unknown jobs and bad entity paths are refused', async () => {
    const { JobId } = await context.iam.send(new GenerateOrganizationsAccessReportCommand({ EntityPath: 'o-a1b2c3d4e5/r-f6g7h8i9j0example/123456789012' }));
    assert.match(JobId!, /^[0-9a-f-]{36}$/);
    const report = await context.iam.send(new GetOrganizationsAccessReportCommand({ JobId }));
    assert.equal(report.JobStatus, 'FAILED');
    assert.ok(report.JobCreationDate instanceof Date && report.JobCompletionDate instanceof Date);
    assert.equal(report.ErrorDetails?.Code, 'OrganizationNotFoundException');
    assert.equal(report.AccessDetails, undefined);
    await assert.rejects(
      context.iam.send(new GetOrganizationsAccessReportCommand({ JobId: '00000000-0000-0000-0000-000000000000' })),
      expectError('NoSuchEntityException', 404),
    );
    await assert.rejects(context.iam.send(new GenerateOrganizationsAccessReportCommand({ EntityPath: 'not-a-path-at-all-123' })), expectError('ValidationError', 400));
  });
});
