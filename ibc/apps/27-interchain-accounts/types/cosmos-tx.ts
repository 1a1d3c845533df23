// CosmosTx, the messages a controller asks a host to execute: protobuf (`proto3`) only, as
// ibc-go's SerializeCosmosTx/DeserializeCosmosTx write and read it. `proto3json` is ibc-go's
// second encoding; zonekit hosts refuse channels that ask for it (host/handshake.ts), since
// re-encoding arbitrary messages as proto3 JSON deterministically is not something it does.
import { CosmosTx } from 'cosmjs-types/ibc/applications/interchain_accounts/v1/packet';
import type { Any } from 'cosmjs-types/google/protobuf/any';
import type { MsgHandler } from '../../../../app/module.js';
import { ErrInvalidCodec, goError } from './errors.js';
import type { MessageRouter } from './expects.js';
import { ENCODING_PROTOBUF } from './metadata.js';

export { CosmosTx };

/** A message of a CosmosTx with the handler that runs it. */
export interface TxMessage {
  typeUrl: string;
  handler: MsgHandler;
  msg: unknown;
}

const describe = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** SerializeCosmosTx with the protobuf encoding. */
export function serializeCosmosTx(messages: readonly Any[]): Uint8Array {
  return CosmosTx.encode({ messages: [...messages] }).finish();
}

/**
 * DeserializeCosmosTx: decodes the CosmosTx and each message by the handler that owns its
 * type URL. Unreadable bytes and unknown types fail as ibc-go's plain errors do (ABCI code 1).
 */
export function deserializeCosmosTx(router: MessageRouter, data: Uint8Array, encoding: string): TxMessage[] {
  if (encoding !== ENCODING_PROTOBUF) throw ErrInvalidCodec.wrap(`unsupported encoding format ${encoding}`);
  const fail = (detail: string) => goError(`cannot unmarshal CosmosTx with protobuf: ${detail}`);
  let anys: Any[];
  try {
    anys = CosmosTx.decode(data).messages;
  } catch (err) {
    throw fail(describe(err));
  }
  return anys.map(({ typeUrl, value }) => {
    const handler = router.handler(typeUrl);
    if (handler === undefined) throw fail(`no concrete type registered for type URL ${typeUrl} against interface *interface { ProtoMessage(); Reset(); String() string }`);
    try {
      return { typeUrl, handler, msg: handler.decode(value) };
    } catch (err) {
      throw fail(describe(err));
    }
  });
}
