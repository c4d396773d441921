/**
 * CBOR (RFC 8949) encoding and decoding of plain values: numbers, strings, Buffers (byte strings), arrays, objects,
 * booleans and null. Decoding accepts indefinite lengths (Jackson, which the AWS SDK for Java uses, writes them) and
 * drops tags, keeping the tagged value (tag 1, epoch time, stays a number).
 */
export function encodeCbor(value: unknown): Buffer {
  const parts: Buffer[] = [];
  write(value, parts);
  return Buffer.concat(parts);
}

function head(major: number, length: number, parts: Buffer[]) {
  if (length < 24) parts.push(Buffer.from([(major << 5) | length]));
  else if (length < 0x100) parts.push(Buffer.from([(major << 5) | 24, length]));
  else if (length < 0x10000) {
    const b = Buffer.alloc(3);
    b[0] = (major << 5) | 25;
    b.writeUInt16BE(length, 1);
    parts.push(b);
  } else if (length < 0x100000000) {
    const b = Buffer.alloc(5);
    b[0] = (major << 5) | 26;
    b.writeUInt32BE(length, 1);
    parts.push(b);
  } else {
    const b = Buffer.alloc(9);
    b[0] = (major << 5) | 27;
    b.writeBigUInt64BE(BigInt(length), 1);
    parts.push(b);
  }
}

function write(value: unknown, parts: Buffer[]) {
  if (value === null || value === undefined) parts.push(Buffer.from([0xf6]));
  else if (value === true || value === false) parts.push(Buffer.from([value ? 0xf5 : 0xf4]));
  else if (typeof value === 'number') {
    if (Number.isSafeInteger(value)) head(value < 0 ? 1 : 0, value < 0 ? -1 - value : value, parts);
    else {
      const b = Buffer.alloc(9);
      b[0] = 0xfb;
      b.writeDoubleBE(value, 1);
      parts.push(b);
    }
  } else if (typeof value === 'string') {
    const bytes = Buffer.from(value, 'utf8');
    head(3, bytes.length, parts);
    parts.push(bytes);
  } else if (value instanceof Uint8Array) {
    head(2, value.length, parts);
    parts.push(Buffer.from(value));
  } else if (Array.isArray(value)) {
    head(4, value.length, parts);
    for (const item of value) write(item, parts);
  } else {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    head(5, entries.length, parts);
    for (const [k, v] of entries) {
      write(k, parts);
      write(v, parts);
    }
  }
}

export class CborError extends Error {}

const BREAK = Symbol('break');

export function decodeCbor(bytes: Buffer): unknown {
  let offset = 0;
  const need = (n: number) => {
    if (offset + n > bytes.length) throw new CborError('unexpected end of CBOR input');
  };
  const argument = (info: number): number => {
    if (info < 24) return info;
    const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
    if (!size) throw new CborError(`unsupported CBOR additional information ${info}`);
    need(size);
    const value = size === 1 ? bytes[offset] : size === 2 ? bytes.readUInt16BE(offset) : size === 4 ? bytes.readUInt32BE(offset) : Number(bytes.readBigUInt64BE(offset));
    offset += size;
    return value;
  };
  const chunks = (major: number): Buffer => {
    const parts: Buffer[] = [];
    for (let item = next(); item !== BREAK; item = next()) {
      if (major === 2 ? !Buffer.isBuffer(item) : typeof item !== 'string') throw new CborError('bad chunk in indefinite-length string');
      parts.push(Buffer.isBuffer(item) ? item : Buffer.from(item as string, 'utf8'));
    }
    return Buffer.concat(parts);
  };
  const next = (): unknown => {
    need(1);
    const initial = bytes[offset++];
    const major = initial >> 5;
    const info = initial & 0x1f;
    if (initial === 0xff) return BREAK;
    const indefinite = info === 31 && major >= 2 && major <= 5;
    switch (major) {
      case 0:
        return argument(info);
      case 1:
        return -1 - argument(info);
      case 2:
      case 3: {
        let data: Buffer;
        if (indefinite) data = chunks(major);
        else {
          const length = argument(info);
          need(length);
          data = bytes.subarray(offset, offset + length);
          offset += length;
        }
        return major === 2 ? Buffer.from(data) : data.toString('utf8');
      }
      case 4: {
        const out: unknown[] = [];
        if (indefinite) for (let item = next(); item !== BREAK; item = next()) out.push(item);
        else for (let n = argument(info); n > 0; n--) out.push(next());
        return out;
      }
      case 5: {
        const out: Record<string, unknown> = {};
        const entry = (key: unknown) => {
          out[String(key)] = next();
        };
        if (indefinite) for (let key = next(); key !== BREAK; key = next()) entry(key);
        else for (let n = argument(info); n > 0; n--) entry(next());
        return out;
      }
      case 6:
        argument(info);
        return next();
      default:
        return simple(info);
    }
  };
  const simple = (info: number): unknown => {
    if (info === 20) return false;
    if (info === 21) return true;
    if (info === 22 || info === 23) return null;
    const size = info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
    if (!size) throw new CborError(`unsupported CBOR simple value ${info}`);
    need(size);
    const value = size === 2 ? half(bytes.readUInt16BE(offset)) : size === 4 ? bytes.readFloatBE(offset) : bytes.readDoubleBE(offset);
    offset += size;
    return value;
  };
  const value = next();
  if (value === BREAK || offset !== bytes.length) throw new CborError('trailing bytes after the CBOR value');
  return value;
}

function half(bits: number): number {
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  const sign = bits & 0x8000 ? -1 : 1;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 31) return fraction ? NaN : sign * Infinity;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}
