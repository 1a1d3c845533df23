// Generated codecs in a cosmjs Registry. ts-proto's codecs write with @bufbuild/protobuf's
// BinaryWriter where cosmjs-types use their own, so the types differ while the calls cosmjs
// makes (encode(...).finish(), decode, fromPartial) are the same: the cast is made once, here.
import type { GeneratedType } from '@cosmjs/proto-signing';
import { typeUrlOf, type GeneratedCodec } from './schema.js';

/** `new Registry([...defaultRegistryTypes, ...registryTypes(codecs)])`. */
export function registryTypes(codecs: readonly GeneratedCodec[]): Array<[string, GeneratedType]> {
  return codecs.map((codec) => [typeUrlOf(codec), codec as unknown as GeneratedType]);
}
