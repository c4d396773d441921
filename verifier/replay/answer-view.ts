import type { AnswerView, JsonValue } from '../contract/types.ts';
import type { ParsedResponse } from '../model/parse-response.ts';

/** An answer as it is judged: the parsed response, or what a view made of it (a list). */
export type JudgedAnswer = Omit<ParsedResponse, 'output'> & { output?: ParsedResponse['output'] | JsonValue[] };

export const ANSWER_VIEWS: readonly AnswerView[] = ['function-log', 'function-log-records', 'message-bodies', 'message-body-lists', 'messages', 'notification-messages'];

/** Lambda's own lines in a function's log, which LocalStack's get_lambda_log_events leaves out. */
const PLATFORM_LINE = /^(INIT_START|START|END|REPORT)/;

/** A JSON document's value, else the text itself (as the tests' `json.loads` with a fallback). */
function parsedOrText(text: string): JsonValue {
  // A log line or message body is text the target sent: any JSON document it holds is a JsonValue.
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return text;
  }
}

/** An SNS notification's `Message` parsed as JSON; a body that is no notification stays as it is, to be judged. */
function notificationMessage(body: JsonValue): JsonValue {
  const message = body !== null && typeof body === 'object' && !Array.isArray(body) ? body.Message : undefined;
  return typeof message === 'string' ? parsedOrText(message) : body;
}

const messagesOf = (output: ParsedResponse['output']) => ((output?.Messages ?? []) as { Body?: string }[]);

/**
 * The answer as the test read it (InteractionMeta.view), judged in its place: a list. A function's log group that does
 * not exist yet reads as no events, as the tests' helper reads it.
 */
export function answerView(view: AnswerView, parsed: ParsedResponse): JudgedAnswer {
  if (view.startsWith('function-log') && parsed.error?.code === 'ResourceNotFoundException') return { ...parsed, status: 200, error: undefined, output: [] };
  if (parsed.status >= 300 || parsed.unparseable) return parsed;
  const output = parsed.output;
  switch (view) {
    case 'function-log': {
      const events = (output?.events ?? []) as { message?: string }[];
      const messages = events.map((e) => e.message ?? '').filter((m) => m && !PLATFORM_LINE.test(m));
      return { ...parsed, output: messages.map((m) => parsedOrText(m.replace(/\n$/, ''))) };
    }
    case 'function-log-records': {
      // The tests' `[e for e in events if "Records" in e]`: a member of an event, or a part of a text.
      const events = answerView('function-log', parsed).output as JsonValue[];
      const holdsRecords = (e: JsonValue) => (typeof e === 'string' ? e.includes('Records') : !!e && typeof e === 'object' && !Array.isArray(e) && Object.hasOwn(e, 'Records'));
      return { ...parsed, output: events.filter(holdsRecords) };
    }
    case 'message-bodies':
      return { ...parsed, output: messagesOf(output).map((m) => parsedOrText(m.Body ?? '')) };
    case 'message-body-lists':
      return { ...parsed, output: messagesOf(output).flatMap((m) => [parsedOrText(m.Body ?? '')].flat()) };
    case 'messages':
      return { ...parsed, output: messagesOf(output) as JsonValue[] };
    case 'notification-messages':
      return { ...parsed, output: messagesOf(output).map((m) => notificationMessage(parsedOrText(m.Body ?? ''))) };
  }
}
