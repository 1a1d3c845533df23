// What must always hold in the court's store: each signing info's missed-blocks counter is
// the number of misses in its bitmap (the counter exists to avoid reading the bitmap), and
// the trial record's next id is past every trial.
import type { Invariant } from '../../app/module.js';
import type { CourtKeeper } from './keeper.js';

export function courtInvariants(keeper: CourtKeeper): Record<string, Invariant> {
  return {
    'missed-blocks-counter': (ctx) => {
      for (const { consAddress, info } of keeper.signingInfos.all(ctx)) {
        let missed = 0n;
        for (const _ of keeper.signingInfos.missedIndexes(ctx, consAddress)) missed++;
        if (missed !== info.missedBlocksCounter) return `${info.address}: missed_blocks_counter is ${info.missedBlocksCounter} but the bitmap holds ${missed} misses`;
      }
      return undefined;
    },
    'trial-ids': (ctx) => {
      const next = keeper.trials.nextId(ctx);
      for (const trial of keeper.trials.all(ctx)) {
        if (trial.id >= next) return `trial ${trial.id} is not below the next trial id ${next}`;
      }
      return undefined;
    },
  };
}
