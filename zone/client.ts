// Public surface for clients (`zonekit/client`): the message codecs, query paths, cosmjs
// registry types and amino converters of zonekit's own modules, and the helpers that derive
// the same for a chain builder's module from its generated codecs. Codecs and descriptors
// only, never a keeper, the store (LMDB) or a server (fastify, gRPC): a wallet, a browser
// bundle or a cosmjs script imports it. test/package.test.ts checks what it loads.
// Bank, staking, distribution, IBC transfer and the court's MsgUnjail use the SDK's types,
// which cosmjs's defaultRegistryTypes and createDefaultAminoConverters already hold.
import type { GeneratedType } from '@cosmjs/proto-signing';
import { createAmmAminoConverters } from '../modules/amm/amino.js';
import { ammRegistryTypes } from '../modules/amm/codec.js';
import { counterAminoConverters, counterRegistryTypes } from '../modules/counter/schema.js';
import { dexAminoConverters } from '../modules/dex/amino.js';
import { dexRegistryTypes } from '../modules/dex/codec.js';
import type { CosmjsAminoConverter } from '../app/proto/amino.js';

export * as amm from '../modules/amm/codec.js';
export * as counter from '../modules/counter/schema.js';
export * as dex from '../modules/dex/codec.js';
export { ammRegistryTypes, counterAminoConverters, counterRegistryTypes, createAmmAminoConverters, dexAminoConverters, dexRegistryTypes };
export { cosmjsAminoConverters, type CosmjsAminoConverter } from '../app/proto/amino.js';
export { codecsOf } from '../app/proto/msgs.js';
export { registryTypes } from '../app/proto/registry.js';
export { ProtoSchema, typeUrlOf, type GeneratedCodec } from '../app/proto/schema.js';

/** zonekit's own messages: `new Registry([...defaultRegistryTypes, ...zonekitRegistryTypes])`. */
export const zonekitRegistryTypes: ReadonlyArray<[string, GeneratedType]> = [...counterRegistryTypes, ...ammRegistryTypes, ...dexRegistryTypes];

/** `new AminoTypes({ ...createDefaultAminoConverters(), ...createZonekitAminoConverters() })`. */
export function createZonekitAminoConverters(): Record<string, CosmjsAminoConverter> {
  return { ...counterAminoConverters, ...createAmmAminoConverters(), ...dexAminoConverters };
}
