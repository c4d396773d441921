/**
 * Object keys in S3's listing order (UTF-8 byte order), kept sorted so that a listing page costs a binary search plus
 * the page, not a scan of the bucket. JavaScript compares strings by UTF-16 code unit, which differs from UTF-8 byte
 * order only between surrogate pairs (characters above U+FFFF) and U+E000–U+FFFF; `compareUtf8` corrects that case.
 */
export function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return utf8Rank(x) - utf8Rank(y);
  }
  return a.length - b.length;
}

/** Surrogates (4-byte UTF-8 sequences) sort after U+E000–U+FFFF (3-byte sequences starting 0xEE/0xEF). */
function utf8Rank(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  if (unit >= 0xe000) return unit - 0x800;
  return unit;
}

export class KeyIndex {
  private readonly keys: string[] = [];

  get size(): number {
    return this.keys.length;
  }

  /** Position of the first key >= `key`. */
  private lowerBound(key: string): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareUtf8(this.keys[mid], key) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  add(key: string): void {
    const keys = this.keys;
    // Keys written in order (the common bulk upload) append without a search.
    if (keys.length === 0 || compareUtf8(keys[keys.length - 1], key) < 0) {
      keys.push(key);
      return;
    }
    const at = this.lowerBound(key);
    if (keys[at] !== key) keys.splice(at, 0, key);
  }

  delete(key: string): void {
    const at = this.lowerBound(key);
    if (this.keys[at] === key) this.keys.splice(at, 1);
  }

  /** The first key >= `key` (> `key` when `exclusive`). */
  ceiling(key: string, exclusive = false): string | undefined {
    return this.keys[this.position(key, exclusive)];
  }

  /** The position of the first key >= `key` (> `key` when `exclusive`); valid until the index changes. */
  position(key: string, exclusive = false): number {
    const i = this.lowerBound(key);
    return exclusive && this.keys[i] === key ? i + 1 : i;
  }

  /** The key at a position, for a listing walking the index without searching again. */
  at(position: number): string | undefined {
    return this.keys[position];
  }

  /** The first key after every key that starts with `prefix` (to step over a whole common prefix at once). */
  after(prefix: string): string | undefined {
    return this.keys[this.positionAfter(prefix)];
  }

  /** The position of the first key after every key that starts with `prefix`. */
  positionAfter(prefix: string): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const key = this.keys[mid];
      if (key.startsWith(prefix) || compareUtf8(key, prefix) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
