// The ICS-27 channel version: a JSON Metadata object, written and read exactly as ibc-go v8's
// ModuleCdc (gogoproto jsonpb) does, since both chains store it in their channel ends and
// prove it to each other; and ibc-go's checks of it (types/metadata.go).
import type { Context } from '../../../../app/context.js';
import { goJsonString, parseFirstJsonValue } from '../../../core/go-json.js';
import { validateAccountAddress } from './account.js';
import { ErrConnectionNotFound, ErrInvalidCodec, ErrInvalidConnection, ErrInvalidVersion, ErrUnknownDataType } from './errors.js';
import type { IcaChannelKeeper } from './expects.js';
import { VERSION } from './keys.js';

export const ENCODING_PROTOBUF = 'proto3';
export const ENCODING_PROTO3_JSON = 'proto3json';
export const TX_TYPE_SDK_MULTI_MSG = 'sdk_multi_msg';

const SUPPORTED_ENCODINGS: readonly string[] = [ENCODING_PROTOBUF, ENCODING_PROTO3_JSON];
const SUPPORTED_TX_TYPES: readonly string[] = [TX_TYPE_SDK_MULTI_MSG];

/** ibc.applications.interchain_accounts.v1.Metadata. */
export interface Metadata {
  version: string;
  controllerConnectionId: string;
  hostConnectionId: string;
  /** The interchain account's address on the host; empty until the host fills it in (OnChanOpenTry). */
  address: string;
  encoding: string;
  txType: string;
}

/** Proto field names (OrigName, what ibc-go writes) in field order, and the JSON names jsonpb also reads. */
const FIELDS: ReadonlyArray<[keyof Metadata, string, string]> = [
  ['version', 'version', 'version'],
  ['controllerConnectionId', 'controller_connection_id', 'controllerConnectionId'],
  ['hostConnectionId', 'host_connection_id', 'hostConnectionId'],
  ['address', 'address', 'address'],
  ['encoding', 'encoding', 'encoding'],
  ['txType', 'tx_type', 'txType'],
];

export function newDefaultMetadata(controllerConnectionId: string, hostConnectionId: string): Metadata {
  return { version: VERSION, controllerConnectionId, hostConnectionId, address: '', encoding: ENCODING_PROTOBUF, txType: TX_TYPE_SDK_MULTI_MSG };
}

/** ModuleCdc.MarshalJSON(&metadata): proto field order, every field (EmitDefaults), compact, Go's escaping. */
export function metadataToVersion(metadata: Metadata): string {
  return `{${FIELDS.map(([field, name]) => `"${name}":${goJsonString(metadata[field])}`).join(',')}}`;
}

/**
 * MetadataFromVersion: jsonpb reads the first JSON value (anything after it is ignored), which
 * must be an object of known fields (proto or JSON names) holding strings or null, or null.
 */
export function metadataFromVersion(version: string): Metadata {
  const metadata: Metadata = { version: '', controllerConnectionId: '', hostConnectionId: '', address: '', encoding: '', txType: '' };
  let json: unknown;
  try {
    json = parseFirstJsonValue(version);
  } catch {
    throw ErrUnknownDataType.wrap('cannot unmarshal ICS-27 interchain accounts metadata');
  }
  if (json === null) return metadata;
  if (typeof json !== 'object' || Array.isArray(json)) throw ErrUnknownDataType.wrap('cannot unmarshal ICS-27 interchain accounts metadata');
  for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
    const field = FIELDS.find(([, name, jsonName]) => key === name || key === jsonName);
    if (field === undefined || (value !== null && typeof value !== 'string')) throw ErrUnknownDataType.wrap('cannot unmarshal ICS-27 interchain accounts metadata');
    if (value !== null) metadata[field[0]] = value;
  }
  return metadata;
}

/** IsPreviousMetadataEqual: the same channel version but for the address (which the host fills in). */
export function isPreviousMetadataEqual(previousVersion: string, metadata: Metadata): boolean {
  let previous: Metadata;
  try {
    previous = metadataFromVersion(previousVersion);
  } catch {
    return false;
  }
  return (
    previous.version === metadata.version &&
    previous.controllerConnectionId === metadata.controllerConnectionId &&
    previous.hostConnectionId === metadata.hostConnectionId &&
    previous.encoding === metadata.encoding &&
    previous.txType === metadata.txType
  );
}

/** ChannelKeeper.GetConnection's error when the connection does not exist. */
export function requireConnection(ctx: Context, channels: IcaChannelKeeper, connectionId: string) {
  const connection = channels.getConnection(ctx, connectionId);
  if (connection === undefined) throw ErrConnectionNotFound.wrap(`connection-id: ${connectionId}`);
  return connection;
}

function validateConnectionParams(metadata: Metadata, controllerConnectionId: string, hostConnectionId: string): void {
  if (metadata.controllerConnectionId !== controllerConnectionId) {
    throw ErrInvalidConnection.wrap(`expected ${controllerConnectionId}, got ${metadata.controllerConnectionId}`);
  }
  if (metadata.hostConnectionId !== hostConnectionId) throw ErrInvalidConnection.wrap(`expected ${hostConnectionId}, got ${metadata.hostConnectionId}`);
}

function validateMetadata(metadata: Metadata, connectionParams: () => void): void {
  if (!SUPPORTED_ENCODINGS.includes(metadata.encoding)) throw ErrInvalidCodec.wrap(`unsupported encoding format ${metadata.encoding}`);
  if (!SUPPORTED_TX_TYPES.includes(metadata.txType)) throw ErrUnknownDataType.wrap(`unsupported transaction type ${metadata.txType}`);
  connectionParams();
  if (metadata.address !== '') validateAccountAddress(metadata.address);
  if (metadata.version !== VERSION) throw ErrInvalidVersion.wrap(`expected ${VERSION}, got ${metadata.version}`);
}

/** ValidateControllerMetadata: this chain is the controller, so `connectionHops[0]` is the controller's connection. */
export function validateControllerMetadata(ctx: Context, channels: IcaChannelKeeper, connectionHops: readonly string[], metadata: Metadata): void {
  validateMetadata(metadata, () => {
    const connection = requireConnection(ctx, channels, connectionHops[0]!);
    validateConnectionParams(metadata, connectionHops[0]!, connection.counterparty.connectionId);
  });
}

/** ValidateHostMetadata: this chain is the host, so `connectionHops[0]` is the host's connection. */
export function validateHostMetadata(ctx: Context, channels: IcaChannelKeeper, connectionHops: readonly string[], metadata: Metadata): void {
  validateMetadata(metadata, () => {
    const connection = requireConnection(ctx, channels, connectionHops[0]!);
    validateConnectionParams(metadata, connection.counterparty.connectionId, connectionHops[0]!);
  });
}
