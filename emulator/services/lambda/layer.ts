import type { CodeBundle } from './code.ts';

/** One published version of a layer. */
export interface LayerVersion {
  name: string;
  version: number;
  arn: string;
  layerArn: string;
  description: string;
  createdDate: string;
  compatibleRuntimes?: string[];
  compatibleArchitectures?: string[];
  licenseInfo?: string;
  code: CodeBundle;
  policy: { statements: Record<string, unknown>[]; revisionId: string };
}
