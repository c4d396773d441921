import type { Properties } from '../../provider.ts';
import type { TemplateResource } from '../../template/parse.ts';
import { defined, samIdHash, TransformErrorFor, type Expansion } from './context.ts';

const MTLS_FIELDS = ['TruststoreUri', 'TruststoreVersion'];
const pythonList = (items: string[]) => `[${items.map((i) => `'${i}'`).join(', ')}]`;

/** What the resources made for an HTTP API's domain refer to. */
export interface HttpApiParts {
  id: string;
  stage: string;
  attributes: Partial<TemplateResource>;
  /** The tag SAM gives the domain: `httpapi:createdBy` unless another kind of API says otherwise. */
  tag?: string;
}

/**
 * An HTTP (or WebSocket) API's `Domain` as SAM's ApiV2Generator makes it: the custom domain (`ApiGatewayDomainNameV2<hash>`,
 * REGIONAL only), an API mapping to the API's stage per BasePath (`<Api><path>ApiMapping`) or one for the root, and
 * for `Route53` the record set group SAM shares between the APIs of one hosted zone (`RecordSetGroup<hash>`), which
 * twinstack does not serve: that resource fails at deployment as any unsupported type does. Returns the domain's id.
 */
export function addHttpDomain(expansion: Expansion, api: HttpApiParts, domain: unknown): string | undefined {
  if (domain === undefined || domain === null) return undefined;
  if (typeof domain !== 'object' || Array.isArray(domain)) throw new TransformErrorFor(api.id, "Property 'Domain' should be a map.");
  const d = domain as Properties;
  if (!present(d.DomainName) || !present(d.CertificateArn)) throw new TransformErrorFor(api.id, 'Custom Domains only works if both DomainName and CertificateArn are provided.');
  const domainId = `ApiGatewayDomainNameV2${samIdHash(d.DomainName)}`;
  const endpoint = d.EndpointConfiguration ?? 'REGIONAL';
  if (endpoint !== 'REGIONAL') throw new TransformErrorFor(api.id, "EndpointConfiguration for Custom Domains must be one of ['REGIONAL'].");
  const configuration: Properties = { CertificateArn: d.CertificateArn, EndpointType: endpoint };
  if (d.OwnershipVerificationCertificateArn) configuration.OwnershipVerificationCertificateArn = d.OwnershipVerificationCertificateArn;
  if (d.SecurityPolicy) configuration.SecurityPolicy = d.SecurityPolicy;
  let mtls: Properties | undefined;
  if (d.MutualTlsAuthentication) {
    const given = d.MutualTlsAuthentication;
    if (typeof given !== 'object' || Array.isArray(given)) {
      throw new TransformErrorFor(api.id, `MutualTlsAuthentication must be a map with at least one of the following fields ${pythonList(MTLS_FIELDS)}.`);
    }
    const unknown = Object.keys(given).filter((k) => !MTLS_FIELDS.includes(k)).sort();
    // SAM names the offending fields where the resource's id belongs.
    if (unknown.length) throw new TransformErrorFor(unknown.join(','), `Available MutualTlsAuthentication fields are ${pythonList(MTLS_FIELDS)}.`);
    mtls = {};
    if (given.TruststoreUri) mtls.TruststoreUri = given.TruststoreUri;
    if (given.TruststoreVersion) mtls.TruststoreVersion = given.TruststoreVersion;
  }
  expansion.resources[domainId] = {
    ...api.attributes,
    Type: 'AWS::ApiGatewayV2::DomainName',
    Properties: defined({ DomainName: d.DomainName, DomainNameConfigurations: [configuration], MutualTlsAuthentication: mtls, Tags: { [api.tag ?? 'httpapi:createdBy']: 'SAM' } }),
  } as TemplateResource;
  const mapping = (logicalId: string, key?: string) => {
    expansion.resources[logicalId] = {
      ...api.attributes,
      Type: 'AWS::ApiGatewayV2::ApiMapping',
      Properties: defined({ DomainName: { Ref: domainId }, ApiId: { Ref: api.id }, Stage: { Ref: api.stage }, ApiMappingKey: key }),
    } as TemplateResource;
  };
  const basePaths = d.BasePath && typeof d.BasePath === 'string' ? [d.BasePath] : d.BasePath && Array.isArray(d.BasePath) ? d.BasePath : undefined;
  if (!basePaths) mapping(`${api.id}ApiMapping`);
  for (const path of basePaths ?? []) {
    if (typeof path !== 'string') throw new TransformErrorFor(api.id, 'Basepath must be a string.');
    if (/[^0-9a-zA-Z/\-_]+/.test(path)) throw new TransformErrorFor(api.id, 'Invalid Basepath name provided.');
    mapping(`${api.id}${path.replace(/[-_/]+/g, '')}ApiMapping`, path.replace(/^\/+|\/+$/g, ''));
  }
  addRecordSets(expansion, api, d, domainId);
  return domainId;
}

const present = (v: unknown) => v !== undefined && v !== null;

function addRecordSets(expansion: Expansion, api: HttpApiParts, d: Properties, domainId: string): void {
  const route53 = d.Route53;
  if (route53 === undefined || route53 === null) return;
  if (typeof route53 !== 'object' || Array.isArray(route53)) throw new TransformErrorFor(api.id, "Property 'Domain.Route53' should be a map.");
  const zone = route53.HostedZoneId ?? route53.HostedZoneName;
  if (!present(zone)) throw new TransformErrorFor(api.id, 'HostedZoneId or HostedZoneName is required to enable Route53 support on Custom Domains.');
  const groupId = `RecordSetGroup${samIdHash(route53.HostedZoneId || route53.HostedZoneName)}`;
  const group = (expansion.resources[groupId] ??= {
    ...api.attributes,
    Type: 'AWS::Route53::RecordSetGroup',
    Properties: { ...(Object.hasOwn(route53, 'HostedZoneId') ? { HostedZoneId: route53.HostedZoneId } : { HostedZoneName: route53.HostedZoneName }), RecordSets: [] },
  } as TemplateResource);
  const record = (type: string) =>
    defined({
      Name: d.DomainName,
      Type: type,
      AliasTarget: defined({
        EvaluateTargetHealth: route53.EvaluateTargetHealth ?? undefined,
        HostedZoneId: { 'Fn::GetAtt': [domainId, 'RegionalHostedZoneId'] },
        DNSName: { 'Fn::GetAtt': [domainId, 'RegionalDomainName'] },
      }),
      Region: route53.Region ?? undefined,
      SetIdentifier: route53.SetIdentifier ?? undefined,
    });
  const sets = (group.Properties as Properties).RecordSets as Properties[];
  sets.push(record('A'));
  if (route53.IpV6 === true) sets.push(record('AAAA'));
}
