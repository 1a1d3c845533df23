import type { MessageSchema } from './unknown-fields.js';

// Field layouts of the tx envelope (cosmos/tx/v1beta1/tx.proto as shipped in
// cosmjs-types 0.11), for unknown-field rejection. Keep in step with that proto.

const any: MessageSchema = { name: 'google.protobuf.Any', fields: { 1: 'string', 2: 'bytes' } };
const timestamp: MessageSchema = { name: 'google.protobuf.Timestamp', fields: { 1: 'varint', 2: 'varint' } };
const coin: MessageSchema = { name: 'cosmos.base.v1beta1.Coin', fields: { 1: 'string', 2: 'string' } };

const compactBitArray: MessageSchema = {
  name: 'cosmos.crypto.multisig.v1beta1.CompactBitArray',
  fields: { 1: 'varint', 2: 'bytes' },
};
const modeInfoSingle: MessageSchema = { name: 'cosmos.tx.v1beta1.ModeInfo.Single', fields: { 1: 'varint' } };
const modeInfo: MessageSchema = { name: 'cosmos.tx.v1beta1.ModeInfo', fields: {} };
const modeInfoMulti: MessageSchema = {
  name: 'cosmos.tx.v1beta1.ModeInfo.Multi',
  fields: { 1: compactBitArray, 2: modeInfo },
};
modeInfo.fields = { 1: modeInfoSingle, 2: modeInfoMulti };

const signerInfo: MessageSchema = {
  name: 'cosmos.tx.v1beta1.SignerInfo',
  fields: { 1: any, 2: modeInfo, 3: 'varint' },
};
const fee: MessageSchema = {
  name: 'cosmos.tx.v1beta1.Fee',
  fields: { 1: coin, 2: 'varint', 3: 'string', 4: 'string' },
};
const tip: MessageSchema = { name: 'cosmos.tx.v1beta1.Tip', fields: { 1: coin, 2: 'string' } };

export const txRawSchema: MessageSchema = {
  name: 'cosmos.tx.v1beta1.TxRaw',
  fields: { 1: 'bytes', 2: 'bytes', 3: 'bytes' },
};

export const txBodySchema: MessageSchema = {
  name: 'cosmos.tx.v1beta1.TxBody',
  // 4 unordered, 5 timeout_timestamp: known here so decodeTx can reject them by name.
  fields: { 1: any, 2: 'string', 3: 'varint', 4: 'varint', 5: timestamp, 1023: any, 2047: any },
};

export const authInfoSchema: MessageSchema = {
  name: 'cosmos.tx.v1beta1.AuthInfo',
  fields: { 1: signerInfo, 2: fee, 3: tip },
};
