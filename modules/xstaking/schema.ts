// Interchain staking's generated types (proto/zonekit/xstaking/v1 → gen/ by `npm run proto`),
// the descriptors they came from, and what a client needs of them. No keeper or store here,
// so a wallet or a cosmjs script can import it.
import { descriptorSetBase64 } from '../../gen/descriptor-set.js';
import * as query from '../../gen/zonekit/xstaking/v1/query.js';
import * as tx from '../../gen/zonekit/xstaking/v1/tx.js';
import { cosmjsAminoConverters } from '../../app/proto/amino.js';
import { codecsOf } from '../../app/proto/msgs.js';
import { registryTypes } from '../../app/proto/registry.js';
import { ProtoSchema, typeUrlOf } from '../../app/proto/schema.js';

export { MsgSubmitConsumerFork, MsgSubmitConsumerForkResponse, MsgXRecover, MsgXRecoverResponse, MsgXStake, MsgXStakeResponse, MsgXUnstake, MsgXUnstakeResponse } from '../../gen/zonekit/xstaking/v1/tx.js';
export * from '../../gen/zonekit/xstaking/v1/query.js';
export { GenesisState } from '../../gen/zonekit/xstaking/v1/genesis.js';
export { Params, Position, Unbonding, CurveState, ChannelEscrow, ClosedChannel, PendingStake, Role } from '../../gen/zonekit/xstaking/v1/xstaking.js';
export { XStakingPacketData, XStakePacket, XStakeAck, XUnstakePacket, XUnstakeAck, SlashPacket } from '../../gen/zonekit/xstaking/v1/packet.js';

export const schema = ProtoSchema.fromBase64(descriptorSetBase64);
export const MSG_SERVICE = 'zonekit.xstaking.v1.Msg';
export const QUERY_SERVICE = 'zonekit.xstaking.v1.Query';
export const msgCodecs = codecsOf(tx);
export const queryCodecs = codecsOf(query);

export const MSG_XSTAKE_TYPE_URL = typeUrlOf(tx.MsgXStake);
export const MSG_XUNSTAKE_TYPE_URL = typeUrlOf(tx.MsgXUnstake);
export const MSG_XRECOVER_TYPE_URL = typeUrlOf(tx.MsgXRecover);
export const MSG_SUBMIT_CONSUMER_FORK_TYPE_URL = typeUrlOf(tx.MsgSubmitConsumerFork);
export const queryPath = (method: string): string => `/${QUERY_SERVICE}/${method}`;

/** For a client: `new Registry([...defaultRegistryTypes, ...xstakingRegistryTypes])`. */
export const xstakingRegistryTypes = registryTypes(msgCodecs);
/** For a client: `new AminoTypes({ ...createDefaultAminoConverters(), ...xstakingAminoConverters })`. */
export const xstakingAminoConverters = cosmjsAminoConverters(schema, msgCodecs);
