// Amino JSON for hardware wallets: the same as @cosmjs/stargate's createDistributionAminoConverters (0.39).
import { MsgFundCommunityPool, MsgSetWithdrawAddress, MsgWithdrawDelegatorReward, MsgWithdrawValidatorCommission } from 'cosmjs-types/cosmos/distribution/v1beta1/tx';
import type { AminoConverter } from '../../app/tx/amino.js';

const fundCommunityPool: AminoConverter<MsgFundCommunityPool> = {
  aminoType: 'cosmos-sdk/MsgFundCommunityPool',
  decode: (value) => MsgFundCommunityPool.decode(value),
  toAmino: ({ amount, depositor }) => ({ amount: amount.map(({ denom, amount }) => ({ denom, amount })), depositor }),
};

const setWithdrawAddress: AminoConverter<MsgSetWithdrawAddress> = {
  aminoType: 'cosmos-sdk/MsgModifyWithdrawAddress',
  decode: (value) => MsgSetWithdrawAddress.decode(value),
  toAmino: ({ delegatorAddress, withdrawAddress }) => ({ delegator_address: delegatorAddress, withdraw_address: withdrawAddress }),
};

const withdrawDelegatorReward: AminoConverter<MsgWithdrawDelegatorReward> = {
  aminoType: 'cosmos-sdk/MsgWithdrawDelegationReward',
  decode: (value) => MsgWithdrawDelegatorReward.decode(value),
  toAmino: ({ delegatorAddress, validatorAddress }) => ({ delegator_address: delegatorAddress, validator_address: validatorAddress }),
};

const withdrawValidatorCommission: AminoConverter<MsgWithdrawValidatorCommission> = {
  aminoType: 'cosmos-sdk/MsgWithdrawValidatorCommission',
  decode: (value) => MsgWithdrawValidatorCommission.decode(value),
  toAmino: ({ validatorAddress }) => ({ validator_address: validatorAddress }),
};

export const distributionAminoConverters: Record<string, AminoConverter> = {
  [MsgFundCommunityPool.typeUrl]: fundCommunityPool,
  [MsgSetWithdrawAddress.typeUrl]: setWithdrawAddress,
  [MsgWithdrawDelegatorReward.typeUrl]: withdrawDelegatorReward,
  [MsgWithdrawValidatorCommission.typeUrl]: withdrawValidatorCommission,
};
