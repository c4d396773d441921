import { randomUUID } from 'node:crypto';
import type { DescribeAccountLimitsInput, EstimateTemplateCostInput } from '@aws-sdk/client-cloudformation';
import { page } from './describe.ts';
import { checkTemplate, templateFrom, type CfnContext } from './template-input.ts';

/** AWS's default CloudFormation quotas (Service Quotas: stacks, outputs per template, resources in concurrent operations). */
const ACCOUNT_LIMITS = [
  { Name: 'StackLimit', Value: 2000 },
  { Name: 'StackOutputsLimit', Value: 200 },
  { Name: 'ConcurrentResourcesLimit', Value: 2500 },
];

export function describeAccountLimits(input: DescribeAccountLimitsInput) {
  const { items, next } = page(ACCOUNT_LIMITS, input.NextToken, 100);
  return { AccountLimits: items, NextToken: next };
}

/**
 * Checks the template as ValidateTemplate does and answers with a link to the AWS Pricing Calculator, as AWS does;
 * nothing is priced here (the calculator does that from the link on AWS).
 */
export async function estimateTemplateCost(input: EstimateTemplateCostInput, ctx: CfnContext) {
  const { template } = await templateFrom(input, ctx);
  checkTemplate(template, ctx);
  return { Url: `https://calculator.s3.amazonaws.com/calc5.html?key=cloudformation/${randomUUID()}` };
}
