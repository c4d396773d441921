import { randomBytes, type KeyObject } from 'node:crypto';

/**
 * ECDSA over a precomputed digest (KMS Sign/Verify with MessageType DIGEST), which node:crypto does not expose: it
 * always hashes the message itself. Textbook ECDSA (SEC 1, section 4.1) on the curves KMS offers, with the key's
 * scalar and point read from its JWK export; signatures DER-encoded as KMS returns them.
 */
interface Curve {
  p: bigint;
  a: bigint;
  n: bigint;
  gx: bigint;
  gy: bigint;
}

const CURVES: Record<string, Curve> = {
  'P-256': {
    p: 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn,
    a: 0xffffffff00000001000000000000000000000000fffffffffffffffffffffffcn,
    n: 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n,
    gx: 0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n,
    gy: 0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n,
  },
  'P-384': {
    p: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffffn,
    a: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000fffffffcn,
    n: 0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973n,
    gx: 0xaa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7n,
    gy: 0x3617de4a96262c6f5d9e98bf9292dc29f8f41dbd289a147ce9da3113b5f0b8c00a60b1ce1d7e819d7a431d7c90ea0e5fn,
  },
  'P-521': {
    p: (1n << 521n) - 1n,
    a: (1n << 521n) - 4n,
    n: 0x01fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409n,
    gx: 0x00c6858e06b70404e9cd9e3ecb662395b4429c648139053fb521f828af606b4d3dbaa14b5e77efe75928fe1dc127a2ffa8de3348b3c1856a429bf97e7e31c2e5bd66n,
    gy: 0x011839296a789a3bc0045c8a5fb42c7d1bd998f54449579b446817afbd17273e662c97ee72995ef42640c550b9013fad0761353c7086a272c24088be94769fd16650n,
  },
  secp256k1: {
    p: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2fn,
    a: 0n,
    n: 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n,
    gx: 0x79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798n,
    gy: 0x483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8n,
  },
};

type Point = { x: bigint; y: bigint } | null;

const mod = (a: bigint, m: bigint) => ((a % m) + m) % m;

function inverse(a: bigint, m: bigint): bigint {
  let [r0, r1, s0, s1] = [mod(a, m), m, 1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  return mod(s0, m);
}

function add(c: Curve, p1: Point, p2: Point): Point {
  if (!p1) return p2;
  if (!p2) return p1;
  if (p1.x === p2.x && mod(p1.y + p2.y, c.p) === 0n) return null;
  const slope =
    p1.x === p2.x && p1.y === p2.y
      ? mod((3n * p1.x * p1.x + c.a) * inverse(2n * p1.y, c.p), c.p)
      : mod((p2.y - p1.y) * inverse(p2.x - p1.x, c.p), c.p);
  const x = mod(slope * slope - p1.x - p2.x, c.p);
  return { x, y: mod(slope * (p1.x - x) - p1.y, c.p) };
}

function multiply(c: Curve, k: bigint, point: Point): Point {
  let result: Point = null;
  let addend = point;
  for (let e = k; e > 0n; e >>= 1n) {
    if (e & 1n) result = add(c, result, addend);
    addend = add(c, addend, addend);
  }
  return result;
}

const toBigInt = (bytes: Uint8Array) => (bytes.length ? BigInt(`0x${Buffer.from(bytes).toString('hex')}`) : 0n);

/** The digest as an integer, truncated to the bit length of the group order. */
function digestInteger(c: Curve, digest: Uint8Array): bigint {
  const bits = c.n.toString(2).length;
  const e = toBigInt(digest);
  const excess = digest.length * 8 - bits;
  return excess > 0 ? e >> BigInt(excess) : e;
}

function jwkOf(key: KeyObject): { curve: Curve; d?: bigint; q: Point } {
  const jwk = key.export({ format: 'jwk' });
  const curve = CURVES[jwk.crv!];
  const b64 = (s: string) => toBigInt(Buffer.from(s, 'base64url'));
  return { curve, d: jwk.d ? b64(jwk.d) : undefined, q: { x: b64(jwk.x!), y: b64(jwk.y!) } };
}

function derInteger(v: bigint): Buffer {
  let hex = v.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  let bytes = Buffer.from(hex, 'hex');
  if (bytes[0] & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return Buffer.concat([Buffer.from([0x02]), derLength(bytes.length), bytes]);
}

function derLength(n: number): Buffer {
  return n < 0x80 ? Buffer.from([n]) : Buffer.from([0x81, n]);
}

export function signDigest(privateKey: KeyObject, digest: Uint8Array): Buffer {
  const { curve, d } = jwkOf(privateKey);
  const e = digestInteger(curve, digest);
  for (;;) {
    const k = mod(toBigInt(randomBytes(curve.n.toString(16).length / 2 + 8)), curve.n - 1n) + 1n;
    const r = mod(multiply(curve, k, { x: curve.gx, y: curve.gy })!.x, curve.n);
    if (r === 0n) continue;
    const s = mod(inverse(k, curve.n) * (e + r * d!), curve.n);
    if (s === 0n) continue;
    const body = Buffer.concat([derInteger(r), derInteger(s)]);
    return Buffer.concat([Buffer.from([0x30]), derLength(body.length), body]);
  }
}

function parseDer(signature: Uint8Array): [bigint, bigint] | undefined {
  const b = Buffer.from(signature);
  let at = 0;
  if (b[at++] !== 0x30) return undefined;
  at += b[at] === 0x81 ? 2 : 1;
  const ints: bigint[] = [];
  for (let i = 0; i < 2; i++) {
    if (b[at++] !== 0x02) return undefined;
    const len = b[at++];
    ints.push(toBigInt(b.subarray(at, at + len)));
    at += len;
  }
  return at === b.length ? [ints[0], ints[1]] : undefined;
}

export function verifyDigest(publicKey: KeyObject, digest: Uint8Array, signature: Uint8Array): boolean {
  const { curve, q } = jwkOf(publicKey);
  const parsed = parseDer(signature);
  if (!parsed) return false;
  const [r, s] = parsed;
  if (r <= 0n || r >= curve.n || s <= 0n || s >= curve.n) return false;
  const w = inverse(s, curve.n);
  const e = digestInteger(curve, digest);
  const point = add(curve, multiply(curve, mod(e * w, curve.n), { x: curve.gx, y: curve.gy }), multiply(curve, mod(r * w, curve.n), q));
  return point !== null && mod(point.x, curve.n) === r;
}
