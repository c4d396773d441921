/** Directory bucket (S3 Express One Zone) names end in `--x-s3` (`<base-name>--<zone-id>--x-s3`). */
export function isDirectoryBucketName(name: unknown): boolean {
  return typeof name === 'string' && name.endsWith('--x-s3');
}
