/**
 * A protobuf wire-format reader for tests: a message as its fields by number, read without any schema, so encoded
 * messages can be checked against a specification's field numbers independently of the code that wrote them.
 */
export type WireValue = { varint: bigint } | { fixed64: Buffer } | { bytes: Buffer } | { fixed32: Buffer };

export class WireMessage {
  readonly fields = new Map<number, WireValue[]>();

  constructor(buf: Buffer) {
    let at = 0;
    const varint = (): bigint => {
      let result = 0n;
      for (let shift = 0n; ; shift += 7n) {
        const byte = buf[at++];
        if (byte === undefined) throw new Error('truncated varint');
        result |= BigInt(byte & 0x7f) << shift;
        if (byte < 0x80) return result;
      }
    };
    while (at < buf.length) {
      const key = Number(varint());
      const [number, wire] = [key >> 3, key & 7];
      let value: WireValue;
      if (wire === 0) value = { varint: varint() };
      else if (wire === 1) value = { fixed64: buf.subarray(at, (at += 8)) };
      else if (wire === 5) value = { fixed32: buf.subarray(at, (at += 4)) };
      else if (wire === 2) {
        const length = Number(varint());
        value = { bytes: buf.subarray(at, (at += length)) };
      } else throw new Error(`unsupported wire type ${wire}`);
      if (at > buf.length) throw new Error('truncated field');
      this.fields.set(number, [...(this.fields.get(number) ?? []), value]);
    }
  }

  private all(number: number): WireValue[] {
    return this.fields.get(number) ?? [];
  }
  /** The embedded messages of a field. */
  messages(number: number): WireMessage[] {
    return this.all(number).map((v) => new WireMessage((v as { bytes: Buffer }).bytes));
  }
  message(number: number): WireMessage {
    const [m] = this.messages(number);
    if (!m) throw new Error(`no field ${number}`);
    return m;
  }
  string(number: number): string | undefined {
    const [v] = this.all(number);
    return v && (v as { bytes: Buffer }).bytes.toString('utf8');
  }
  double(number: number): number | undefined {
    const [v] = this.all(number);
    return v && (v as { fixed64: Buffer }).fixed64.readDoubleLE(0);
  }
  fixed64(number: number): bigint | undefined {
    const [v] = this.all(number);
    return v && (v as { fixed64: Buffer }).fixed64.readBigUInt64LE(0);
  }
}

/** Messages written one after another, each after its length as a varint (protobuf's delimited form). */
export function delimited(buf: Buffer): WireMessage[] {
  const out: WireMessage[] = [];
  let at = 0;
  while (at < buf.length) {
    let length = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = buf[at++];
      length += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) break;
    }
    out.push(new WireMessage(buf.subarray(at, (at += length))));
  }
  return out;
}
