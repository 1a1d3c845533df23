// cosmos.distribution.v1beta1.Msg: address checks, then one keeper call each.
import {
  MsgFundCommunityPool,
  MsgFundCommunityPoolResponse,
  MsgSetWithdrawAddress,
  MsgSetWithdrawAddressResponse,
  MsgWithdrawDelegatorReward,
  MsgWithdrawDelegatorRewardResponse,
  MsgWithdrawValidatorCommission,
  MsgWithdrawValidatorCommissionResponse,
} from 'cosmjs-types/cosmos/distribution/v1beta1/tx';
import type { AddressCodec } from '../../app/address-codec.js';
import { coinsFromProto, coinsToProto, type Coins } from '../../app/coins.js';
import { CodedError, ErrInvalidAddress, ErrInvalidCoins } from '../../app/errors.js';
import type { MsgHandler } from '../../app/module.js';
import { ErrEmptyDelegationDistInfo, ErrNoValidatorDistInfo } from './errors.js';
import type { DistributionKeeper } from './keeper.js';

function address(codec: AddressCodec, value: string, what: string): Uint8Array {
  try {
    return codec.decode(value);
  } catch (err) {
    throw ErrInvalidAddress.wrap(`invalid ${what} address: ${err instanceof CodedError ? err.message : String(err)}`);
  }
}

function positiveCoins(list: MsgFundCommunityPool['amount']): Coins {
  const coins = coinsFromProto(list);
  if (coins.length === 0) throw ErrInvalidCoins.wrap('amount must hold at least one coin');
  return coins;
}

export function distributionMsgs(keeper: DistributionKeeper): Record<string, MsgHandler> {
  const accounts = keeper.accountCodec;
  const valopers = keeper.valoperCodec;

  const setWithdrawAddress: MsgHandler<MsgSetWithdrawAddress> = {
    decode: (value) => MsgSetWithdrawAddress.decode(value),
    signers: (msg) => [msg.delegatorAddress],
    validate(msg) {
      address(accounts, msg.delegatorAddress, 'delegator');
      address(accounts, msg.withdrawAddress, 'withdraw');
    },
    handle(ctx, msg) {
      keeper.setWithdrawAddr(ctx, accounts.decode(msg.delegatorAddress), accounts.decode(msg.withdrawAddress));
      return { typeUrl: MsgSetWithdrawAddressResponse.typeUrl, value: MsgSetWithdrawAddressResponse.encode({}).finish() };
    },
  };

  const withdrawDelegatorReward: MsgHandler<MsgWithdrawDelegatorReward> = {
    decode: (value) => MsgWithdrawDelegatorReward.decode(value),
    signers: (msg) => [msg.delegatorAddress],
    validate(msg) {
      address(accounts, msg.delegatorAddress, 'delegator');
      address(valopers, msg.validatorAddress, 'validator');
    },
    handle(ctx, msg) {
      const { delegatorAddress: delegator, validatorAddress: operator } = msg;
      if (keeper.staking.validatorByOperator(ctx, operator) === undefined) throw ErrNoValidatorDistInfo.wrap(`validator ${operator} does not exist`);
      if (keeper.staking.delegation(ctx, delegator, operator) === undefined) throw ErrEmptyDelegationDistInfo.wrap(`${delegator} has no delegation to ${operator}`);
      const amount = keeper.withdrawDelegationRewards(ctx, delegator, operator);
      keeper.snapshotDelegation(ctx, delegator, operator);
      return { typeUrl: MsgWithdrawDelegatorRewardResponse.typeUrl, value: MsgWithdrawDelegatorRewardResponse.encode({ amount: coinsToProto(amount) }).finish() };
    },
  };

  const withdrawValidatorCommission: MsgHandler<MsgWithdrawValidatorCommission> = {
    decode: (value) => MsgWithdrawValidatorCommission.decode(value),
    // The operator's account signs: the valoper address's bytes under the account prefix.
    signers: (msg) => [accounts.encode(address(valopers, msg.validatorAddress, 'validator'))],
    validate(msg) {
      address(valopers, msg.validatorAddress, 'validator');
    },
    handle(ctx, msg) {
      const amount = keeper.withdrawValidatorCommission(ctx, msg.validatorAddress);
      return { typeUrl: MsgWithdrawValidatorCommissionResponse.typeUrl, value: MsgWithdrawValidatorCommissionResponse.encode({ amount: coinsToProto(amount) }).finish() };
    },
  };

  const fundCommunityPool: MsgHandler<MsgFundCommunityPool> = {
    decode: (value) => MsgFundCommunityPool.decode(value),
    signers: (msg) => [msg.depositor],
    validate(msg) {
      address(accounts, msg.depositor, 'depositor');
      positiveCoins(msg.amount);
    },
    handle(ctx, msg) {
      keeper.fundCommunityPool(ctx, accounts.decode(msg.depositor), positiveCoins(msg.amount));
      return { typeUrl: MsgFundCommunityPoolResponse.typeUrl, value: MsgFundCommunityPoolResponse.encode({}).finish() };
    },
  };

  return {
    [MsgSetWithdrawAddress.typeUrl]: setWithdrawAddress,
    [MsgWithdrawDelegatorReward.typeUrl]: withdrawDelegatorReward,
    [MsgWithdrawValidatorCommission.typeUrl]: withdrawValidatorCommission,
    [MsgFundCommunityPool.typeUrl]: fundCommunityPool,
  };
}
