import { createHash } from 'node:crypto';
import type { DocumentParameter } from '@aws-sdk/client-ssm';
import { parse as parseYaml, stringify as toYaml } from 'yaml';
import { SsmErrors } from '../errors.ts';
import type { DocumentVersionRecord } from '../state.ts';

/** CreateDocument/UpdateDocument's limit on content: 64 KB (SSM API reference, CreateDocument `Content`). */
const MAX_CONTENT_BYTES = 64 * 1024;

/** The schema versions each document type accepts (Systems Manager user guide, "Schema features and examples"). */
const SCHEMA_VERSIONS: Record<string, readonly string[]> = {
  Command: ['1.2', '2.0', '2.2'],
  Policy: ['2.0'],
  Automation: ['0.3'],
  'Automation.ChangeTemplate': ['0.3'],
  Session: ['1.0'],
  Package: ['2.0'],
  ChangeCalendar: ['2.0'],
};

/** What the plugins of a Command document run on: shell scripts on Linux and macOS, PowerShell on Windows. */
const PLUGIN_PLATFORMS: Record<string, string[]> = {
  'aws:runShellScript': ['Linux', 'MacOS'],
  'aws:runPowerShellScript': ['Windows'],
  'aws:psModule': ['Windows'],
  'aws:applications': ['Windows'],
  'aws:domainJoin': ['Windows'],
  'aws:updateAgent': ['Windows'],
  'aws:updateSsmAgent': ['Windows', 'Linux', 'MacOS'],
};
const ALL_PLATFORMS = ['Windows', 'Linux', 'MacOS'];

type Body = Record<string, unknown>;

/**
 * AWS answers malformed JSON with `JSON not well-formed. at Line: 1, Column: 6` (as reported in aws-cli and
 * amazon-eks-ami issues); the line and column here are where JavaScript's parser stopped, which may differ by a
 * character or two from AWS's Java parser.
 */
function notWellFormed(content: string, error: unknown): Error {
  const at = /position (\d+)/.exec(String((error as Error).message));
  const offset = at ? Number(at[1]) : content.length;
  const before = content.slice(0, offset).split('\n');
  return SsmErrors.documentContent(`JSON not well-formed. at Line: ${before.length}, Column: ${before[before.length - 1].length + 1}`);
}

/** Parameters the content uses (`{{ name }}`) must be declared: AWS answers `Parameter "name" is not declared.` */
function checkReferences(content: string, body: Body): void {
  const declared = body.parameters && typeof body.parameters === 'object' ? (body.parameters as Body) : {};
  for (const [, name] of content.matchAll(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g)) {
    if (!Object.hasOwn(declared, name)) throw SsmErrors.documentContent(`Parameter "${name}" is not declared.`);
  }
}

function parseBody(content: string, format: string): Body | undefined {
  if (format === 'TEXT') return undefined;
  let body: unknown;
  try {
    body = format === 'YAML' ? parseYaml(content) : JSON.parse(content);
  } catch (error) {
    if (format === 'JSON') throw notWellFormed(content, error);
    // AWS's wording for YAML is not published; it follows the JSON one.
    throw SsmErrors.documentContent('YAML not well-formed.');
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw SsmErrors.documentContent('The content for the document is not valid.');
  return body as Body;
}

function parametersOf(body: Body): DocumentParameter[] {
  const declared = body.parameters;
  if (declared === undefined) return [];
  if (declared === null || typeof declared !== 'object' || Array.isArray(declared)) throw SsmErrors.documentContent('The parameters of the document are not valid.');
  return Object.entries(declared as Record<string, Body>).map(([Name, p]) => ({
    Name,
    Type: typeof p?.type === 'string' ? p.type : undefined,
    Description: typeof p?.description === 'string' ? p.description : undefined,
    // Non-string defaults (lists, maps) are shown as their JSON text.
    DefaultValue: p?.default === undefined ? undefined : typeof p.default === 'string' ? p.default : JSON.stringify(p.default),
  })) as DocumentParameter[];
}

function platformsOf(body: Body, documentType: string): string[] {
  if (documentType !== 'Command') return ALL_PLATFORMS;
  const steps = Array.isArray(body.mainSteps) ? (body.mainSteps as Body[]).map((s) => s?.action) : Object.keys((body.runtimeConfig ?? {}) as Body);
  const platforms = new Set<string>();
  for (const action of steps) for (const p of PLUGIN_PLATFORMS[String(action)] ?? ALL_PLATFORMS) platforms.add(p);
  return ALL_PLATFORMS.filter((p) => platforms.has(p));
}

/** Reads a document's content as SSM does, rejecting what CreateDocument/UpdateDocument reject. */
export function readContent(
  input: { Content?: string; DocumentFormat?: string; DisplayName?: string; VersionName?: string; TargetType?: string },
  documentType: string,
  version: string,
  createdDate: Date,
): DocumentVersionRecord {
  const content = input.Content!;
  if (Buffer.byteLength(content) > MAX_CONTENT_BYTES) throw SsmErrors.documentTooBig();
  const format = (input.DocumentFormat ?? 'JSON') as DocumentVersionRecord['format'];
  const body = parseBody(content, format);
  let schemaVersion: string | undefined;
  if (body) {
    checkReferences(content, body);
    schemaVersion = typeof body.schemaVersion === 'string' ? body.schemaVersion : undefined;
    if (schemaVersion === undefined) throw SsmErrors.documentSchema('The schemaVersion of the document is missing.');
    const accepted = SCHEMA_VERSIONS[documentType];
    if (accepted && !accepted.includes(schemaVersion)) {
      throw SsmErrors.documentSchema(`Document schema version, ${schemaVersion}, is not supported for document type ${documentType}.`);
    }
  }
  return {
    version,
    versionName: input.VersionName,
    displayName: input.DisplayName,
    content,
    format,
    hash: createHash('sha256').update(content).digest('hex'),
    schemaVersion,
    description: body && typeof body.description === 'string' ? body.description : undefined,
    parameters: body ? parametersOf(body) : [],
    platformTypes: body ? platformsOf(body, documentType) : ALL_PLATFORMS,
    targetType: input.TargetType,
    createdDate,
  };
}

/** A version's content in the format GetDocument asks for: JSON and YAML convert into each other, TEXT does not. */
export function contentIn(version: DocumentVersionRecord, format: string | undefined): string {
  if (format === undefined || format === version.format) return version.content;
  if (version.format === 'TEXT' || format === 'TEXT') throw SsmErrors.documentOperation('Documents can only be converted between the JSON and YAML formats.');
  const body = parseBody(version.content, version.format);
  return format === 'YAML' ? toYaml(body) : JSON.stringify(body, null, 2);
}
