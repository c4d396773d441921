/**
 * Value semantics. Expectations come from the AWS docs: "Supported data types and naming rules" (38 digits,
 * 1E-130..9.9999E+125, leading/trailing zeros trimmed), "DynamoDB item sizes and formats" (size formulas),
 * "Comparison operator and function reference" (S by UTF-8 bytes, B unsigned).
 */
import assert from 'node:assert/strict';
import {
  compareValues,
  itemSize,
  normalizeItem,
  normalizeNumber,
  validateAttributeValue,
  valuesEqual,
} from '../../../emulator/services/dynamodb/expressions/index.ts';
import { B, N, S, throwsValidation } from './helpers.ts';

describe('DynamoDB expressions: numbers', () => {
  it('normalises numbers the way DynamoDB returns them', () => {
    assert.equal(normalizeNumber('1.50'), '1.5');
    assert.equal(normalizeNumber('-0'), '0');
    assert.equal(normalizeNumber('0.000'), '0');
    assert.equal(normalizeNumber('1E2'), '100');
    assert.equal(normalizeNumber('+007'), '7');
    assert.equal(normalizeNumber('-12.340e-2'), '-0.1234');
    assert.equal(normalizeNumber('.5'), '0.5');
  });

  it('accepts 38 significant digits and the documented range limits', () => {
    assert.equal(normalizeNumber('1' + '0'.repeat(36) + '1'), '1' + '0'.repeat(36) + '1');
    assert.equal(normalizeNumber('1E-130'), '0.' + '0'.repeat(129) + '1');
    assert.equal(normalizeNumber('9.9999999999999999999999999999999999999E+125').length, 126);
    // trailing zeros are not significant
    assert.equal(normalizeNumber('1' + '0'.repeat(60)), '1' + '0'.repeat(60));
  });

  it('rejects unstorable numbers with AWS messages', () => {
    throwsValidation(() => normalizeNumber('1' + '0'.repeat(37) + '1'), 'Attempting to store more than 38 significant digits in a Number');
    throwsValidation(() => normalizeNumber('1E126'), 'Number overflow. Attempting to store a number with magnitude larger than supported range');
    throwsValidation(() => normalizeNumber('1E-131'), 'Number underflow. Attempting to store a number with magnitude smaller than supported range');
    for (const bad of ['abc', '', '1.2.3', '--1', '1e', 'NaN', 'Infinity', ' 1']) {
      throwsValidation(() => normalizeNumber(bad), 'A value provided cannot be converted into a number');
    }
  });

  it('normalises numbers nested in items', () => {
    assert.deepEqual(normalizeItem({ a: N('1.0'), s: { NS: ['2.50', '3'] }, m: { M: { l: { L: [N('-0')] } } } }), {
      a: N('1'),
      s: { NS: ['2.5', '3'] },
      m: { M: { l: { L: [N('0')] } } },
    });
  });
});

describe('DynamoDB expressions: ordering and equality', () => {
  it('orders numbers exactly, beyond double precision', () => {
    assert.equal(compareValues(N('10'), N('9')), 1);
    assert.equal(compareValues(N('-10'), N('-9')), -1);
    assert.equal(compareValues(N('1.5'), N('1.50')), 0);
    assert.equal(compareValues(N('12345678901234567890123456789012345678'), N('12345678901234567890123456789012345677')), 1);
    assert.equal(compareValues(N('0.1'), N('1E-1')), 0);
    assert.equal(compareValues(N('-0.001'), N('0')), -1);
  });

  it('orders integers in DynamoDB\'s form as their values order, whatever their signs and lengths', () => {
    const integers = ['0', '1', '-1', '9', '-9', '10', '-10', '99', '100', '-100', '123456789012345678901234567890', '-123456789012345678901234567890'];
    for (const a of integers) {
      for (const b of integers) {
        const expected = BigInt(a) === BigInt(b) ? 0 : BigInt(a) < BigInt(b) ? -1 : 1;
        assert.equal(compareValues(N(a), N(b)), expected, `${a} vs ${b}`);
        // Against a number that is not an integer in that form, the same order.
        const twiceHalf = 2n * BigInt(b) + (b.startsWith('-') ? -1n : 1n);
        assert.equal(compareValues(N(a), N(`${b}.5`)), 2n * BigInt(a) < twiceHalf ? -1 : 1, `${a} vs ${b}.5`);
      }
    }
  });

  it('orders strings by UTF-8 bytes (astral characters after every BMP character)', () => {
    assert.equal(compareValues(S('a'), S('b')), -1);
    assert.equal(compareValues(S('B'), S('a')), -1);
    assert.equal(compareValues(S('ab'), S('a')), 1);
    // U+FFFD (EF BF BD) < U+1F600 (F0 9F 98 80) in UTF-8, though its UTF-16 code unit is larger
    assert.equal(compareValues(S('\uFFFD'), S('😀')), -1);
  });

  it('orders binaries as unsigned bytes', () => {
    assert.equal(compareValues(B([0x7f]), B([0x80])), -1);
    assert.equal(compareValues(B([0xff]), B([0x00, 0x00])), 1);
    assert.equal(compareValues(B([1, 2]), B([1, 2])), 0);
  });

  it('does not order values of different types', () => {
    assert.ok(Number.isNaN(compareValues(S('1'), N('1'))));
    assert.ok(Number.isNaN(compareValues({ SS: ['a'] }, { SS: ['a'] })));
  });

  it('compares sets regardless of order and numbers by value', () => {
    assert.ok(valuesEqual({ SS: ['a', 'b'] }, { SS: ['b', 'a'] }));
    assert.ok(valuesEqual({ NS: ['1', '2.0'] }, { NS: ['2', '1'] }));
    assert.ok(!valuesEqual({ L: [S('a'), S('b')] }, { L: [S('b'), S('a')] }));
    assert.ok(valuesEqual({ M: { a: N('1'), b: { L: [] } } }, { M: { b: { L: [] }, a: N('1.0') } }));
    assert.ok(!valuesEqual({ M: { a: N('1') } }, { M: { a: N('1'), b: N('2') } }));
  });
});

describe('DynamoDB expressions: item size', () => {
  it('counts names and values as the "Item sizes and formats" page describes', () => {
    assert.equal(itemSize({ name: S('héllo') }), 4 + 6);
    assert.equal(itemSize({ n: N('123.45') }), 1 + Math.ceil(5 / 2) + 1);
    assert.equal(itemSize({ n: N('-0.0012000') }), 1 + 1 + 1); // significant digits "12"
    assert.equal(itemSize({ b: B([1, 2, 3]) }), 1 + 3);
    assert.equal(itemSize({ t: { BOOL: true }, z: { NULL: true } }), 2 + 2);
    assert.equal(itemSize({ l: { L: [] }, m: { M: {} } }), 1 + 3 + 1 + 3);
    assert.equal(itemSize({ l: { L: [S('ab'), N('1')] } }), 1 + 3 + (2 + 1) + (2 + 1));
    assert.equal(itemSize({ m: { M: { key: S('v') } } }), 1 + 3 + (3 + 1 + 1));
    assert.equal(itemSize({ ss: { SS: ['a', 'bc'] }, ns: { NS: ['1', '22'] } }), 2 + 3 + 2 + 4);
  });
});

describe('DynamoDB expressions: value validation', () => {
  it('rejects malformed attribute values', () => {
    throwsValidation(() => validateAttributeValue({} as never, 'a'), 'Supplied AttributeValue is empty, must contain exactly one of the supported datatypes');
    throwsValidation(
      () => validateAttributeValue({ S: 'a', N: '1' } as never, 'a'),
      'Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes',
    );
    throwsValidation(() => validateAttributeValue({ SS: [] }, 'a'), 'One or more parameter values were invalid: An string set  may not be empty');
    throwsValidation(() => validateAttributeValue({ NS: [] }, 'a'), 'One or more parameter values were invalid: An number set  may not be empty');
    throwsValidation(() => validateAttributeValue({ BS: [] }, 'a'), 'One or more parameter values were invalid: Binary sets should not be empty');
    throwsValidation(
      () => validateAttributeValue({ SS: ['a', 'a'] }, 'a'),
      'One or more parameter values were invalid: Input collection [a, a] contains duplicates.',
    );
    throwsValidation(() => validateAttributeValue({ NULL: false }, 'a'), 'One or more parameter values were invalid: Null attribute value types must have the value of true');
    throwsValidation(() => validateAttributeValue({ L: [{ N: 'x' }] }, 'a'), 'A value provided cannot be converted into a number');
  });

  it('limits nesting to 32 levels', () => {
    let deep = S('x');
    for (let i = 0; i < 32; i++) deep = { L: [deep] };
    throwsValidation(() => validateAttributeValue(deep, 'a'), 'Nesting Levels have exceeded supported limits');
    validateAttributeValue((deep.L as never[])[0], 'a');
  });

  it('wraps ExpressionAttributeValues errors with the key', () => {
    throwsValidation(
      () => validateAttributeValue({ NS: [] }, ':v'),
      'ExpressionAttributeValues contains invalid value: One or more parameter values were invalid: An number set  may not be empty for key :v',
    );
  });
});
