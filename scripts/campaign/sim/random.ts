// The simulation's only source of randomness: a seeded stream (mulberry32), so a seed names
// one run exactly and a failure replays with `--seed`.
export class Rand {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(this.state ^ (this.state >>> 15), this.state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A bigint in [0, max] (for amounts up to 2^53 this is uniform enough for a simulation). */
  upTo(max: bigint): bigint {
    if (max <= 0n) return 0n;
    if (max < 1n << 52n) return BigInt(Math.floor(this.next() * (Number(max) + 1)));
    return (max * BigInt(Math.floor(this.next() * 1_000_000))) / 1_000_000n;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T | undefined {
    return items.length === 0 ? undefined : items[Math.floor(this.next() * items.length)];
  }

  bytes(length: number): Uint8Array {
    return Uint8Array.from({ length }, () => Math.floor(this.next() * 256));
  }

  /** One of `choices`, each as likely as its weight. */
  weighted<T extends { weight: number }>(choices: readonly T[]): T {
    const total = choices.reduce((sum, c) => sum + c.weight, 0);
    let at = this.next() * total;
    for (const c of choices) {
      at -= c.weight;
      if (at < 0) return c;
    }
    return choices[choices.length - 1]!;
  }
}
