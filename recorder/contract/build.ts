import { loadModel } from '../../emulator/models/load.ts';
import type { ContractFile, ContractInteraction, Expectation, WireProtocol } from '../../verifier/contract/types.ts';
import { parseResponse } from '../../verifier/model/parse-response.ts';
import type { CapturedExchange, RecordingSession } from '../capture/exchange.ts';
import { RECORDER } from '../version.ts';
import { detectCaptures } from './captures.ts';
import { expectedOutput, scrubRequestSecret } from './expected.ts';
import { generatedTokens, replaceTokens } from './generated.ts';
import { pactRequest } from './pact.ts';
import { mapLeaves } from './paths.ts';
import { redactor } from './redact.ts';
import { mapRequestStrings, requestTemplate, wireProtocol, type RequestTemplate } from './request.ts';

export interface ContractOptions {
  /** `<service>/<scenario>`. */
  id: string;
  description?: string;
  /** The client that issued the calls, when known (`aws-cli/2.9`, `boto3`, ...). */
  client?: string;
}

/** Exchanges the recorder could not turn into interactions (no known operation), with the reason. */
export interface BuildResult {
  contract: ContractFile;
  skipped: string[];
}

/**
 * Turns captured exchanges into one scenario contract: requests become replayable templates (captured values,
 * generated names, account, region and endpoint as variables; no signature or secret), responses become expectations
 * judged through the service model.
 */
export function buildContract(exchanges: CapturedExchange[], session: RecordingSession, options: ContractOptions): BuildResult {
  const skipped: string[] = [];
  const kept = exchanges.filter((e) => {
    if (!e.operation) skipped.push(`${e.request.method} ${e.request.path}: operation not found in the ${e.service} model`);
    return Boolean(e.operation);
  });
  const analysed = kept.map((exchange) => {
    const model = loadModel(exchange.service);
    const protocol = wireProtocol(model, exchange);
    const parsed = parseResponse(model, exchange.operation!, protocol, exchange.response.status, exchange.response.headers, exchange.response.body.toString('utf8'));
    const request = requestTemplate(exchange, protocol);
    return { exchange, protocol, parsed, request: secretFree(request) };
  });
  const { requests, captures } = detectCaptures(analysed.map((a) => ({ request: a.request, output: a.parsed.output })));
  const tokens = generatedTokens(requests, analysed.some((a) => a.exchange.service === 's3'));
  const origins = [...new Set(kept.map((e) => `https://${e.request.host}`))];
  const redact = redactor({ accountId: session.accountId, region: session.region, origins });
  const withTokens = replaceTokens(tokens);
  const rewrite = (text: string) => redact(withTokens(text));
  const uuids = new Map<string, string>();
  const interactions = analysed.map(({ exchange, protocol, parsed }, step): ContractInteraction => {
    const { pact, requestContentType } = pactRequest(mapRequestStrings(requests[step], rewrite));
    const expect: Expectation = { status: parsed.status };
    if (parsed.error) {
      const { code, message, type, shapeName } = parsed.error;
      expect.error = { code, ...(message !== undefined && { message: rewrite(message) }), ...(type === 'Sender' || type === 'Receiver' ? { type } : {}), ...(shapeName && shapeName !== code && { shapeName }) };
    } else if (parsed.output) {
      Object.assign(expect, expectedOutput(parsed.output, uuids, rewrite));
    }
    const responseHeaders: Record<string, string[]> = {};
    const queryError = exchange.response.headers['x-amzn-query-error'];
    if (queryError) responseHeaders['x-amzn-query-error'] = [queryError];
    return {
      type: 'Synchronous/HTTP',
      description: `${step} ${exchange.operation} (${protocol})`,
      request: pact,
      response: { status: exchange.response.status, ...(queryError && { headers: responseHeaders }) },
      comments: {
        twinstack: {
          step,
          service: exchange.service,
          operation: exchange.operation!,
          protocol,
          ...(requestContentType && { requestContentType }),
          scoring: true,
          expect,
          ...(captures[step].length && { captures: captures[step] }),
        },
      },
    };
  });
  return { contract: envelope(interactions, session, options, analysed[0]?.protocol ?? 'json'), skipped };
}

function secretFree(request: RequestTemplate): RequestTemplate {
  const body = request.body;
  const scrubbed = mapRequestStrings(request, (text) => scrubRequestSecret(text));
  if (body?.kind === 'json') scrubbed.body = { kind: 'json', value: mapLeaves(body.value, (v, _p, key) => scrubRequestSecret(v, key)) };
  if (body?.kind === 'form') scrubbed.body = { kind: 'form', params: body.params.map(([k, v]) => [k, scrubRequestSecret(v, k.split('.').pop())]) };
  return scrubbed;
}

function envelope(interactions: ContractInteraction[], session: RecordingSession, options: ContractOptions, protocol: WireProtocol): ContractFile {
  const service = options.id.split('/')[0];
  const provenance = {
    kind: 'aws-recording' as const,
    recordedAt: session.startedAt.toISOString(),
    region: session.region,
    recorder: RECORDER,
    ...(options.client && { client: options.client }),
  };
  return {
    consumer: { name: options.client ?? 'aws-client' },
    provider: { name: `aws-${service}` },
    interactions,
    metadata: {
      pactSpecification: { version: '4.0' },
      twinstack: {
        formatVersion: 1,
        id: options.id,
        service,
        ...(options.description && { description: options.description }),
        provenance,
        protocol,
        // Recordings made against anything but AWS itself say so: they prove the tooling, not AWS behaviour.
        tags: session.upstream === 'aws' ? ['recorded'] : ['recorded', 'upstream-not-aws'],
      },
    },
  };
}
