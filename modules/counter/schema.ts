// The counter module's generated types and the descriptors they were generated from
// (proto/zonekit/counter/v1/*.proto → gen/ by `npm run proto`), and what a client needs of them.
// Light on purpose: no keeper, store or server, so a wallet or a cosmjs script can import it.
import { descriptorSetBase64 } from '../../gen/descriptor-set.js';
import * as query from '../../gen/zonekit/counter/v1/query.js';
import * as tx from '../../gen/zonekit/counter/v1/tx.js';
import { cosmjsAminoConverters } from '../../app/proto/amino.js';
import { codecsOf } from '../../app/proto/msgs.js';
import { registryTypes } from '../../app/proto/registry.js';
import { ProtoSchema, typeUrlOf } from '../../app/proto/schema.js';

export { MsgIncrement, MsgIncrementResponse } from '../../gen/zonekit/counter/v1/tx.js';
export { QueryCountRequest, QueryCountResponse } from '../../gen/zonekit/counter/v1/query.js';
export { GenesisState, Count } from '../../gen/zonekit/counter/v1/genesis.js';

export const schema = ProtoSchema.fromBase64(descriptorSetBase64);
export const MSG_SERVICE = 'zonekit.counter.v1.Msg';
export const QUERY_SERVICE = 'zonekit.counter.v1.Query';
export const msgCodecs = codecsOf(tx);
export const queryCodecs = codecsOf(query);

export const MSG_INCREMENT_TYPE_URL = typeUrlOf(tx.MsgIncrement);
export const QUERY_COUNT_PATH = `/${QUERY_SERVICE}/Count`;

/** For a client: `new Registry([...defaultRegistryTypes, ...counterRegistryTypes])`. */
export const counterRegistryTypes = registryTypes(msgCodecs);
/** For a client: `new AminoTypes({ ...createDefaultAminoConverters(), ...counterAminoConverters })`. */
export const counterAminoConverters = cosmjsAminoConverters(schema, msgCodecs);
