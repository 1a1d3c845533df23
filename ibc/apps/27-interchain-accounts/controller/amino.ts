// The controller's messages in SIGN_MODE_LEGACY_AMINO_JSON. ibc-go v8 gives them no
// `amino.name`, so SDK v0.50's x/tx encoder (what simd verifies against) names them by type
// URL and writes their fields by its rules: empty fields left out, enums as numbers, 64-bit
// integers as strings, bytes as base64. A wallet signing them needs these same converters.
import {
  MsgRegisterInterchainAccount,
  MsgSendTx,
} from 'cosmjs-types/ibc/applications/interchain_accounts/controller/v1/tx';
import type { AminoConverter } from '../../../../app/tx/amino.js';

/** x/tx's omitempty: a field at its zero value is left out. */
function fields(entries: Record<string, string | number | bigint | Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entries)) {
    if (value === '' || value === 0 || value === 0n) continue;
    out[key] = typeof value === 'bigint' ? value.toString() : value;
  }
  return out;
}

const msgRegister: AminoConverter<MsgRegisterInterchainAccount> = {
  aminoType: MsgRegisterInterchainAccount.typeUrl,
  decode: (value) => MsgRegisterInterchainAccount.decode(value),
  toAmino: ({ owner, connectionId, version, ordering }) => fields({ owner, connection_id: connectionId, version, ordering }),
};

const msgSendTx: AminoConverter<MsgSendTx> = {
  aminoType: MsgSendTx.typeUrl,
  decode: (value) => MsgSendTx.decode(value),
  toAmino: ({ owner, connectionId, packetData, relativeTimeout }) => ({
    ...fields({ owner, connection_id: connectionId }),
    // Not nullable in ibc-go: always present, even when empty.
    packet_data: fields({ type: packetData.type, data: Buffer.from(packetData.data).toString('base64'), memo: packetData.memo }),
    ...fields({ relative_timeout: relativeTimeout }),
  }),
};

export const controllerAminoConverters: Record<string, AminoConverter> = {
  [MsgRegisterInterchainAccount.typeUrl]: msgRegister,
  [MsgSendTx.typeUrl]: msgSendTx,
};
