// SIGN_MODE_LEGACY_AMINO_JSON for the dex messages (hardware wallets), derived by app/proto from
// the options in proto/zonekit/dex/v1/tx.proto: `amino.name` names each message, every field is
// kept at its zero value (`amino.dont_omitempty`), and a LegacyDec shows as the SDK's amino JSON
// shows it ("1.250000000000000000"), so a wallet displays the price, not its scaled digits. The
// zone (which rebuilds the sign doc) and clients (cosmjs AminoTypes) use the same derivation, so
// the two cannot drift apart: `new AminoTypes({ ...createDefaultAminoConverters(), ...dexAminoConverters })`.
import { aminoConverters, cosmjsAminoConverters, type CosmjsAminoConverter } from '../../app/proto/amino.js';
import { codecsOf } from '../../app/proto/msgs.js';
import { ProtoSchema } from '../../app/proto/schema.js';
import type { AminoConverter } from '../../app/tx/amino.js';
import { descriptorSetBase64 } from '../../gen/descriptor-set.js';
import * as tx from '../../gen/zonekit/dex/v1/tx.js';

const schema = ProtoSchema.fromBase64(descriptorSetBase64);
const msgs = codecsOf(tx);

/** For the zone: how each message appears in an amino sign doc. */
export const dexZoneAminoConverters: Record<string, AminoConverter> = aminoConverters(schema, msgs);

/** For clients: cosmjs AminoTypes converters. */
export const dexAminoConverters: Record<string, CosmjsAminoConverter> = cosmjsAminoConverters(schema, msgs);
