// A small seeded PRNG (sfc32, seeded through splitmix32), so a campaign run is reproducible
// from its --seed alone: the same seed makes the same inputs in the same order.

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    const next = splitmix32(seed);
    [this.a, this.b, this.c, this.d] = [next(), next(), next(), next()];
  }

  /** A uniform 32-bit unsigned integer. */
  u32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return n <= 0x1_0000_0000 ? Math.floor((this.u32() / 0x1_0000_0000) * n) : Math.floor((this.u32() * 0x1_0000_0000 + this.u32()) / 2 ** 64 * n);
  }

  /** An integer in [lo, hi]. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.u32() / 0x1_0000_0000 < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i += 4) {
      const v = this.u32();
      out[i] = v;
      if (i + 1 < n) out[i + 1] = v >>> 8;
      if (i + 2 < n) out[i + 2] = v >>> 16;
      if (i + 3 < n) out[i + 3] = v >>> 24;
    }
    return out;
  }

  /** A length skewed towards small values: mostly under 64, sometimes up to `max`. */
  length(max: number): number {
    const r = this.int(100);
    if (r < 60) return this.int(Math.min(64, max + 1));
    if (r < 90) return this.int(Math.min(1024, max + 1));
    return this.int(max + 1);
  }

  /** A uint64 with interesting values often: 0, 1, boundaries, huge. */
  u64(): bigint {
    switch (this.int(8)) {
      case 0: return 0n;
      case 1: return 1n;
      case 2: return 2n ** 63n - 1n;
      case 3: return 2n ** 64n - 1n;
      case 4: return 2n ** 53n + 1n;
      case 5: return BigInt(this.u32());
      default: return (BigInt(this.u32()) << 32n) | BigInt(this.u32());
    }
  }

  /** A child generator with its own stream, so one part's draws do not shift another's. */
  fork(label: number): Rng {
    return new Rng((this.u32() ^ Math.imul(label + 1, 0x9e3779b1)) >>> 0);
  }
}
