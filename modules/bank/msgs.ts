// cosmos.bank.v1beta1.Msg: thin handlers. Stateless checks in `validate`, then one keeper call.
import { MsgMultiSend, MsgMultiSendResponse, MsgSend, MsgSendResponse } from 'cosmjs-types/cosmos/bank/v1beta1/tx';
import type { AddressCodec } from '../../app/address-codec.js';
import { addCoins, coinsFromProto, coinsToString, type CoinProto, type Coins } from '../../app/coins.js';
import { CodedError, ErrInvalidAddress, ErrInvalidCoins, ErrUnauthorized } from '../../app/errors.js';
import type { MsgHandler } from '../../app/module.js';
import { ErrInputOutputMismatch, ErrMultipleSenders, ErrNoInputs, ErrNoOutputs } from './errors.js';
import type { BankSendKeeper } from './send-keeper.js';

function address(codec: AddressCodec, value: string, what: string): Uint8Array {
  try {
    return codec.decode(value);
  } catch (err) {
    throw ErrInvalidAddress.wrap(`invalid ${what} address: ${err instanceof CodedError ? err.message : String(err)}`);
  }
}

/** Valid, sorted, positive coins, or ErrInvalidCoins naming them. */
function amount(list: readonly CoinProto[]): Coins {
  const coins = coinsFromProto(list);
  if (coins.length === 0) throw ErrInvalidCoins.wrap('must send at least one coin');
  return coins;
}

export function bankMsgs(keeper: BankSendKeeper): Record<string, MsgHandler> {
  const codec = keeper.accounts.addressCodec;

  const send: MsgHandler<MsgSend> = {
    decode: (value) => MsgSend.decode(value),
    signers: (msg) => [msg.fromAddress],
    validate(msg) {
      address(codec, msg.fromAddress, 'from');
      address(codec, msg.toAddress, 'to');
      amount(msg.amount);
    },
    handle(ctx, msg) {
      const coins = amount(msg.amount);
      keeper.isSendEnabledCoins(ctx, coins);
      const to = codec.decode(msg.toAddress);
      if (keeper.blockedAddr(to)) throw ErrUnauthorized.wrap(`${msg.toAddress} is not allowed to receive funds`);
      keeper.sendCoins(ctx, codec.decode(msg.fromAddress), to, coins);
      return { typeUrl: '/cosmos.bank.v1beta1.MsgSendResponse', value: MsgSendResponse.encode({}).finish() };
    },
  };

  const multiSend: MsgHandler<MsgMultiSend> = {
    decode: (value) => MsgMultiSend.decode(value),
    // v0.50 allows exactly one input, so the input's address is the one signer.
    signers: (msg) => msg.inputs.map((input) => input.address),
    validate(msg) {
      if (msg.inputs.length === 0) throw ErrNoInputs;
      if (msg.inputs.length !== 1) throw ErrMultipleSenders;
      if (msg.outputs.length === 0) throw ErrNoOutputs;
      const input = msg.inputs[0]!;
      address(codec, input.address, 'input');
      const total = amount(input.coins);
      let sum: Coins = [];
      for (const output of msg.outputs) {
        address(codec, output.address, 'output');
        sum = addCoins(sum, amount(output.coins));
      }
      if (coinsToString(sum) !== coinsToString(total)) throw ErrInputOutputMismatch;
    },
    handle(ctx, msg) {
      const input = msg.inputs[0]!;
      const coins = amount(input.coins);
      keeper.isSendEnabledCoins(ctx, coins);
      const outputs = msg.outputs.map((output) => {
        const to = codec.decode(output.address);
        if (keeper.blockedAddr(to)) throw ErrUnauthorized.wrap(`${output.address} is not allowed to receive funds`);
        return { address: to, coins: amount(output.coins) };
      });
      keeper.inputOutputCoins(ctx, { address: codec.decode(input.address), coins }, outputs);
      return { typeUrl: '/cosmos.bank.v1beta1.MsgMultiSendResponse', value: MsgMultiSendResponse.encode({}).finish() };
    },
  };

  return {
    '/cosmos.bank.v1beta1.MsgSend': send,
    '/cosmos.bank.v1beta1.MsgMultiSend': multiSend,
  };
}
