/**
 * PartiQL number literals and deep nesting. The number messages are AWS's, pinned against real AWS by
 * paritysuite/dynamodb-conformance (tests/tier3/error-messages/partiqlGrammar.test.ts): a literal that breaks
 * DynamoDB's number rules names its place in the value, one that Java's BigDecimal cannot read (exponent or scale
 * beyond 32 bits) leaves the statement "not well formed" with nothing after the colon. Parameters keep the plain
 * number messages (same suite, partiqlParameterNumbers.test.ts).
 */
import assert from 'node:assert/strict';
import { CreateTableCommand, ExecuteStatementCommand } from '@aws-sdk/client-dynamodb';
import { AwsError } from '../../../emulator/core/errors.ts';
import { parseStatement } from '../../../emulator/services/dynamodb/partiql/index.ts';
import { rejectsWith, useDynamo } from '../support.ts';

const T = 'partiql-numbers';
const NOT_WELL_FORMED = "Statement wasn't well formed, can't be processed: ";
const OVERFLOW = 'Number overflow. Attempting to store a number with magnitude larger than supported range';
const UNDERFLOW = 'Number underflow. Attempting to store a number with magnitude smaller than supported range';
const DIGITS = 'Attempting to store more than 38 significant digits in a Number';

describe('DynamoDB PartiQL number literals through the AWS SDK', function () {
  const ctx = useDynamo();
  const refuses = (Statement: string, message: string, Parameters?: { N: string }[]) =>
    rejectsWith(ctx.ddb.send(new ExecuteStatementCommand({ Statement, Parameters })), 'ValidationException', message);

  before(async () => {
    await ctx.ddb.send(
      new CreateTableCommand({
        TableName: T,
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'N' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
  });

  it('appends " under root" to the number errors of a literal', async () => {
    await refuses(`SELECT * FROM "${T}" WHERE pk = 1e126`, `${OVERFLOW} under root`);
    await refuses(`SELECT * FROM "${T}" WHERE pk = 1e-131`, `${UNDERFLOW} under root`);
    await refuses(`SELECT * FROM "${T}" WHERE pk = 123456789012345678901234567890123456789`, `${DIGITS} under root`);
    await refuses(`INSERT INTO "${T}" VALUE {'pk': 1e126}`, `${OVERFLOW} under root`);
    await refuses(`UPDATE "${T}" SET a = 1e-131 WHERE pk = 970005`, `${UNDERFLOW} under root`);
  });

  it('names the place of a literal inside a map or a list', async () => {
    await refuses(`INSERT INTO "${T}" VALUE {'pk': 970006, 'm': {'x': 1e126}}`, `${OVERFLOW} under root.x`);
    await refuses(`INSERT INTO "${T}" VALUE {'pk': 970007, 'l': [1, 1e126]}`, `${OVERFLOW} under root[1]`);
  });

  it('leaves nothing after the colon for an exponent or scale beyond 32 bits', async () => {
    await refuses(`SELECT * FROM "${T}" WHERE pk = 1e2147483648`, NOT_WELL_FORMED);
    await refuses(`SELECT * FROM "${T}" WHERE pk = 1e99999999999`, NOT_WELL_FORMED);
    await refuses(`SELECT * FROM "${T}" WHERE pk = 1.5e-2147483647`, NOT_WELL_FORMED);
  });

  it('keeps the plain message for a parameter', async () => {
    await refuses(`SELECT * FROM "${T}" WHERE pk = ?`, UNDERFLOW, [{ N: '1e-131' }]);
  });
});

describe('DynamoDB PartiQL parser: nesting', () => {
  // AWS's answer to such statements is unknown; ours is a ValidationException rather than an exhausted stack
  const deep = [
    `SELECT * FROM "t" WHERE ${'('.repeat(4000)}a = 1${')'.repeat(4000)}`,
    `SELECT * FROM "t" WHERE ${'NOT '.repeat(2000)}a = 1`,
    `INSERT INTO "t" VALUE {'pk': ${'['.repeat(4000)}1${']'.repeat(4000)}}`,
    `INSERT INTO "t" VALUE {'pk': ${"{'m': ".repeat(1500)}1${'}'.repeat(1500)}}`,
  ];
  it('refuses statements nested too deeply with a ValidationException', () => {
    for (const statement of deep) {
      assert.throws(
        () => parseStatement(statement),
        (error: unknown) =>
          error instanceof AwsError &&
          error.code === 'ValidationException' &&
          error.message === `${NOT_WELL_FORMED}The statement has too many nesting levels`,
      );
    }
  });

  it('parses ordinary nesting', () => {
    const statement = parseStatement(`SELECT * FROM "t" WHERE ${'('.repeat(100)}a = 1${')'.repeat(100)}`);
    assert.equal(statement.kind, 'select');
  });
});
