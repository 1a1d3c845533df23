// MsgTransfer in SIGN_MODE_LEGACY_AMINO_JSON: field for field what @cosmjs/stargate's
// createIbcAminoConverters (0.39) returns, so a Ledger-signed transfer verifies. Zero
// timeouts and an empty memo are left out (cosmjs's omitDefault), as its sign docs leave them.
import type { AminoConverter } from '../../../app/tx/amino.js';
import { MsgTransfer } from './proto.js';

const omitDefault = <T extends bigint | string>(value: T): T | undefined => (value === 0n || value === '' ? undefined : value);

const msgTransfer: AminoConverter<MsgTransfer> = {
  aminoType: 'cosmos-sdk/MsgTransfer',
  decode: (value) => MsgTransfer.decode(value),
  toAmino: ({ sourcePort, sourceChannel, token, sender, receiver, timeoutHeight, timeoutTimestamp, memo }) => ({
    source_port: sourcePort,
    source_channel: sourceChannel,
    token: { denom: token.denom, amount: token.amount },
    sender,
    receiver,
    timeout_height: {
      revision_height: omitDefault(timeoutHeight.revisionHeight)?.toString(),
      revision_number: omitDefault(timeoutHeight.revisionNumber)?.toString(),
    },
    timeout_timestamp: omitDefault(timeoutTimestamp)?.toString(),
    memo: omitDefault(memo),
  }),
};

export const transferAminoConverters: Record<string, AminoConverter> = {
  [MsgTransfer.typeUrl]: msgTransfer,
};
