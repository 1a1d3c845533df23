// ibc.applications.transfer.v1.Msg/Transfer: ValidateBasic as ibc-go v8's MsgTransfer, then
// the msg server's checks, one keeper call, and ibc-go's events.
import { MsgTransferResponse } from 'cosmjs-types/ibc/applications/transfer/v1/tx';
import type { AddressCodec } from '../../../app/address-codec.js';
import { validateDenom } from '../../../app/coins.js';
import type { CodedError } from '../../../app/errors.js';
import type { MsgHandler } from '../../../app/module.js';
import { validateChannelId, validatePortId } from '../../core/24-host/identifiers.js';
import { ErrIbcInsufficientFunds, ErrIbcInvalidAddress, ErrIbcInvalidCoins, ErrIbcUnauthorized, ErrInvalidMemo, ErrSendDisabled, goText } from './errors.js';
import {
  ATTRIBUTE_KEY_AMOUNT,
  ATTRIBUTE_KEY_DENOM,
  ATTRIBUTE_KEY_MEMO,
  ATTRIBUTE_KEY_MODULE,
  ATTRIBUTE_KEY_RECEIVER,
  ATTRIBUTE_KEY_SENDER,
  EVENT_TYPE_TRANSFER,
} from './events.js';
import type { TransferKeeper } from './keeper.js';
import { MODULE_NAME } from './keys.js';
import { parseGoInt } from './packet.js';
import { MsgTransfer } from './proto.js';
import { isBlank, validateIbcDenom } from './trace.js';

/** Bytes, not characters: Go's len(). */
export const MAX_RECEIVER_LENGTH = 2048;
export const MAX_MEMO_LENGTH = 32768;

/**
 * The token's amount as the SDK decodes a Coin's math.Int (big.Int text, base 0); undefined
 * for an empty amount (a nil Int). Throws for text math.Int refuses: a malformed message.
 */
function tokenAmount(amount: string): bigint | undefined {
  if (amount === '') return undefined;
  const value = parseGoInt(amount);
  if (value === undefined) throw new Error(`invalid token amount ${JSON.stringify(amount)}`);
  return value;
}

function wrapped(check: () => void, detail: string): void {
  try {
    check();
  } catch (err) {
    throw (err as CodedError).wrap(detail);
  }
}

/** MsgTransfer.ValidateBasic. The receiver's format is not checked: it belongs to the other chain. */
export function validateMsgTransfer(msg: MsgTransfer, codec: AddressCodec): void {
  wrapped(() => validatePortId(msg.sourcePort), 'invalid source port ID');
  wrapped(() => validateChannelId(msg.sourceChannel), 'invalid source channel ID');
  const amount = tokenAmount(msg.token.amount);
  const tokenString = `${amount ?? '<nil>'}${msg.token.denom}`;
  let denomValid = true;
  try {
    validateDenom(msg.token.denom);
  } catch {
    denomValid = false;
  }
  if (!denomValid || amount === undefined || amount < 0n) throw ErrIbcInvalidCoins.wrap(tokenString);
  if (amount === 0n) throw ErrIbcInsufficientFunds.wrap(tokenString);
  try {
    codec.decode(msg.sender);
  } catch (err) {
    throw ErrIbcInvalidAddress.wrap(`string could not be parsed as address: ${goText(err)}`);
  }
  if (isBlank(msg.receiver)) throw ErrIbcInvalidAddress.wrap('missing recipient address');
  if (Buffer.byteLength(msg.receiver, 'utf8') > MAX_RECEIVER_LENGTH) {
    throw ErrIbcInvalidAddress.wrap(`recipient address must not exceed ${MAX_RECEIVER_LENGTH} bytes`);
  }
  if (Buffer.byteLength(msg.memo, 'utf8') > MAX_MEMO_LENGTH) throw ErrInvalidMemo.wrap(`memo must not exceed ${MAX_MEMO_LENGTH} bytes`);
  validateIbcDenom(msg.token.denom);
}

export function transferMsgs(keeper: TransferKeeper): Record<string, MsgHandler> {
  const codec = keeper.accounts.addressCodec;

  const transfer: MsgHandler<MsgTransfer> = {
    decode(value) {
      const msg = MsgTransfer.decode(value);
      tokenAmount(msg.token.amount);
      return msg;
    },
    signers: (msg) => [msg.sender],
    validate: (msg) => validateMsgTransfer(msg, codec),
    handle(ctx, msg) {
      if (!keeper.getParams(ctx).sendEnabled) throw ErrSendDisabled;
      const sender = codec.decode(msg.sender);
      if (!keeper.bank.isSendEnabled(ctx, msg.token.denom)) throw ErrSendDisabled.wrap(`${msg.token.denom} transfers are currently disabled`);
      if (keeper.bank.blockedAddr(sender)) throw ErrIbcUnauthorized.wrap(`${codec.encode(sender)} is not allowed to send funds`);

      const amount = tokenAmount(msg.token.amount)!;
      const sequence = keeper.sendTransfer(
        ctx,
        msg.sourcePort,
        msg.sourceChannel,
        { denom: msg.token.denom, amount },
        sender,
        msg.receiver,
        msg.timeoutHeight,
        msg.timeoutTimestamp,
        msg.memo,
      );

      ctx.events.emit(
        EVENT_TYPE_TRANSFER,
        [ATTRIBUTE_KEY_SENDER, msg.sender],
        [ATTRIBUTE_KEY_RECEIVER, msg.receiver],
        [ATTRIBUTE_KEY_AMOUNT, amount.toString()],
        [ATTRIBUTE_KEY_DENOM, msg.token.denom],
        [ATTRIBUTE_KEY_MEMO, msg.memo],
      );
      ctx.events.emit('message', [ATTRIBUTE_KEY_MODULE, MODULE_NAME]);
      return { typeUrl: '/ibc.applications.transfer.v1.MsgTransferResponse', value: MsgTransferResponse.encode({ sequence }).finish() };
    },
  };

  return { [MsgTransfer.typeUrl]: transfer };
}
