import { MsgMultiSend, MsgSend } from 'cosmjs-types/cosmos/bank/v1beta1/tx';
import type { AminoConverter } from './amino.js';

// Mirrors @cosmjs/stargate's createBankAminoConverters (0.39) field for field.

const coins = (list: readonly { denom: string; amount: string }[]) => list.map(({ denom, amount }) => ({ denom, amount }));

const msgSend: AminoConverter<MsgSend> = {
  aminoType: 'cosmos-sdk/MsgSend',
  decode: (value) => MsgSend.decode(value),
  toAmino: ({ fromAddress, toAddress, amount }) => ({
    from_address: fromAddress,
    to_address: toAddress,
    amount: coins(amount),
  }),
};

const msgMultiSend: AminoConverter<MsgMultiSend> = {
  aminoType: 'cosmos-sdk/MsgMultiSend',
  decode: (value) => MsgMultiSend.decode(value),
  toAmino: ({ inputs, outputs }) => ({
    inputs: inputs.map((input) => ({ address: input.address, coins: coins(input.coins) })),
    outputs: outputs.map((output) => ({ address: output.address, coins: coins(output.coins) })),
  }),
};

export const bankAminoConverters: Record<string, AminoConverter> = {
  '/cosmos.bank.v1beta1.MsgSend': msgSend,
  '/cosmos.bank.v1beta1.MsgMultiSend': msgMultiSend,
};
