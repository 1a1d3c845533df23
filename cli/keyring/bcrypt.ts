// bcrypt (Provos and Mazières), as the Cosmos SDK's crypto/keys/bcrypt computes it with a salt
// the caller gives: SDK binaries before v0.50 seal exported keys under sha256 of this hash, so
// importing their armor needs it. Only that: zonekit's own secrets use scrypt and argon2.
//
// Blowfish's initial state is the fractional part of pi in hex (18 P-array words, then four
// 256-word S-boxes), computed here once with Machin's formula rather than pasted as a table.

let PI_WORDS: Uint32Array | undefined;

/** The first `count` 32-bit words of pi's fractional part. */
function piWords(count: number): Uint32Array {
  const bits = BigInt(count * 32 + 64); // 64 guard bits absorb the series' truncation errors
  const arctanInverse = (x: bigint): bigint => {
    let power = (1n << bits) / x;
    let sum = power;
    const x2 = x * x;
    for (let k = 1n, sign = -1n; power !== 0n; k++, sign = -sign) {
      power /= x2;
      sum += (sign * power) / (2n * k + 1n);
    }
    return sum;
  };
  const pi = 16n * arctanInverse(5n) - 4n * arctanInverse(239n);
  const fraction = pi - (3n << bits);
  const words = new Uint32Array(count);
  for (let i = 0; i < count; i++) words[i] = Number((fraction >> (bits - BigInt(32 * (i + 1)))) & 0xffffffffn);
  return words;
}

class Blowfish {
  readonly p: Uint32Array;
  readonly s: Uint32Array; // the four S-boxes, 256 words each

  constructor() {
    PI_WORDS ??= piWords(18 + 4 * 256);
    this.p = PI_WORDS.slice(0, 18);
    this.s = PI_WORDS.slice(18);
  }

  private f(x: number): number {
    const s = this.s;
    return (((s[x >>> 24]! + s[256 + ((x >>> 16) & 0xff)]!) ^ s[512 + ((x >>> 8) & 0xff)]!) + s[768 + (x & 0xff)]!) >>> 0;
  }

  encrypt(left: number, right: number): [number, number] {
    let l = left >>> 0;
    let r = right >>> 0;
    for (let i = 0; i < 16; i += 2) {
      l = (l ^ this.p[i]!) >>> 0;
      r = (r ^ this.f(l)) >>> 0;
      r = (r ^ this.p[i + 1]!) >>> 0;
      l = (l ^ this.f(r)) >>> 0;
    }
    return [(r ^ this.p[17]!) >>> 0, (l ^ this.p[16]!) >>> 0];
  }

  /** Go's blowfish.ExpandKey (salt undefined) and expandKeyWithSalt: the key, then the salt, cycled. */
  expand(key: Uint8Array, salt?: Uint8Array): void {
    let k = 0;
    const keyWord = () => nextWord(key, () => k, (v) => (k = v));
    for (let i = 0; i < 18; i++) this.p[i] = (this.p[i]! ^ keyWord()) >>> 0;
    let j = 0;
    const saltWord = () => (salt === undefined ? 0 : nextWord(salt, () => j, (v) => (j = v)));
    let l = 0;
    let r = 0;
    const fill = (target: Uint32Array) => {
      for (let i = 0; i < target.length; i += 2) {
        l ^= saltWord();
        r ^= saltWord();
        [l, r] = this.encrypt(l, r);
        target[i] = l;
        target[i + 1] = r;
      }
    };
    fill(this.p);
    fill(this.s);
  }
}

function nextWord(bytes: Uint8Array, get: () => number, set: (v: number) => void): number {
  let word = 0;
  let at = get();
  for (let i = 0; i < 4; i++) {
    word = ((word << 8) | bytes[at]!) >>> 0;
    at = (at + 1) % bytes.length;
  }
  set(at);
  return word;
}

const BCRYPT_ALPHABET = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const STANDARD_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** bcrypt's base64: its own alphabet, no padding. */
export function bcryptBase64(bytes: Uint8Array): string {
  return [...Buffer.from(bytes).toString('base64').replace(/=+$/, '')].map((c) => BCRYPT_ALPHABET[STANDARD_ALPHABET.indexOf(c)]).join('');
}

/** `$2a$<cost>$<salt><hash>` as bytes: the SDK's bcrypt.GenerateFromPassword(salt, password, cost). */
export function bcryptHash(password: Uint8Array, salt: Uint8Array, cost: number): Uint8Array {
  if (salt.length !== 16) throw new Error('bcrypt salt must be 16 bytes');
  if (!Number.isInteger(cost) || cost < 4 || cost > 31) throw new Error(`bcrypt cost ${cost} is outside 4..31`);
  // C bcrypt's trailing NUL is part of the key.
  const key = new Uint8Array([...password, 0]);
  const cipher = new Blowfish();
  cipher.expand(key, salt);
  for (let i = 0; i < 2 ** cost; i++) {
    cipher.expand(key);
    cipher.expand(salt);
  }
  const magic = Buffer.from('OrpheanBeholderScryDoubt');
  const words = [0, 1, 2, 3, 4, 5].map((i) => magic.readUInt32BE(4 * i));
  for (let block = 0; block < 6; block += 2) {
    let [l, r] = [words[block]!, words[block + 1]!];
    for (let i = 0; i < 64; i++) [l, r] = cipher.encrypt(l, r);
    words[block] = l;
    words[block + 1] = r;
  }
  const out = Buffer.alloc(24);
  words.forEach((w, i) => out.writeUInt32BE(w, 4 * i));
  // Bug compatibility with C bcrypt: 23 of the 24 bytes are encoded.
  const text = `$2a$${String(cost).padStart(2, '0')}$${bcryptBase64(salt)}${bcryptBase64(out.subarray(0, 23))}`;
  return new TextEncoder().encode(text);
}
