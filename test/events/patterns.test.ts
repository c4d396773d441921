import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TestEventPatternCommand } from '@aws-sdk/client-eventbridge';
import JSON5 from 'json5';
import { snapshotRoot } from '../../verifier/port/snapshot-root.ts';
import { loadSnapshot } from '../support/snapshot.ts';
import { useEvents } from './support.ts';

// The event + pattern pairs LocalStack's suite sends to TestEventPattern (event_pattern_templates/, Apache-2.0) and
// AWS's verdicts: a name ending in _NEG did not match on AWS, _EXC was refused with the error recorded in
// test_events_patterns.snapshot.json, any other matched.
const TEMPLATES = join(snapshotRoot(), 'events', 'event_pattern_templates');
const snapshot = loadSnapshot('events', 'test_events_patterns.snapshot.json');

/** The request text boto3's test sent: Python's json.dumps (", " and ": " separators, ASCII escapes). */
function pythonJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(', ')}]`;
  if (value && typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${pythonJson(k)}: ${pythonJson(v)}`).join(', ')}}`;
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The snapshot's redaction of what AWS echoed of the pattern. */
const redact = (text: string) => text.replaceAll('arn:aws:', 'arn:<partition>:').replaceAll('us-east-1', '<region>');

function recordedError(label: string): { Code: string; Message: string; MessageRaw?: string } {
  const key = Object.keys(snapshot).find((k) => k.endsWith(`::test_event_pattern[${label}]`))!;
  return (snapshot[key]['recorded-content'][label] as { exception_message: { Error: { Code: string; Message: string; MessageRaw?: string } } })
    .exception_message.Error;
}

describe('EventBridge TestEventPattern against AWS verdicts (AWS SDK v3)', function () {
  const context = useEvents(['events']);
  const labels = readdirSync(TEMPLATES)
    .filter((f) => f.endsWith('.json5'))
    .map((f) => f.slice(0, -'.json5'.length))
    .sort();

  it('has the recorded templates', () => assert.ok(labels.length >= 150, `${labels.length} templates`));

  for (const label of labels) {
    it(label, async () => {
      const template = JSON5.parse(readFileSync(join(TEMPLATES, `${label}.json5`), 'utf8'));
      const command = new TestEventPatternCommand({ Event: pythonJson(template.Event), EventPattern: pythonJson(template.EventPattern) });
      if (label.endsWith('_EXC')) {
        const expected = recordedError(label);
        const error = await context.events.send(command).then(
          () => assert.fail('AWS refused this pattern'),
          (e: Error) => e,
        );
        assert.equal(error.name, expected.Code);
        // MessageRaw is the message as AWS sent it, with the parser's location; Message is LocalStack's cut of it.
        assert.equal(redact(error.message), expected.MessageRaw ?? expected.Message);
      } else {
        const { Result } = await context.events.send(command);
        assert.equal(Result, !label.endsWith('_NEG'));
      }
    });
  }

  it('refuses patterns that are not JSON objects with the parser error AWS gives', async () => {
    for (const key of Object.keys(snapshot).filter((k) => k.includes('test_invalid_json_event_pattern['))) {
      const pattern = key.slice(key.indexOf('[') + 1, -1);
      const expected = (snapshot[key]['recorded-content']['invalid-pattern'] as { Error: { Code: string; Message: string } }).Error;
      const event = pythonJson({ id: '1', source: 's', 'detail-type': 'd', account: '123456789012', region: 'us-east-1', time: '2022-07-13T13:48:01Z' });
      const error = await context.events.send(new TestEventPatternCommand({ Event: event, EventPattern: pattern })).then(
        () => assert.fail(`AWS refused ${pattern}`),
        (e: Error) => e,
      );
      assert.equal(error.name, expected.Code);
      assert.equal(error.message, expected.Message);
    }
  });

  it('refuses events without the envelope fields', async () => {
    await assert.rejects(
      context.events.send(new TestEventPatternCommand({ Event: '{"source": "x"}', EventPattern: '{"source": ["x"]}' })),
      { name: 'ValidationException', message: 'Parameter Event is not valid.' },
    );
  });
});
