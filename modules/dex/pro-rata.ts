// Sharing a fill among the participants of the marginal price level: in proportion to what
// each offers there, so the position of a tx in the block buys nothing. Amounts are counted
// in settlement units (every amount here is a multiple of one); each gets the floor of its
// exact share, and the units left over (fewer than the participants) go one each to the
// largest fractional remainders, ties to the lowest rank (orders by id, then pools by id).

/** `amounts[i]` and `fill` are multiples of `unit`, `fill` ≤ Σ amounts; ranks are unique. Returns each share. */
export function proRata(amounts: readonly bigint[], ranks: readonly bigint[], fill: bigint, unit: bigint): bigint[] {
  let total = 0n;
  for (const amount of amounts) total += amount;
  if (fill === total) return [...amounts];
  if (fill === 0n) return amounts.map(() => 0n);
  const totalUnits = total / unit;
  const fillUnits = fill / unit;
  const shares: bigint[] = new Array(amounts.length);
  const remainders: bigint[] = new Array(amounts.length);
  let given = 0n;
  for (let i = 0; i < amounts.length; i++) {
    const exact = (amounts[i]! / unit) * fillUnits;
    shares[i] = exact / totalUnits;
    remainders[i] = exact % totalUnits;
    given += shares[i]!;
  }
  const leftover = Number(fillUnits - given);
  if (leftover > 0) {
    const order = amounts.map((_, i) => i);
    order.sort((a, b) => (remainders[a]! > remainders[b]! ? -1 : remainders[a]! < remainders[b]! ? 1 : ranks[a]! < ranks[b]! ? -1 : 1));
    for (let i = 0; i < leftover; i++) {
      const j = order[i]!;
      shares[j] = shares[j]! + 1n;
    }
  }
  return shares.map((units) => units * unit);
}
