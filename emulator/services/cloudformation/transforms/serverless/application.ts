import type { Properties } from '../../provider.ts';
import type { TemplateResource } from '../../template/parse.ts';
import { defined, passedThrough, resolveParameterRefs, tagList, TransformErrorFor, type Expansion } from './context.ts';

const isMap = (v: unknown): v is Properties => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * `AWS::Serverless::Application` as SAM makes it: an `AWS::CloudFormation::Stack` of the template at Location (a URL),
 * tagged by SAM. A Location naming a Serverless Application Repository application needs that repository, which
 * twinstack does not serve: SAM's answer when it cannot access the application.
 */
export function expandApplication(expansion: Expansion, id: string, resource: TemplateResource): void {
  const p = (resource.Properties ?? {}) as Properties;
  const missing = (name: string) => new TransformErrorFor(id, `Resource is missing the required [${name}] property.`);
  if (!Object.hasOwn(p, 'Location')) throw missing('Location');
  const location = p.Location;
  if (isMap(location)) {
    for (const name of ['ApplicationId', 'SemanticVersion']) if (!Object.hasOwn(location, name)) throw missing(name);
    const applicationId = resolveParameterRefs(location.ApplicationId, expansion.parameterValues);
    const version = resolveParameterRefs(location.SemanticVersion, expansion.parameterValues);
    if (applicationId === undefined || applicationId === null) throw new TransformErrorFor(id, "Property 'ApplicationId' is required.");
    if (isMap(applicationId)) throw new TransformErrorFor(id, "Property 'ApplicationId' cannot be resolved. Only FindInMap and Ref intrinsic functions are supported.");
    if (!version) throw new TransformErrorFor(id, "Property 'SemanticVersion' cannot be blank.");
    if (isMap(version)) throw new TransformErrorFor(id, "Property 'SemanticVersion' cannot be resolved. Only FindInMap and Ref intrinsic functions are supported.");
    throw new TransformErrorFor(id, `Cannot access application: ${String(applicationId)}.`);
  }
  expansion.resources[id] = {
    ...defined({ DependsOn: resource.DependsOn }),
    ...passedThrough(resource),
    Type: 'AWS::CloudFormation::Stack',
    Properties: defined({
      Parameters: p.Parameters,
      NotificationARNs: p.NotificationARNs,
      Tags: tagList({ 'lambda:createdBy': 'SAM' }, p.Tags),
      TimeoutInMinutes: p.TimeoutInMinutes,
      TemplateURL: location || '',
    }),
  } as TemplateResource;
}
