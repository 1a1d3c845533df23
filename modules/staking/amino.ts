// Amino JSON for the delegator messages, so Ledger users can sign them. Mirrors
// @cosmjs/stargate's createStakingAminoConverters (0.39) field for field.
import { MsgBeginRedelegate, MsgCancelUnbondingDelegation, MsgDelegate, MsgUndelegate } from 'cosmjs-types/cosmos/staking/v1beta1/tx';
import type { AminoConverter } from '../../app/tx/amino.js';

const coin = (c: { denom: string; amount: string }) => ({ denom: c.denom, amount: c.amount });

const msgDelegate: AminoConverter<MsgDelegate> = {
  aminoType: 'cosmos-sdk/MsgDelegate',
  decode: (value) => MsgDelegate.decode(value),
  toAmino: (m) => ({ delegator_address: m.delegatorAddress, validator_address: m.validatorAddress, amount: coin(m.amount) }),
};

const msgUndelegate: AminoConverter<MsgUndelegate> = {
  aminoType: 'cosmos-sdk/MsgUndelegate',
  decode: (value) => MsgUndelegate.decode(value),
  toAmino: (m) => ({ delegator_address: m.delegatorAddress, validator_address: m.validatorAddress, amount: coin(m.amount) }),
};

const msgBeginRedelegate: AminoConverter<MsgBeginRedelegate> = {
  aminoType: 'cosmos-sdk/MsgBeginRedelegate',
  decode: (value) => MsgBeginRedelegate.decode(value),
  toAmino: (m) => ({
    delegator_address: m.delegatorAddress,
    validator_src_address: m.validatorSrcAddress,
    validator_dst_address: m.validatorDstAddress,
    amount: coin(m.amount),
  }),
};

const msgCancelUnbondingDelegation: AminoConverter<MsgCancelUnbondingDelegation> = {
  aminoType: 'cosmos-sdk/MsgCancelUnbondingDelegation',
  decode: (value) => MsgCancelUnbondingDelegation.decode(value),
  toAmino: (m) => ({
    delegator_address: m.delegatorAddress,
    validator_address: m.validatorAddress,
    amount: coin(m.amount),
    creation_height: m.creationHeight.toString(),
  }),
};

export const stakingAminoConverters: Record<string, AminoConverter> = {
  '/cosmos.staking.v1beta1.MsgDelegate': msgDelegate,
  '/cosmos.staking.v1beta1.MsgUndelegate': msgUndelegate,
  '/cosmos.staking.v1beta1.MsgBeginRedelegate': msgBeginRedelegate,
  '/cosmos.staking.v1beta1.MsgCancelUnbondingDelegation': msgCancelUnbondingDelegation,
};
