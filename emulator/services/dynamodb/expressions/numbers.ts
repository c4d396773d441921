/**
 * DynamoDB numbers: exact decimals with up to 38 significant digits and magnitudes from 1E-130 to
 * 9.9999999999999999999999999999999999999E+125 (AWS docs, "Supported data types and naming rules"). Kept as
 * coefficient digits and a base-10 exponent so comparisons and arithmetic are exact.
 */
import { AwsError } from '../../../core/errors.ts';

export interface Decimal {
  negative: boolean;
  /** Significant digits without leading or trailing zeros; '' for zero. */
  digits: string;
  /** value = digits × 10^exponent */
  exponent: number;
}

const NUMBER_PATTERN = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
const MAX_DIGITS = 38;
const MAX_ADJUSTED_EXPONENT = 125;
const MIN_ADJUSTED_EXPONENT = -130;

const validation = (message: string) => new AwsError('ValidationException', message, { status: 400 });

export const NumberErrors = {
  notANumber: () => validation('A value provided cannot be converted into a number'),
  tooPrecise: () => validation('Attempting to store more than 38 significant digits in a Number'),
  overflow: () => validation('Number overflow. Attempting to store a number with magnitude larger than supported range'),
  underflow: () =>
    validation('Number underflow. Attempting to store a number with magnitude smaller than supported range'),
};

/** Parses and range-checks a DynamoDB number string; throws AWS's ValidationException when it is not storable. */
export function parseDecimal(text: string): Decimal {
  const match = NUMBER_PATTERN.exec(text);
  if (!match || (match[2] === '' && (match[3] === undefined || match[3] === ''))) throw NumberErrors.notANumber();
  const fraction = match[3] ?? '';
  const exponentPart = match[4] === undefined ? 0 : Number(match[4]);
  return checkRange(normalize(match[1] === '-', match[2] + fraction, exponentPart - fraction.length));
}

function normalize(negative: boolean, rawDigits: string, exponent: number): Decimal {
  let start = 0;
  while (start < rawDigits.length && rawDigits.charCodeAt(start) === 48) start++;
  let end = rawDigits.length;
  while (end > start && rawDigits.charCodeAt(end - 1) === 48) end--;
  if (start === end) return { negative: false, digits: '', exponent: 0 };
  return { negative, digits: rawDigits.slice(start, end), exponent: exponent + (rawDigits.length - end) };
}

function checkRange(value: Decimal): Decimal {
  if (value.digits === '') return value;
  if (value.digits.length > MAX_DIGITS) throw NumberErrors.tooPrecise();
  const adjusted = value.exponent + value.digits.length - 1;
  if (adjusted > MAX_ADJUSTED_EXPONENT) throw NumberErrors.overflow();
  if (adjusted < MIN_ADJUSTED_EXPONENT) throw NumberErrors.underflow();
  return value;
}

/** DynamoDB returns numbers in plain notation without superfluous zeros: "1.50" → "1.5", "1E2" → "100", "-0" → "0". */
export function formatDecimal(value: Decimal): string {
  if (value.digits === '') return '0';
  const sign = value.negative ? '-' : '';
  if (value.exponent >= 0) return sign + value.digits + '0'.repeat(value.exponent);
  const point = value.digits.length + value.exponent;
  if (point > 0) return sign + value.digits.slice(0, point) + '.' + value.digits.slice(point);
  return sign + '0.' + '0'.repeat(-point) + value.digits;
}

/**
 * Whether `text` is an integer of at most 38 digits already in DynamoDB's form ("0", "42", "-7": no "+", no leading
 * zeros, no "-0"): most numbers clients send, which then need no parsing to be checked, normalized or measured.
 */
function isPlainInteger(text: string): boolean {
  const start = text.charCodeAt(0) === 45 ? 1 : 0;
  const digits = text.length - start;
  if (digits < 1 || digits > MAX_DIGITS) return false;
  const first = text.charCodeAt(start);
  if (first < 49 || first > 57) return text === '0';
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

export function normalizeNumber(text: string): string {
  return isPlainInteger(text) ? text : formatDecimal(parseDecimal(text));
}

export function compareDecimals(a: Decimal, b: Decimal): number {
  const signA = a.digits === '' ? 0 : a.negative ? -1 : 1;
  const signB = b.digits === '' ? 0 : b.negative ? -1 : 1;
  if (signA !== signB) return signA < signB ? -1 : 1;
  if (signA === 0) return 0;
  return signA * compareMagnitudes(a, b);
}

function compareMagnitudes(a: Decimal, b: Decimal): number {
  const adjustedA = a.exponent + a.digits.length;
  const adjustedB = b.exponent + b.digits.length;
  if (adjustedA !== adjustedB) return adjustedA < adjustedB ? -1 : 1;
  const length = Math.max(a.digits.length, b.digits.length);
  for (let i = 0; i < length; i++) {
    const da = i < a.digits.length ? a.digits.charCodeAt(i) : 48;
    const db = i < b.digits.length ? b.digits.charCodeAt(i) : 48;
    if (da !== db) return da < db ? -1 : 1;
  }
  return 0;
}

/** Parsed stored numbers, reused across the many comparisons of a scan or query. */
const parsed = new Map<string, Decimal>();
const MAX_PARSED = 10_000;

function parseCached(text: string): Decimal {
  let value = parsed.get(text);
  if (!value) {
    value = parseDecimal(text);
    if (parsed.size >= MAX_PARSED) parsed.clear();
    parsed.set(text, value);
  }
  return value;
}

export function compareNumberStrings(a: string, b: string): number {
  if (a === b) return 0;
  // Integers in DynamoDB's form (most number keys) compare by sign, length and digits: no parsing, no cache lookup.
  if (isPlainInteger(a) && isPlainInteger(b)) return comparePlainIntegers(a, b);
  return compareDecimals(parseCached(a), parseCached(b));
}

/** Two different integers in DynamoDB's form (no leading zeros, no "-0"). */
function comparePlainIntegers(a: string, b: string): number {
  const negative = a.charCodeAt(0) === 45;
  if (negative !== (b.charCodeAt(0) === 45)) return negative ? -1 : 1;
  const magnitude = a.length !== b.length ? (a.length < b.length ? -1 : 1) : a < b ? -1 : 1;
  return negative ? -magnitude : magnitude;
}

/** Exact a + b (or a - b), range-checked like a stored number. */
export function addDecimals(a: Decimal, b: Decimal, subtract = false): Decimal {
  const exponent = Math.min(a.exponent, b.exponent);
  const scaled = (d: Decimal, negate: boolean) => {
    if (d.digits === '') return 0n;
    const magnitude = BigInt(d.digits + '0'.repeat(d.exponent - exponent));
    return d.negative !== negate ? -magnitude : magnitude;
  };
  const sum = scaled(a, false) + scaled(b, subtract);
  const negative = sum < 0n;
  return checkRange(normalize(negative, (negative ? -sum : sum).toString(), exponent));
}

/** Number of significant digits, as DynamoDB counts them for item sizes. */
export function significantDigits(text: string): number {
  if (!isPlainInteger(text)) return parseDecimal(text).digits.length;
  const start = text.charCodeAt(0) === 45 ? 1 : 0;
  let end = text.length;
  while (end > start && text.charCodeAt(end - 1) === 48) end--;
  return end - start;
}
