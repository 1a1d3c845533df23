// Counter genesis: `{ "counts": [{ "address": "cosmos1...", "count": "3" }] }`.
import { z } from 'zod';
import type { AddressCodec } from '../../app/address-codec.js';
import type { ModuleGenesis } from '../../app/module.js';
import type { CounterKeeper } from './keeper.js';

const CounterGenesisJson = z.object({
  counts: z.array(z.object({ address: z.string(), count: z.string().regex(/^[0-9]+$/) })).default([]),
});

export interface CounterGenesis {
  counts: Array<{ address: Uint8Array; count: bigint }>;
}

export function counterGenesis(keeper: CounterKeeper, codec: AddressCodec): ModuleGenesis<CounterGenesis> {
  return {
    defaults: () => ({ counts: [] }),
    validate(json) {
      const parsed = CounterGenesisJson.parse(json);
      return { counts: parsed.counts.map((c) => ({ address: codec.decode(c.address), count: BigInt(c.count) })) };
    },
    init(ctx, state) {
      for (const { address, count } of state.counts) keeper.setCount(ctx, address, count);
    },
    export: (ctx) => ({
      counts: [...keeper.iterateCounts(ctx)].map((c) => ({ address: codec.encode(c.address), count: c.count.toString() })),
    }),
  };
}
