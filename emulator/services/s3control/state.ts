import type { ObjectLambdaConfiguration, PublicAccessBlockConfiguration, S3Tag, VpcConfiguration } from '@aws-sdk/client-s3-control';

/** An S3 access point: a named entry to one bucket, with its own policy. */
export interface AccessPointRecord {
  name: string;
  bucket: string;
  bucketAccountId: string;
  vpcConfiguration?: VpcConfiguration;
  publicAccessBlock: PublicAccessBlockConfiguration;
  created: Date;
  alias: string;
  policy?: string;
  /** Tags set with S3 Control's TagResource. */
  tags?: S3Tag[];
}

/** An S3 Object Lambda access point: a supporting access point and the Lambda functions that transform what it serves. */
export interface ObjectLambdaAccessPointRecord {
  name: string;
  configuration: ObjectLambdaConfiguration;
  created: Date;
  alias: string;
  policy?: string;
}

/** S3 Control state of one account in one region: plain records in Maps persist with no declaration. */
export interface S3controlState {
  readonly accountId: string;
  readonly region: string;
  readonly accessPoints: Map<string, AccessPointRecord>;
  readonly objectLambdaAccessPoints: Map<string, ObjectLambdaAccessPointRecord>;
  /** The account's public access block (kept in the account's us-east-1 state: it is account-wide). */
  accountPublicAccessBlock?: PublicAccessBlockConfiguration;
}

export function createS3controlState(accountId: string, region: string): S3controlState {
  return { accountId, region, accessPoints: new Map(), objectLambdaAccessPoints: new Map() };
}
