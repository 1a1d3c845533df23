export { transferModule, type TransferModule, type TransferModuleDeps } from './module.js';
export { TransferKeeper, UNBOUNDED_SPEND_LIMIT } from './keeper.js';
export { transferIbcModule } from './ibc-module.js';
export type { TransferAccountKeeper, TransferBankKeeper, TransferChannelKeeper } from './expects.js';
export type { TransferGenesis, TransferGenesisJson } from './genesis.js';
export { DENOM_PREFIX, MODULE_ACCOUNT, MODULE_NAME, PORT_ID, STORE_KEY, VERSION, escrowAddress } from './keys.js';
export {
  denomTraceHash,
  fullDenomPath,
  ibcDenom,
  parseDenomTrace,
  receiverChainIsSource,
  senderChainIsSource,
  validatePrefixedDenom,
  voucherDenom,
  type DenomTrace,
} from './trace.js';
export { ackBytes, decodePacketData, errorAck, packetDataBytes, SUCCESS_ACK, type Ack, type FungibleTokenPacketData } from './packet.js';
export { MsgTransfer, QueryDenomTraceRequest, QueryDenomTraceResponse, QueryDenomTracesRequest, QueryDenomTracesResponse } from './proto.js';
export { transferAminoConverters } from './amino.js';
export * from './errors.js';
export * from './events.js';
