// MsgUnjail, as x/slashing's Unjail: the validator exists, its operator still has at least
// the minimum self-delegation, it is jailed, and (if it was ever bonded) it is neither
// tombstoned nor inside its jail time. Checks in the SDK's order, so errors match simd's.
import type { Context } from '../../app/context.js';
import { rfc3339 } from '../../app/rest/proto-json.js';
import {
  ErrMissingSelfDelegation,
  ErrNoValidatorForAddress,
  ErrSelfDelegationTooLowToUnjail,
  ErrValidatorJailed,
  ErrValidatorNotJailed,
} from './errors.js';
import type { CourtKeeper } from './keeper.js';
import { compareTime } from '../../app/time.js';

export function unjail(keeper: CourtKeeper, ctx: Context, operator: string): void {
  const validator = keeper.staking.validatorByOperator(ctx, operator);
  if (validator === undefined) throw ErrNoValidatorForAddress.wrap(operator);

  const selfDelegation = keeper.staking.selfDelegationTokens(ctx, operator);
  if (selfDelegation === 0n) throw ErrMissingSelfDelegation.wrap(operator);
  if (selfDelegation < validator.minSelfDelegation) {
    throw ErrSelfDelegationTooLowToUnjail.wrap(`${selfDelegation} less than ${validator.minSelfDelegation}`);
  }
  if (!validator.jailed) throw ErrValidatorNotJailed.wrap(operator);

  // No signing info: never bonded, so jailed only for too little self-delegation; free to go.
  const info = keeper.signingInfos.get(ctx, validator.consAddress);
  if (info !== undefined) {
    if (info.tombstoned) throw ErrValidatorJailed.wrap(`validator ${operator} is tombstoned for double signing and can never be unjailed`);
    if (compareTime(ctx.header.time, info.jailedUntil) < 0) {
      throw ErrValidatorJailed.wrap(`validator ${operator} is jailed until ${rfc3339(info.jailedUntil.seconds, info.jailedUntil.nanos)}`);
    }
  }
  keeper.staking.unjail(ctx, validator.consAddress);
}
