// LocalStack's AWS-validated EventBridge archive tests (github.com/localstack/localstack,
// tests/aws/services/events/test_archive_and_replay.py, Apache-2.0) reproduced as request sequences. Expected
// responses come only from the recorded snapshots. `events_create_default_or_custom_event_bus` gives the default bus
// or a new custom one and its ARN; `events_create_archive` calls CreateArchive.
import { now, type SourceFile, type SourceStep } from '../../verifier/port/source-types.ts';

const PATTERN = '{"source": ["core.update-account-command"], "detail-type": ["core.update-account-command"], "detail": {"command": ["update-account"]}}';
const PATTERN_NO_DETAIL = '{"source": ["core.update-account-command"], "detail-type": ["core.update-account-command"]}';
const ARCHIVE = 'test-archive-{{suffix}}';

function bus(kind: string): SourceStep[] {
  return kind === 'custom'
    ? [{ op: 'CreateEventBus', params: { Name: 'bus-{{suffix}}' }, capture: { busArn: '$.EventBusArn' } }]
    : [{ op: 'DescribeEventBus', params: {}, capture: { busArn: '$.Arn' } }];
}

const create = (snapshot?: string): SourceStep => ({
  op: 'CreateArchive',
  params: { ArchiveName: ARCHIVE, EventSourceArn: '{{busArn}}', Description: 'description of the archive', EventPattern: PATTERN, RetentionDays: 1 },
  ...(snapshot ? { snapshot } : {}),
});

const archiveOn = (busArn: string): SourceStep => ({ op: 'CreateArchive', params: { ArchiveName: ARCHIVE, EventSourceArn: busArn, RetentionDays: 1 } });
const replay = (destination: string): SourceStep => ({
  op: 'StartReplay',
  params: {
    ReplayName: 'test-replay-{{suffix}}',
    Description: 'description of the replay',
    EventSourceArn: '{{archiveArn}}',
    EventStartTime: '2024-01-01T00:00:00Z',
    EventEndTime: '2024-01-01T00:01:00Z',
    Destination: { Arn: destination },
  },
});

/** `wait_for_replay_in_state(..., "COMPLETED")`: DescribeReplay until the replay has ended. */
const replayCompleted = (name: string): SourceStep => ({ op: 'DescribeReplay', params: { ReplayName: name }, until: { path: '$.State', matches: '^(COMPLETED|FAILED)$', timeoutSeconds: 350 } });
/** A replay of the archive back onto its custom bus over the minute from the test's now, as the list tests start them. */
const replayNow = (name: string, extra: Record<string, unknown> = {}): SourceStep => ({
  op: 'StartReplay',
  params: { ReplayName: name, ...extra, EventSourceArn: '{{archiveArn}}', EventStartTime: now(), EventEndTime: now(60), Destination: { Arn: '{{busArn}}' } },
});
const customBusArchive: SourceStep[] = [
  { op: 'CreateEventBus', params: { Name: 'test-bus-{{suffix}}' }, capture: { busArn: '$.EventBusArn' } },
  { ...archiveOn('{{busArn}}'), capture: { archiveArn: '$.ArchiveArn' } },
];

const source: SourceFile = {
  service: 'events',
  module: 'test_archive_and_replay',
  snapshotDir: 'events',
  variants: {},
  defaultProtocol: 'json',
  skippedVariants: {
    missing: 'no recorded responses for this variant',
    cross_account: 'no recorded responses for this variant',
    cross_region: 'no recorded responses for this variant',
  },
  scenarios: [
    {
      test: 'TestArchive::test_create_list_describe_update_delete_archive',
      steps: (kind) => [
        ...bus(kind),
        create('create-archive'),
        { op: 'ListArchives', params: { NamePrefix: ARCHIVE }, snapshot: 'list-archives' },
        { op: 'DescribeArchive', params: { ArchiveName: ARCHIVE }, snapshot: 'describe-archive', jsonStrings: ['$.EventPattern'] },
        {
          op: 'UpdateArchive',
          params: { ArchiveName: ARCHIVE, Description: 'updated description of the archive', EventPattern: PATTERN_NO_DETAIL, RetentionDays: 2 },
          snapshot: 'update-archive',
        },
        { op: 'DeleteArchive', params: { ArchiveName: ARCHIVE }, snapshot: 'delete-archive' },
      ],
    },
    {
      test: 'TestArchive::test_create_archive_error_duplicate',
      steps: (kind) => [...bus(kind), create(), create('create-archive-duplicate-error'), { op: 'DeleteArchive', params: { ArchiveName: ARCHIVE } }],
    },
    {
      test: 'TestArchive::test_create_archive_error_unknown_event_bus',
      steps: [
        {
          op: 'CreateArchive',
          params: {
            ArchiveName: 'test-archive',
            EventSourceArn: 'arn:aws:events:us-east-1:123456789012:event-bus/doesnotexist-{{suffix}}',
            Description: 'description of the archive',
            EventPattern: PATTERN,
            RetentionDays: 1,
          },
          snapshot: 'create-archive-unknown-event-bus-error',
        },
      ],
    },
    {
      test: 'TestArchive::test_describe_archive_error_unknown_archive',
      steps: [{ op: 'DescribeArchive', params: { ArchiveName: 'doesnotexist-{{suffix}}' }, snapshot: 'describe-archive-unknown-archive-error' }],
    },
    {
      test: 'TestArchive::test_list_archive_error_unknown_source_arn',
      steps: [
        { op: 'DescribeEventBus', params: {}, capture: { accountId: { from: '$.Arn', regex: ':(\\d{12}):' } } },
        {
          op: 'ListArchives',
          params: { EventSourceArn: 'arn:{{partition}}:events:{{region}}:{{accountId}}:event-bus/doesnotexist-{{suffix}}' },
          snapshot: 'list-archives-unknown-event-bus-error',
        },
      ],
    },
    {
      test: 'TestArchive::test_update_archive_error_unknown_archive',
      steps: [{ op: 'UpdateArchive', params: { ArchiveName: 'doesnotexist-{{suffix}}' }, snapshot: 'update-archive-unknown-archive-error' }],
    },
    {
      test: 'TestArchive::test_delete_archive_error_unknown_archive',
      steps: [{ op: 'DeleteArchive', params: { ArchiveName: 'doesnotexist-{{suffix}}' }, snapshot: 'delete-archive-unknown-archive-error' }],
    },
    {
      test: 'TestReplay::test_start_replay_error_unknown_event_bus',
      note: "the archive is on the default bus (the fixture's default); the replay times are fixed instead of the test's current time",
      steps: [
        ...bus('default'),
        { op: 'DescribeEventBus', params: {}, capture: { accountId: { from: '$.Arn', regex: ':(\\d{12}):' } } },
        { ...archiveOn('{{busArn}}'), capture: { archiveArn: '$.ArchiveArn' } },
        { ...replay('arn:{{partition}}:events:{{region}}:{{accountId}}:event-bus/doesnotexist-{{suffix}}'), snapshot: 'start-replay-unknown-event-bus-error' },
        { op: 'CreateEventBus', params: { Name: 'doesnotexist-{{suffix}}' }, capture: { otherBusArn: '$.EventBusArn' } },
        { ...replay('{{otherBusArn}}'), snapshot: 'start-replay-wrong-event-bus-error' },
        { op: 'DeleteArchive', params: { ArchiveName: ARCHIVE } },
      ],
    },
    {
      test: 'TestReplay::test_start_replay_error_unknown_archive',
      steps: [
        { op: 'DescribeEventBus', params: {}, capture: { busArn: '$.Arn', accountId: { from: '$.Arn', regex: ':(\\d{12}):' } } },
        {
          ...replay('{{busArn}}'),
          params: { ...replay('{{busArn}}').params, ReplayName: 'test-replay', EventSourceArn: 'arn:{{partition}}:events:{{region}}:{{accountId}}:archive/doesnotexist-{{suffix}}' },
          snapshot: 'start-replay-unknown-archive-error',
        },
      ],
    },
    {
      test: 'TestReplay::test_start_replay_error_duplicate_name_same_archive',
      steps: [
        ...bus('custom'),
        { ...archiveOn('{{busArn}}'), capture: { archiveArn: '$.ArchiveArn' } },
        replay('{{busArn}}'),
        { ...replay('{{busArn}}'), snapshot: 'start-replay-duplicate-error' },
      ],
    },
    {
      test: 'TestReplay::test_start_replay_error_invalid_end_time',
      note: 'the archive is on the default bus (the fixture\'s default) and the destination a new bus, as in the test; AWS refuses the times first',
      steps: (delta) => [
        ...bus('default'),
        { ...archiveOn('{{busArn}}'), capture: { archiveArn: '$.ArchiveArn' } },
        { op: 'CreateEventBus', params: { Name: 'test-bus-{{suffix}}' }, capture: { otherBusArn: '$.EventBusArn' } },
        {
          ...replay('{{otherBusArn}}'),
          params: { ...replay('{{otherBusArn}}').params, EventStartTime: '2024-01-01T00:00:00Z', EventEndTime: new Date(Date.UTC(2024, 0, 1) - Number(delta) * 1000).toISOString() },
          snapshot: 'start-replay-invalid-end-time-error',
        },
        { op: 'DeleteArchive', params: { ArchiveName: ARCHIVE } },
      ],
    },
    {
      test: 'TestArchive::test_list_archive_with_name_prefix',
      note: "the archive is named after the run's prefix (`test-archive-<suffix>-1`) so that the prefix lists this run's archive only, as the test's fresh account did",
      steps: (kind) => [
        ...bus(kind),
        { ...create(), params: { ...create().params, ArchiveName: `${ARCHIVE}-1` } },
        { op: 'ListArchives', params: { NamePrefix: ARCHIVE }, snapshot: 'list-archives-with-name-prefix' },
        { op: 'ListArchives', params: { NamePrefix: `${ARCHIVE}-1` }, snapshot: 'list-archives-with-full-name' },
        { op: 'ListArchives', params: { NamePrefix: 'doesnotexist' }, snapshot: 'list-archives-not-existing-archive' },
        { op: 'DeleteArchive', params: { ArchiveName: `${ARCHIVE}-1` } },
      ],
    },
    {
      test: 'TestArchive::test_list_archive_with_source_arn',
      steps: (kind) => [
        ...bus(kind),
        create(),
        { op: 'ListArchives', params: { EventSourceArn: '{{busArn}}' }, snapshot: 'list-archives-with-source-arn' },
        { op: 'DeleteArchive', params: { ArchiveName: ARCHIVE } },
      ],
      unportedVariants: { default: "lists every archive of the default bus, which other scenarios replayed alongside share" },
    },
    {
      test: 'TestReplay::test_list_replays_with_prefix',
      steps: [
        ...customBusArchive,
        replayNow('{{suffix}}-test-replay'),
        replayCompleted('{{suffix}}-test-replay'),
        replayNow('x{{suffix}}-this-replay-should-not-be-listed'),
        { op: 'ListReplays', params: { NamePrefix: '{{suffix}}-test-replay' }, snapshot: 'list-replays-with-full-name' },
        { op: 'ListReplays', params: { NamePrefix: '{{suffix}}' }, snapshot: 'list-replays-with-prefix' },
        { op: 'DeleteArchive', params: { ArchiveName: ARCHIVE } },
      ],
    },
    {
      test: 'TestReplay::test_list_replays_with_event_source_arn',
      steps: [
        ...customBusArchive,
        replayNow('test-replay-{{suffix}}'),
        replayCompleted('test-replay-{{suffix}}'),
        { op: 'ListReplays', params: { EventSourceArn: '{{archiveArn}}' }, snapshot: 'list-replays-with-event-source-arn' },
        { op: 'DeleteArchive', params: { ArchiveName: ARCHIVE } },
      ],
    },
    {
      test: 'TestReplay::test_list_replay_with_limit',
      steps: [
        ...customBusArchive,
        ...Array.from({ length: 6 }, (_, i) => [replayNow(`{{suffix}}-test-replay-${i}`, { Description: 'description of the replay' }), replayCompleted(`{{suffix}}-test-replay-${i}`)]).flat(),
        { op: 'ListReplays', params: { Limit: 3, NamePrefix: '{{suffix}}' }, snapshot: 'list-replays-with-limit', capture: { nextToken: '$.NextToken' } },
        { op: 'ListReplays', params: { Limit: 5, NextToken: '{{nextToken}}', NamePrefix: '{{suffix}}' }, snapshot: 'list-replays-with-limit-next-token' },
        { op: 'DeleteArchive', params: { ArchiveName: ARCHIVE } },
      ],
    },
    {
      test: 'TestReplay::test_start_replay_error_duplicate_different_archive',
      steps: [
        { op: 'CreateEventBus', params: { Name: 'test-bus-one-{{suffix}}' }, capture: { busOneArn: '$.EventBusArn' } },
        { ...archiveOn('{{busOneArn}}'), params: { ArchiveName: 'archive-one-{{suffix}}', EventSourceArn: '{{busOneArn}}', RetentionDays: 1 }, capture: { archiveOneArn: '$.ArchiveArn' } },
        { op: 'CreateEventBus', params: { Name: 'test-bus-two-{{suffix}}' }, capture: { busTwoArn: '$.EventBusArn' } },
        { ...archiveOn('{{busTwoArn}}'), params: { ArchiveName: 'archive-two-{{suffix}}', EventSourceArn: '{{busTwoArn}}', RetentionDays: 1 }, capture: { archiveTwoArn: '$.ArchiveArn' } },
        ...['One', 'Two'].map(
          (n, i): SourceStep => ({
            op: 'StartReplay',
            params: {
              ReplayName: 'test-replay-{{suffix}}',
              Description: 'description of the replay',
              EventSourceArn: `{{archive${n}Arn}}`,
              EventStartTime: now(-60),
              EventEndTime: now(),
              Destination: { Arn: `{{bus${n}Arn}}` },
            },
            ...(i === 1 ? { snapshot: 'start-replay-duplicate-error' } : {}),
          }),
        ),
        { op: 'DeleteArchive', params: { ArchiveName: 'archive-one-{{suffix}}' } },
        { op: 'DeleteArchive', params: { ArchiveName: 'archive-two-{{suffix}}' } },
      ],
    },
    {
      test: 'TestReplay::test_describe_replay_error_unknown_replay',
      steps: [{ op: 'DescribeReplay', params: { ReplayName: 'doesnotexist-{{suffix}}' }, snapshot: 'describe-replay-unknown-replay-error' }],
    },
  ],
  notPorted: {
    test_list_archive_with_events: 'counts and sizes of events archived by AWS while the test polled; archive sizes are AWS-internal',
    test_start_list_describe_canceled_replay: 'replays events archived on AWS time and collects them from SQS',
    test_list_archive_state_enabled: "lists every enabled archive of the account, which other scenarios replayed alongside share (the test's account had only its own)",
    tests_concurrency_error_too_many_active_replays:
      'needs ten replays still active at once: AWS takes minutes over a replay (the tests wait up to 350 s), twinstack ends one as soon as its events are sent',
  },
};

export default source;
