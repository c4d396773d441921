import { createHash } from 'node:crypto';
import { buildArn } from '../../core/arn.ts';
import type { Parameter } from './state.ts';

/**
 * The public parameters AWS publishes under `/aws/service/` that CDK, SAM and CloudFormation read: latest AMI ids
 * (Amazon Linux, ECS- and EKS-optimized, Windows, Bottlerocket) and the global infrastructure lists. Values are
 * plausible, not AWS's: AMI ids are stable per name and region (`ami-` and 17 hex digits), so templates resolve.
 */
const AMI_PATHS = [
  '/aws/service/ami-amazon-linux-latest/',
  '/aws/service/ecs/optimized-ami/',
  '/aws/service/eks/optimized-ami/',
  '/aws/service/ami-windows-latest/',
  '/aws/service/bottlerocket/',
  '/aws/service/canonical/ubuntu/',
  '/aws/service/debian/',
];

const PUBLISHED = new Date('2026-01-01T00:00:00Z');

function amiId(name: string, region: string): string {
  return `ami-${createHash('sha256').update(`${region}:${name}`).digest('hex').slice(0, 17)}`;
}

/** A public parameter by name, or undefined for names AWS does not publish (as far as twinstack knows). */
export function publicParameter(name: string, region: string): Parameter | undefined {
  if (!name.startsWith('/aws/service/')) return undefined;
  let value: string | undefined;
  if (AMI_PATHS.some((p) => name.startsWith(p)) && /(image_id|ami-id|\/image_id|-x86_64|-arm64|-gp2|-ebs|default|latest|ami)[^/]*$/.test(name)) {
    value = amiId(name, region);
  } else if (name === '/aws/service/global-infrastructure/current-region') {
    value = region;
  }
  if (value === undefined) return undefined;
  return {
    name,
    // Public parameters have no account in their ARN.
    arn: buildArn({ service: 'ssm', region, accountId: '', resource: `parameter${name}` }),
    tags: [],
    versions: [
      {
        version: 1,
        value,
        type: 'String',
        tier: 'Standard',
        dataType: value.startsWith('ami-') ? 'aws:ec2:image' : 'text',
        labels: new Set(),
        lastModifiedDate: PUBLISHED,
        lastModifiedUser: '',
        policies: [],
      },
    ],
  };
}
