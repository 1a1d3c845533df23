// Protobuf-shaped random values: fields with random numbers and wire types whose payloads are
// often plausible (addresses, amounts, denoms, coins, nested messages), so a message decoder
// gets past the wire format and the handler behind it sees random but well-typed fields.
import { BinaryWriter } from 'cosmjs-types/binary';
import type { Rng } from './rng.js';

export interface ValuePool {
  /** Addresses worth signing as (the account the campaign signs with first). */
  addresses: readonly string[];
  denoms: readonly string[];
}

const DEC_STRINGS = ['0', '1', '-1', '0.5', '1.000000000000000000', '0.000000000000000001', '1e9', 'NaN', '', ' 1', '115792089237316195423570985008687907853269984665640564039457584007913129639936', '-0', '0x10', '99999999999999999999999999999999999999.999999999999999999'];
const ODD_STRINGS = ['', ' ', '\u0000', '\u{1F600}', '../../', 'cosmos1', 'cosmosvaloper1qqqqqq', 'transfer', 'channel-0', 'connection-0', '07-tendermint-0', 'ibc/ABC', 'uatom', 'stake', '%s%n', 'a'.repeat(300)];

function randomString(rng: Rng, pool: ValuePool): string {
  switch (rng.int(8)) {
    case 0:
    case 1:
      return rng.pick(pool.addresses);
    case 2:
      return rng.pick(pool.denoms);
    case 3:
      return rng.pick(DEC_STRINGS);
    case 4:
      return rng.pick(ODD_STRINGS);
    case 5:
      return String(rng.u64());
    case 6:
      return Buffer.from(rng.bytes(rng.length(80))).toString('latin1');
    default:
      return Buffer.from(rng.bytes(rng.length(40))).toString('hex');
  }
}

/** A Coin (denom = 1, amount = 2), sometimes with a bad amount. */
function coin(rng: Rng, pool: ValuePool): Uint8Array {
  const w = BinaryWriter.create();
  w.uint32(10).string(rng.pick(pool.denoms));
  w.uint32(18).string(rng.chance(0.7) ? String(rng.int(1_000_000)) : rng.pick(DEC_STRINGS));
  return w.finish();
}

export function randomMessage(rng: Rng, pool: ValuePool, depth = 0): Uint8Array {
  const w = BinaryWriter.create();
  const fields = rng.range(0, 8);
  for (let i = 0; i < fields; i++) {
    // Low field numbers are the ones messages use; a few far ones test unknown-field handling.
    const field = rng.chance(0.9) ? rng.range(1, 12) : rng.range(13, 536_870_911);
    const r = rng.int(100);
    if (r < 55) {
      w.uint32((field << 3) | 2);
      const kind = rng.int(10);
      if (kind < 5) w.string(randomString(rng, pool));
      else if (kind < 7) w.bytes(coin(rng, pool));
      else if (kind < 9 && depth < 4) w.bytes(randomMessage(rng, pool, depth + 1));
      else w.bytes(rng.bytes(rng.length(64)));
    } else if (r < 85) {
      w.uint32((field << 3) | 0).uint64(rng.u64());
    } else if (r < 92) {
      w.uint32((field << 3) | 1).fixed64(rng.u64());
    } else if (r < 98) {
      w.uint32((field << 3) | 5).fixed32(rng.u32());
    } else {
      // Groups (3, 4) and the undefined wire types 6 and 7.
      w.uint32((field << 3) | rng.pick([3, 4, 6, 7]));
    }
  }
  return w.finish();
}
