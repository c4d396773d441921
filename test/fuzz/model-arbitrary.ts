import fc from 'fast-check';
import type { Shape, ServiceModel } from '../../emulator/models/types.ts';

/**
 * fast-check arbitraries for an operation's input, driven by the service's botocore model: mostly well-typed values
 * (so requests reach the services' own checks), with hostile names, extreme numbers, over-long strings and now and
 * then a value of the wrong type. Member names that address resources draw from the fixtures, so that requests hit
 * existing queues, tables and streams rather than only missing ones.
 */

/** Names that are properties of every JavaScript object. */
export const BUILT_IN_NAMES = ['__proto__', 'constructor', 'hasOwnProperty', 'toString', 'valueOf', 'prototype'];

export interface Fixtures {
  /** Values for members whose name matches, e.g. /QueueUrl/ -> the fixture queues' URLs. */
  byMemberName: [RegExp, string[]][];
}

const HOSTILE_STRINGS = [
  '',
  ' ',
  ...BUILT_IN_NAMES,
  'a'.repeat(300),
  'x'.repeat(70_000),
  '\u0000',
  '\ud800',
  '💥',
  '..',
  '.*',
  'All',
  'arn:aws:iam::123456789012:root',
  '{"Statement":[{"Effect":"Allow","Principal":"*","Action":"*"}]}',
  '{',
  '-1',
  '1e400',
  'NaN',
];

const EXTREME_NUMBERS = [0, -1, 1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, 1e308, -1e308, 0.5, 86_400, 43_201];

const MAX_DEPTH = 4;

/** A value of another type than the model says. */
function wrongType(): fc.Arbitrary<unknown> {
  return fc.constantFrom<unknown>(null, 'text', 7, true, [], {}, [null]);
}

/**
 * Friendly values stay within the model (enums, fixtures, numbers in range, the right types) so that requests get past
 * validation into the services' state changes; hostile ones do not.
 */
export interface Mode {
  fixtures: Fixtures;
  hostile: boolean;
}

function stringFor(shape: Shape, memberName: string, { fixtures, hostile }: Mode): fc.Arbitrary<string> {
  const choices: [number, fc.Arbitrary<string>][] = hostile
    ? [
        [2, fc.string({ maxLength: 24 })],
        [2, fc.constantFrom(...HOSTILE_STRINGS)],
      ]
    : [];
  if (shape.enum?.length) choices.push([8, fc.constantFrom(...shape.enum)]);
  for (const [pattern, values] of fixtures.byMemberName) if (pattern.test(memberName) && values.length) choices.push([12, fc.constantFrom(...values)]);
  if (!shape.enum?.length) choices.push([3, fc.stringMatching(/^[A-Za-z0-9_.-]{1,20}$/)]);
  return fc.oneof(...choices.map(([weight, arbitrary]) => ({ weight, arbitrary })));
}

function numberFor(shape: Shape, hostile: boolean): fc.Arbitrary<number> {
  const integer = shape.type === 'integer' || shape.type === 'long';
  if (!hostile) {
    const min = shape.min ?? 0;
    return fc.integer({ min, max: Math.max(min, Math.min(shape.max ?? 10, min + 10)) });
  }
  return fc.oneof(
    { weight: 5, arbitrary: fc.integer({ min: shape.min ?? -5, max: Math.min(shape.max ?? 100, 2 ** 31 - 1) }) },
    { weight: 2, arbitrary: fc.constantFrom(...EXTREME_NUMBERS) },
    { weight: integer ? 0 : 2, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  );
}

export function shapeArbitrary(model: ServiceModel, shapeName: string, memberName: string, mode: Mode, depth = 0): fc.Arbitrary<unknown> {
  const shape = model.shapes[shapeName];
  const typed = typedArbitrary(model, shape, memberName, mode, depth);
  return mode.hostile ? fc.oneof({ weight: 30, arbitrary: typed }, { weight: 1, arbitrary: wrongType() }) : typed;
}

function typedArbitrary(model: ServiceModel, shape: Shape, memberName: string, mode: Mode, depth: number): fc.Arbitrary<unknown> {
  switch (shape.type) {
    case 'structure': {
      if (depth >= MAX_DEPTH) return fc.constant({});
      const members = Object.entries(shape.members ?? {}).filter(([, ref]) => !model.shapes[ref.shape].eventstream);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, ref] of members) record[name] = shapeArbitrary(model, ref.shape, name, mode, depth + 1);
      const required = new Set(shape.required ?? []);
      // Unions (DynamoDB AttributeValue) carry one member; structures their required members and some optional ones.
      if (shape.union) return fc.oneof(...members.map(([name]) => record[name].map((v) => ({ [name]: v }))));
      const structure = fc.record(record, { requiredKeys: [...required].filter((k) => Object.hasOwn(record, k)) });
      if (!mode.hostile) return structure;
      // Now and then a member the model does not have, named like a property of every JavaScript object.
      const extra = fc.option(fc.tuple(fc.constantFrom(...BUILT_IN_NAMES), wrongType()), { freq: 4 });
      return fc.tuple(structure, extra).map(([value, entry]) => (entry ? Object.defineProperty(value, entry[0], { value: entry[1], enumerable: true, writable: true, configurable: true }) : value));
    }
    case 'list': {
      if (depth >= MAX_DEPTH) return fc.constant([]);
      const item = shapeArbitrary(model, shape.member!.shape, memberName, mode, depth + 1);
      return fc.array(item, { maxLength: shape.max !== undefined && shape.max <= 12 ? shape.max + 1 : 5 });
    }
    case 'map': {
      if (depth >= MAX_DEPTH) return fc.constant({});
      const keyString = stringFor(model.shapes[shape.key!.shape], memberName, mode);
      const key = mode.hostile ? fc.oneof(keyString, fc.constantFrom(...BUILT_IN_NAMES)) : keyString;
      const value = shapeArbitrary(model, shape.value!.shape, memberName, mode, depth + 1);
      return fc.array(fc.tuple(key, value), { maxLength: 4 }).map((entries) => Object.fromEntries(entries));
    }
    case 'string':
      return stringFor(shape, memberName, mode);
    case 'integer':
    case 'long':
    case 'float':
    case 'double':
    case 'bigdecimal':
      return numberFor(shape, mode.hostile);
    case 'boolean':
      return fc.boolean();
    case 'blob':
      if (!mode.hostile) return fc.uint8Array({ minLength: 1, maxLength: 64 });
      return fc.oneof(fc.uint8Array({ maxLength: 64 }), fc.constantFrom(new Uint8Array(0), new Uint8Array(1_100_000)));
    case 'timestamp':
      if (!mode.hostile) return fc.integer({ min: 1_700_000_000, max: 1_800_000_000 });
      return fc.oneof(fc.integer({ min: 0, max: 4_102_444_800 }), fc.constantFrom(-1, 1e15, 'yesterday', '2024-01-01T00:00:00Z'));
    default:
      return fc.constant(null);
  }
}
