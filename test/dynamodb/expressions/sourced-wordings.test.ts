/**
 * Error wordings traced to real DynamoDB output, through the AWS SDK v3 client over HTTP. Each case names its source:
 * a real response quoted in a public issue, or a test suite that runs against real DynamoDB (dynalite's test/*.js with
 * REMOTE=1, scylladb's test/alternator, paritysuite/dynamodb-conformance "pinned against real AWS").
 */
import {
  ExecuteStatementCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  UpdateItemCommand,
  type Condition,
  type ExpectedAttributeValue,
} from '@aws-sdk/client-dynamodb';
import { rejectsWith, useDynamo } from '../support.ts';
import { keyedTable } from './helpers.ts';

describe('DynamoDB error wordings traced to real AWS output', function () {
  const t = useDynamo();
  const TableName = 'wordings';
  const Key = { pk: { S: 'p' }, sk: { N: '1' } };
  const rejects = (call: Promise<unknown>, message: string) => rejectsWith(call, 'ValidationException', message);

  before(async () => {
    await t.ddb.send(
      keyedTable(TableName, 'S', 'N'),
    );
    await t.ddb.send(new PutItemCommand({ TableName, Item: { ...Key, tags: { SS: ['a'] }, n: { N: '1' } } }));
  });

  const update = (UpdateExpression: string, values: Record<string, unknown>) =>
    t.ddb.send(new UpdateItemCommand({ TableName, Key, UpdateExpression, ExpressionAttributeValues: values as never }));
  const query = (KeyConditionExpression: string) =>
    t.ddb.send(
      new QueryCommand({
        TableName,
        KeyConditionExpression,
        ExpressionAttributeValues: { ':p': { S: 'p' }, ':a': { N: '1' }, ':b': { N: '2' } },
      }),
    );

  it('misused functions (dynalite test/scan.js; scylladb test_update_expression.py quotes the list_append response)', async () => {
    await rejects(
      t.ddb.send(new ScanCommand({ TableName, FilterExpression: 'size(tags)' })),
      'Invalid FilterExpression: The function is not allowed to be used this way in an expression; function: size',
    );
    await rejects(
      t.ddb.send(new ScanCommand({ TableName, FilterExpression: 'attribute_not_exists(tags) > n' })),
      'Invalid FilterExpression: The function is not allowed to be used this way in an expression; function: attribute_not_exists',
    );
    await rejects(
      update('SET l = list_append(list_append(:a, :b), :c)', { ':a': { L: [] }, ':b': { L: [] }, ':c': { L: [] } }),
      'Invalid UpdateExpression: The function is not allowed to be used this way in an expression; function: list_append',
    );
  });

  it('update functions in a condition (phrase quoted from live calls; the "; function:" tail follows its family)', async () => {
    await rejects(
      t.ddb.send(new PutItemCommand({ TableName, Item: Key, ConditionExpression: 'n = if_not_exists(n, :z)', ExpressionAttributeValues: { ':z': { N: '0' } } })),
      'Invalid ConditionExpression: The function is not allowed in a condition expression; function: if_not_exists',
    );
  });

  it('arithmetic operand types and indexed paths in overlaps (dynalite test/updateItem.js)', async () => {
    await rejects(
      update('SET n = n + :s', { ':s': { S: 'a' } }),
      'Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: +, operand type: S',
    );
    await rejects(
      update('SET c[1].a = :v, c = :v', { ':v': { S: 'a' } }),
      'Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [c, [1], a], path two: [c]',
    );
  });

  it('key condition checks', async () => {
    // paritysuite/dynamodb-conformance queryKeyConditionOperands.test.ts (pinned against real AWS, October 2026)
    await rejects(query('pk = :p AND sk > :a AND sk < :b'), 'Invalid KeyConditionExpression: KeyConditionExpressions must only contain one condition per key');
    await rejects(
      query('pk = :p AND sk > :a AND extra = :b'),
      'The number of query conditions (3) exceeds the number of key attributes defined in the schema (2)',
    );
    // no "Invalid KeyConditionExpression" prefix in real responses: aws-athena-query-federation#746 (OR), ServiceStack.Aws#5 (IN)
    await rejects(query('pk = :p OR sk = :a'), 'Invalid operator used in KeyConditionExpression: OR');
    await rejects(query('pk = :p AND sk IN (:a, :b)'), 'Invalid operator used in KeyConditionExpression: IN');
    // dynalite test/query.js
    await rejects(query('pk = :p AND attribute_exists(sk)'), 'Invalid operator used in KeyConditionExpression: attribute_exists');
    await rejects(query('pk = :p AND sk > pk'), 'Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition');
    await rejects(query('pk = :p AND size(sk) > :a'), 'KeyConditionExpressions cannot contain nested operations');
    await rejects(query('pk = :p AND sk.x > :a'), 'KeyConditionExpressions cannot have conditions on nested attributes');
    await rejects(query('pk = :p AND :a < :b'), 'Invalid condition in KeyConditionExpression: No key attribute specified');
    await rejects(
      query('pk = :p AND :a BETWEEN sk AND :b'),
      'Invalid condition in KeyConditionExpression: BETWEEN operator must have the key attribute as its first operand',
    );
    const eq: Condition = { ComparisonOperator: 'EQ', AttributeValueList: [{ S: 'p' }] };
    await rejects(
      t.ddb.send(new QueryCommand({ TableName, KeyConditions: { pk: eq, sk: eq, x: eq } })),
      'Conditions can be of length 1 or 2 only',
    );
  });

  it('legacy Expected checks (dynalite test/putItem.js)', async () => {
    const put = (expected: ExpectedAttributeValue) =>
      t.ddb.send(new PutItemCommand({ TableName, Item: Key, Expected: { a: expected } }));
    const invalid = 'One or more parameter values were invalid: ';
    await rejects(put({}), `${invalid}Value must be provided when Exists is null for Attribute: a`);
    await rejects(put({ Exists: true }), `${invalid}Value must be provided when Exists is true for Attribute: a`);
    await rejects(put({ Exists: false, Value: { S: 'a' } }), `${invalid}Value cannot be used when Exists is false for Attribute: a`);
    await rejects(
      put({ ComparisonOperator: 'LT' }),
      `${invalid}Value or AttributeValueList must be used with ComparisonOperator: LT for Attribute: a`,
    );
    await rejects(
      put({ Exists: true, ComparisonOperator: 'LT' }),
      `${invalid}Exists and ComparisonOperator cannot be used together for Attribute: a`,
    );
    await rejects(
      put({ ComparisonOperator: 'LT', Value: { S: 'a' }, AttributeValueList: [{ S: 'a' }] }),
      `${invalid}Value and AttributeValueList cannot be used together for Attribute: a`,
    );
    await rejects(
      put({ Exists: true, AttributeValueList: [{ S: 'a' }] }),
      `${invalid}AttributeValueList can only be used with a ComparisonOperator for Attribute: a`,
    );
    // A Value with a ComparisonOperator is its one argument: the put goes through
    await t.ddb.send(new PutItemCommand({ TableName, Item: { ...Key, sk: { N: '2' } }, Expected: { a: { ComparisonOperator: 'NULL' } } }));
    await rejects(
      put({ ComparisonOperator: 'NULL', Value: { S: 'a' } }),
      `${invalid}Invalid number of argument(s) for the NULL ComparisonOperator`,
    );
  });

  it('legacy AttributeUpdates checks (dynalite test/updateItem.js)', async () => {
    const attributeUpdates = (AttributeUpdates: NonNullable<ConstructorParameters<typeof UpdateItemCommand>[0]['AttributeUpdates']>) =>
      t.ddb.send(new UpdateItemCommand({ TableName, Key, AttributeUpdates }));
    await rejects(
      attributeUpdates({ x: { Action: 'ADD', Value: { S: '1' } } }),
      'One or more parameter values were invalid: ADD action is not supported for the type S',
    );
    await rejects(
      attributeUpdates({ x: { Action: 'DELETE', Value: { N: '1' } } }),
      'One or more parameter values were invalid: DELETE action with value is not supported for the type N',
    );
    await rejects(attributeUpdates({ tags: { Action: 'ADD', Value: { NS: ['1'] } } }), 'Type mismatch for attribute to update');
    await rejects(attributeUpdates({ n: { Action: 'DELETE', Value: { NS: ['1'] } } }), 'Type mismatch for attribute to update');
  });

  it('duplicate set members, worded per set type', async () => {
    // a real response in dynamoose/dynamoose#79; dynalite test/updateItem.js
    await rejects(
      update('SET ns = :n', { ':n': { NS: ['1', '1.0'] } }),
      'ExpressionAttributeValues contains invalid value: Input collection contains duplicates for key :n',
    );
    // dynalite test/updateItem.js (the missing space is AWS's)
    await rejects(
      update('SET bs = :b', { ':b': { BS: [Buffer.from('b'), Buffer.from('b')] } }),
      'ExpressionAttributeValues contains invalid value: One or more parameter values were invalid: Input collection [Yg==, Yg==]of type BS contains duplicates. for key :b',
    );
  });

  it('PartiQL statement errors', async () => {
    const execute = (Statement: string) => t.ddb.send(new ExecuteStatementCommand({ Statement }));
    const malformed = "Statement wasn't well formed, can't be processed: ";
    // a real response in awsdocs/aws-sdk-for-javascript-v3#98; the trigger per nubo-db/dynoxide#149 (checked on real DynamoDB)
    await rejects(execute(`SELEC * FROM "${TableName}"`), `${malformed}Expected data manipulation`);
    // paritysuite/dynamodb-conformance tests/tier3/error-messages/partiqlGrammar.test.ts and partiqlFunctions.test.ts
    await rejects(execute(`SELECT * FROM "${TableName}" WHERE pk = 'p' foo`), `${malformed}Unexpected token after expression`);
    await rejects(execute(`SELECT * FROM "${TableName}" t WHERE pk = 'p'`), 'Aliasing is not supported');
    await rejects(execute(`UPDATE "${TableName}" SET tags = set_add(tags, <<>>) WHERE pk = 'p' AND sk = 1`), 'Empty bags are not supported');
    await rejects(
      execute(`UPDATE "${TableName}" SET tags = set_add(tags, <<'x', 'x'>>) WHERE pk = 'p' AND sk = 1`),
      'One or more parameter values were invalid: Input collection [x, x] contains duplicates.',
    );
  });
});
