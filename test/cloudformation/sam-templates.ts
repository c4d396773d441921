// Builders of the SAM templates the serverless-*.test.ts files deploy: the fragments they would otherwise repeat.

/** A SAM template: the transform's line, then the given sections (YAML). */
export const samTemplate = (sections: string) => `Transform: AWS::Serverless-2016-10-31\n${sections.replace(/^\n/, '')}`;

/** A handler that answers `{}`. */
export const EMPTY_HANDLER = 'exports.handler = async () => ({})';

/** A handler that answers API Gateway's proxy integration 200 with this body. */
export const answering = (body: string) => `exports.handler = async () => ({ statusCode: 200, body: '${body}' });`;

/**
 * An `AWS::Serverless::Function` under Resources: Node.js 20, index.handler, the inline code (YAML-quoted), then any
 * further properties (YAML lines at the properties' indent of six spaces) and resource attributes (at four).
 */
export function samFunction(id: string, options: { code?: string; properties?: string; attributes?: string } = {}): string {
  const lines = [`  ${id}:`, '    Type: AWS::Serverless::Function'];
  if (options.attributes) lines.push(options.attributes.replace(/\n$/, ''));
  lines.push('    Properties:', '      Runtime: nodejs20.x', '      Handler: index.handler', `      InlineCode: ${JSON.stringify(options.code ?? EMPTY_HANDLER)}`);
  if (options.properties) lines.push(options.properties.replace(/^\n/, '').replace(/\n$/, ''));
  return `${lines.join('\n')}\n`;
}

/** The start of the message CloudFormation gives for a SAM template the transform refuses with this many errors. */
export const transformFailed = (errors: number) => `Transform AWS::Serverless-2016-10-31 failed with: Invalid Serverless Application Specification document. Number of errors found: ${errors}.`;
