/**
 * The whole of a streaming payload member (S3 PutObject's Body, see `StreamingPayload` in protocols/types.ts) as one
 * exact-size Buffer of its own: read to its end, so that its integrity checks have run (they throw AWS's errors).
 * Also accepts what `Emulator.call` callers pass instead: a Buffer, Uint8Array or string.
 */
export async function readPayload(value: unknown): Promise<Buffer> {
  if (value === undefined || value === null) return Buffer.alloc(0);
  if (typeof value === 'string') return Buffer.from(value);
  if (value instanceof Uint8Array) return copyOf([value], value.length);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of value as AsyncIterable<Uint8Array>) {
    chunks.push(chunk);
    size += chunk.length;
  }
  return copyOf(chunks, size);
}

/** Copies into unpooled memory: a slice of a socket read or of Node's shared pool would keep all of it alive. */
function copyOf(chunks: Uint8Array[], size: number): Buffer {
  const out = Buffer.allocUnsafeSlow(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
