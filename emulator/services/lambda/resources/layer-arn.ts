/** A layer version ARN as the layer (its ARN without the version) and the version number Lambda's operations take. */
export function layerVersionOf(arn: string) {
  const cut = arn.lastIndexOf(':');
  return { LayerName: arn.slice(0, cut), VersionNumber: Number(arn.slice(cut + 1)) };
}
