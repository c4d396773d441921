import { ANSWER_VIEWS } from '../replay/answer-view.ts';
import { pathKeys, readPath } from '../replay/compare.ts';
import { repeatedTextProblem } from '../replay/generated-body.ts';
import { presignProblem } from '../replay/presign.ts';
import { generatorProblem } from '../replay/relative-time.ts';
import type { ContractFile, PactBody } from './types.ts';

const PROTOCOLS = ['json', 'query', 'rest-json', 'rest-xml', 'smithy-rpc-v2-cbor'];
const MATCHERS = ['type', 'regex', 'template', 'timestamp', 'number', 'present', 'absent', 'ignore', 'json', 'lines', 'xml'];
const PROVENANCE = ['aws-recording', 'aws-validated-snapshot', 'aws-docs-example'];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether a generator's path names a value of the body: a JSON member, or a form body's parameter. */
function bodyHas(body: PactBody | undefined, path: string): boolean {
  if (!body || !path.startsWith('$')) return false;
  if (typeof body.content !== 'string') return readPath(body.content, path) !== undefined;
  const [name, ...rest] = pathKeys(path);
  return rest.length === 0 && new URLSearchParams(body.content).has(String(name));
}

const isStrings = (v: unknown) => isObj(v) && Object.values(v).every((x) => typeof x === 'string');
const isNames = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** What is wrong with a POST form (types.ts PostForm), or undefined. */
function postFormProblem(form: unknown, interaction: ContractFile['interactions'][number]): string | undefined {
  if (!isObj(form)) return 'not an object';
  if (typeof form.bucket !== 'string' || typeof form.key !== 'string') return 'needs bucket and key';
  if (form.fields !== undefined && !isStrings(form.fields)) return 'fields: names to text';
  if (form.conditions !== undefined && !Array.isArray(form.conditions)) return 'conditions: a list';
  if (form.expiresIn !== undefined && !(Number.isInteger(form.expiresIn) && (form.expiresIn as number) > 0)) return 'expiresIn: whole seconds';
  if (form.signature !== undefined && form.signature !== 'v4' && form.signature !== 'v2') return "signature: 'v4' or 'v2'";
  if ((form.omit !== undefined && !isNames(form.omit)) || (form.keep !== undefined && !isNames(form.keep))) return 'omit, keep: lists of field names';
  if (form.set !== undefined && !isStrings(form.set)) return 'set: field names to text';
  if (form.cut !== undefined && !(isObj(form.cut) && Object.values(form.cut).every((n) => Number.isInteger(n) && (n as number) > 0))) return 'cut: field names to character counts';
  const file = form.file;
  if (!isObj(file) || typeof file.content !== 'string' || !(file.filename === undefined || file.filename === null || typeof file.filename === 'string')) return 'file: content text and an optional filename (or null)';
  if (form.contentType !== undefined && typeof form.contentType !== 'string') return 'contentType: text';
  if (interaction.request?.method !== 'POST' || interaction.request.body !== undefined) return 'the request is a POST that stores no body (the verifier builds it)';
  return undefined;
}

/** Checks a parsed contract file against the format (types.ts); returns problems as `path: message`. */
export function validateContract(value: unknown): string[] {
  const problems: string[] = [];
  const need = (ok: unknown, path: string, message: string) => {
    if (!ok) problems.push(`${path}: ${message}`);
  };
  if (!isObj(value)) return ['$: not an object'];
  const file = value as unknown as ContractFile;
  need(isObj(file.consumer) && typeof file.consumer.name === 'string', '$.consumer', 'needs a name');
  need(isObj(file.provider) && typeof file.provider.name === 'string', '$.provider', 'needs a name');
  need(file.metadata?.pactSpecification?.version === '4.0', '$.metadata.pactSpecification.version', "must be '4.0'");
  const meta = file.metadata?.twinstack;
  need(isObj(meta), '$.metadata.twinstack', 'missing');
  if (isObj(meta)) {
    need(meta.formatVersion === 1, '$.metadata.twinstack.formatVersion', 'must be 1');
    need(typeof meta.id === 'string' && meta.id.startsWith(`${meta.service}/`), '$.metadata.twinstack.id', "must be '<service>/<scenario>'");
    need(PROTOCOLS.includes(meta.protocol), '$.metadata.twinstack.protocol', `one of ${PROTOCOLS.join(', ')}`);
    need(meta.exclusive === undefined || typeof meta.exclusive === 'string', '$.metadata.twinstack.exclusive', 'a resource name');
    const p = meta.provenance as unknown as Obj | undefined;
    need(isObj(p) && PROVENANCE.includes(p.kind as string), '$.metadata.twinstack.provenance.kind', `one of ${PROVENANCE.join(', ')}`);
    if (isObj(p) && p.kind === 'aws-validated-snapshot') {
      const src = p.source as Obj | undefined;
      need(isObj(src) && src.license === 'Apache-2.0' && typeof src.attribution === 'string' && typeof src.commit === 'string', '$.metadata.twinstack.provenance.source', 'needs repository, commit, path, Apache-2.0 license and attribution');
      need(typeof p.testId === 'string' && !Number.isNaN(Date.parse(p.recordedDate as string)), '$.metadata.twinstack.provenance', 'needs testId and an ISO recordedDate');
    }
    if (isObj(p) && p.kind === 'aws-recording') need(typeof p.recordedAt === 'string' && typeof p.region === 'string' && typeof p.recorder === 'string', '$.metadata.twinstack.provenance', 'needs recordedAt, region, recorder');
    if (isObj(p) && p.kind === 'aws-docs-example') need(typeof p.url === 'string' && typeof p.retrievedAt === 'string', '$.metadata.twinstack.provenance', 'needs url, retrievedAt');
  }
  need(Array.isArray(file.interactions) && file.interactions.length > 0, '$.interactions', 'needs at least one interaction');
  const steps = new Set<number>();
  (Array.isArray(file.interactions) ? file.interactions : []).forEach((interaction, i) => {
    const at = `$.interactions[${i}]`;
    need(interaction.type === 'Synchronous/HTTP', `${at}.type`, "must be 'Synchronous/HTTP'");
    need(typeof interaction.description === 'string' && interaction.description.length > 0, `${at}.description`, 'missing');
    need(isObj(interaction.request) && typeof interaction.request.method === 'string' && typeof interaction.request.path === 'string', `${at}.request`, 'needs method and path');
    need(isObj(interaction.response) && Number.isInteger(interaction.response.status), `${at}.response.status`, 'must be an integer');
    const body = interaction.request?.body;
    if (body) {
      need(!/x-amz-json/.test(body.contentType), `${at}.request.body.contentType`, 'store x-amz-json bodies as application/json (requestContentType keeps the real type)');
      need(body.encoded === false || body.encoded === 'base64', `${at}.request.body.encoded`, "false or 'base64'");
    }
    for (const [path, generator] of Object.entries(interaction.request?.generators?.body ?? {})) {
      const where = `${at}.request.generators.body['${path}']`;
      if (isObj(generator) && generator.type === 'RepeatedText') {
        const problem = repeatedTextProblem(generator);
        need(!problem, where, problem);
        // A whole body is made at replay time: the file stores none, and no other generator has a value to fill in.
        if (path === '$') need(body?.content === '' && Object.keys(interaction.request.generators?.body ?? {}).length === 1, where, 'a generated body stands alone over an empty stored body');
        else need(bodyHas(body, path), where, 'names no value of the request body');
        continue;
      }
      const problem = isObj(generator) ? generatorProblem(generator) : 'not an object';
      need(!problem, where, problem);
      need(bodyHas(body, path), where, 'names no value of the request body');
    }
    const t = interaction.comments?.twinstack;
    need(isObj(t), `${at}.comments.twinstack`, 'missing');
    if (!isObj(t)) return;
    need(Number.isInteger(t.step) && !steps.has(t.step), `${at}.comments.twinstack.step`, 'must be a unique integer');
    steps.add(t.step);
    need(t.step === i, `${at}.comments.twinstack.step`, 'interactions must be stored in the order they run');
    need(typeof t.service === 'string' && typeof t.operation === 'string', `${at}.comments.twinstack`, 'needs service and operation');
    need(PROTOCOLS.includes(t.protocol), `${at}.comments.twinstack.protocol`, `one of ${PROTOCOLS.join(', ')}`);
    need(typeof t.scoring === 'boolean', `${at}.comments.twinstack.scoring`, 'must be a boolean');
    need(isObj(t.expect), `${at}.comments.twinstack.expect`, 'missing');
    // A snapshot of part of a response (`select`) shows the call succeeded but not its exact status.
    const knowsOutcome = t.expect?.status !== undefined || (t.expect?.select !== undefined && t.expect.output !== undefined);
    if (t.scoring) need(knowsOutcome, `${at}.comments.twinstack.expect.status`, 'a scoring interaction must know the status AWS returned');
    const keyed = t.expect?.keyedBy;
    if (keyed !== undefined) need(isObj(keyed) && typeof keyed.key === 'string' && typeof keyed.value === 'string' && t.expect.select !== undefined, `${at}.comments.twinstack.expect.keyedBy`, 'needs key, value and a select');
    const keep = t.expect?.keep;
    if (keep !== undefined) need(isObj(keep) && typeof keep.member === 'string' && isNames(keep.values) && t.expect.select !== undefined, `${at}.comments.twinstack.expect.keep`, 'needs member, values and a select');
    const absent = t.expect?.absentHeaders;
    if (absent !== undefined) {
      const where = `${at}.comments.twinstack.expect.absentHeaders`;
      const names = Array.isArray(absent) && absent.every((name) => typeof name === 'string' && /^[!#$%&'*+.^_`|~0-9a-z-]+$/.test(name));
      need(names, where, 'a list of lower-case header names');
      if (names) need(!absent.some((name) => Object.hasOwn(t.expect.headers ?? {}, name)), where, 'a header cannot be expected both present and absent');
    }
    for (const [path, m] of Object.entries(t.expect?.matchers ?? {})) {
      need(path.startsWith('$'), `${at}.comments.twinstack.expect.matchers`, `path '${path}' must start with $`);
      need(MATCHERS.includes(m.match), `${at}.comments.twinstack.expect.matchers['${path}']`, `unknown matcher '${m.match}'`);
      if (m.match === 'regex') {
        try {
          new RegExp(m.regex);
        } catch {
          problems.push(`${at}.comments.twinstack.expect.matchers['${path}']: invalid regex`);
        }
      }
    }
    need(t.region === undefined || (typeof t.region === 'string' && /^([a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d|aws-global)$/.test(t.region)), `${at}.comments.twinstack.region`, 'a region name (us-west-2, or the aws-global pseudo-region)');
    need(t.unsigned === undefined || typeof t.unsigned === 'boolean', `${at}.comments.twinstack.unsigned`, 'must be a boolean');
    if (t.virtualHost !== undefined) {
      const where = `${at}.comments.twinstack.virtualHost`;
      need(t.virtualHost === true && t.protocol === 'rest-xml', where, 'true or absent, on an S3 (rest-xml) call');
      need(t.url === undefined && t.presign === undefined && t.postForm === undefined, where, 'an API call (a presigned URL says so in presign.virtualHost)');
      need(/^\/[^/?]+/.test(interaction.request?.path ?? ''), where, 'the path names the bucket first (/bucket/key)');
    }
    const creds = t.credentials as unknown;
    need(
      creds === undefined || (isStrings(creds) && typeof (creds as Obj).accessKeyId === 'string' && typeof (creds as Obj).secretAccessKey === 'string' && !t.unsigned && t.url === undefined),
      `${at}.comments.twinstack.credentials`,
      'accessKeyId, secretAccessKey and an optional sessionToken (text) of a signed call',
    );
    need(t.rawAnswer === undefined || (t.rawAnswer === true && t.url === undefined), `${at}.comments.twinstack.rawAnswer`, 'true on an API call (a url interaction is judged as HTTP already)');
    if (t.postForm !== undefined) {
      const problem = postFormProblem(t.postForm, interaction);
      need(!problem, `${at}.comments.twinstack.postForm`, problem ?? '');
      need(t.url === undefined && !t.unsigned, `${at}.comments.twinstack.postForm`, 'a POST form is neither a plain HTTP request (url) nor unsigned');
    }
    if (t.presign !== undefined) {
      const problem = isObj(t.presign) ? presignProblem(t.presign) : 'not an object';
      need(!problem, `${at}.comments.twinstack.presign`, problem ?? '');
      need(t.url === undefined && t.protocol === 'rest-xml', `${at}.comments.twinstack.presign`, 'an S3 (rest-xml) call, not a plain HTTP one (url)');
    }
    if (t.until !== undefined) {
      const u = t.until;
      const waitsFor = (u.matches === undefined) !== (u.count === undefined) && (u.matches === undefined || typeof u.matches === 'string') && (u.count === undefined || (Number.isInteger(u.count) && u.count > 0));
      const times = [u.timeoutSeconds, u.intervalSeconds].every((n) => n === undefined || (typeof n === 'number' && n >= 0));
      need(typeof u.path === 'string' && u.path.startsWith('$') && waitsFor && times, `${at}.comments.twinstack.until`, 'needs a path ($...), either a matches regex or a count (a positive integer), and optional timeoutSeconds and intervalSeconds');
      need(u.accumulate === undefined || (u.accumulate === true && u.count !== undefined), `${at}.comments.twinstack.until.accumulate`, 'true, with a count (the lists gathered until they hold it)');
      need(u.whileError === undefined || typeof u.whileError === 'string', `${at}.comments.twinstack.until.whileError`, 'an error code');
    }
    need(t.view === undefined || ANSWER_VIEWS.includes(t.view), `${at}.comments.twinstack.view`, `one of ${ANSWER_VIEWS.join(', ')}`);
    need(!('collect' in t), `${at}.comments.twinstack.collect`, 'is until: { path, count, accumulate: true } now');
    if (t.eachCollected !== undefined) {
      const each = t.eachCollected as unknown as Obj;
      const gatherer = file.interactions.find((other) => other?.comments?.twinstack?.step === each?.step);
      need(
        isObj(each) && typeof each.as === 'string' && /^[A-Za-z]\w*$/.test(each.as) && gatherer?.comments.twinstack.until?.accumulate === true && (each.step as number) < t.step,
        `${at}.comments.twinstack.eachCollected`,
        'needs the step of an earlier interaction that gathers (until.accumulate), and a name (as) for its items',
      );
    }
    for (const c of t.captures ?? []) need(typeof c.name === 'string' && typeof c.from === 'string' && (c.from.startsWith('$') || c.from.startsWith('header:')), `${at}.comments.twinstack.captures`, 'each needs name and a from path ($... or header:...)');
  });
  return problems;
}
