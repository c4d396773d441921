/** What a recording must not reveal about where it was made, and the variable each becomes. */
export interface RedactionTarget {
  /** Empty when not known (an imported recording without ARNs). */
  accountId: string;
  region: string;
  /** Upstream origins (`https://sqs.eu-west-1.amazonaws.com`) and their hosts. */
  origins: string[];
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Replaces the recording's endpoint, account id, region and ARN partition with the verifier's built-in variables,
 * so that the same contract replays against any account, region and endpoint.
 */
export function redactor(target: RedactionTarget): (text: string) => string {
  const rules: [RegExp, string][] = [];
  for (const origin of target.origins) {
    const url = new URL(origin);
    rules.push([new RegExp(`https?://${escapeRegex(url.host)}(?::443)?`, 'g'), '{{endpoint}}']);
    rules.push([new RegExp(escapeRegex(url.host), 'g'), '{{endpointHost}}']);
  }
  if (target.accountId) rules.push([new RegExp(`(?<!\\d)${escapeRegex(target.accountId)}(?!\\d)`, 'g'), '{{accountId}}']);
  rules.push([new RegExp(`\\barn:aws(?:-[a-z]+)*:`, 'g'), 'arn:{{partition}}:']);
  rules.push([new RegExp(escapeRegex(target.region), 'g'), '{{region}}']);
  return (text) => rules.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}
