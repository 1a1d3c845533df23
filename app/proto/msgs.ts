// Message handlers from generated codecs: the decoder and the signers come from the message's
// descriptor (`cosmos.msg.v1.signer`, as the SDK's x/tx signing context reads it), so a module
// writes only its checks and its state change.
import type { DescMessage } from '@bufbuild/protobuf';
import type { MsgHandler, MsgResponse } from '../module.js';
import type { Context } from '../context.js';
import { localName, typeUrlOf, type GeneratedCodec, type ProtoSchema } from './schema.js';

/** The bech32 addresses that must sign `message`, in the order its signer fields name them. */
export function signersOf(schema: ProtoSchema, desc: DescMessage): (message: Record<string, unknown>) => string[] {
  const names = schema.signerFields(desc);
  if (names.length === 0) throw new Error(`${desc.typeName} has no (cosmos.msg.v1.signer) option: a message needs one to be signed`);
  const readers = names.map((name) => {
    const field = desc.fields.find((f) => f.name === name);
    if (field === undefined) throw new Error(`${desc.typeName}'s signer option names "${name}", which is not one of its fields`);
    const key = localName(field);
    if (field.fieldKind === 'message') {
      // The SDK lets a signer field be a message whose own signer option says where the address is.
      const nested = signersOf(schema, field.message);
      return (message: Record<string, unknown>) => (message[key] ? nested(message[key] as Record<string, unknown>) : []);
    }
    if (field.fieldKind === 'list' && field.listKind === 'message') {
      const nested = signersOf(schema, field.message);
      return (message: Record<string, unknown>) => ((message[key] as Array<Record<string, unknown>>) ?? []).flatMap(nested);
    }
    if (field.scalar !== 9) throw new Error(`${desc.typeName}.${name} is a signer field but not a string`);
    return field.fieldKind === 'list' ? (message: Record<string, unknown>) => [...((message[key] as string[]) ?? [])] : (message: Record<string, unknown>) => [message[key] as string];
  });
  return (message) => readers.flatMap((read) => read(message));
}

/** What a module writes for one message type: the checks and the state change. */
export interface MsgLogic<T> {
  /** Checks that need no state (the SDK's ValidateBasic); throws a CodedError. */
  validate?(msg: T): void;
  handle(ctx: Context, msg: T): MsgResponse;
}

/** A MsgHandler whose decoding and signers come from the generated codec and its descriptor. */
export function msgHandler<T>(schema: ProtoSchema, codec: GeneratedCodec<T>, logic: MsgLogic<T>): MsgHandler<T> {
  const signers = signersOf(schema, schema.message(codec.$type));
  return { decode: (value) => codec.decode(value), signers: (msg) => signers(msg as Record<string, unknown>), ...logic };
}

/** A message reply packed as TxMsgData carries it. */
export function msgResponse<T>(codec: GeneratedCodec<T>, message: T): MsgResponse {
  return { typeUrl: typeUrlOf(codec), value: codec.encode(message).finish() };
}

/** The generated codecs among a generated file's exports (`import * as tx from '.../tx.js'`). */
export function codecsOf(...files: ReadonlyArray<Record<string, unknown>>): GeneratedCodec[] {
  return files.flatMap((file) => Object.values(file).filter((value): value is GeneratedCodec => typeof value === 'object' && value !== null && typeof (value as GeneratedCodec).$type === 'string'));
}
