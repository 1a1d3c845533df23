// Typed store collections, the Cosmos SDK's `collections` for zonekit: a module declares its
// state once as Maps, KeySets, Items, Sequences and IndexedMaps over key and value codecs that
// write the SDK's bytes. Import as a namespace: `import * as collections from …`.
export { CollectionConflictError, CollectionEncodingError, CollectionSchemaError, type KeyCodec, type ValueCodec } from './codec.js';
export {
  addressKey,
  boolKey,
  bytesKey,
  decodeUint64,
  encodeUint64,
  lengthPrefixedAddressKey,
  lengthPrefixedBytesKey,
  MAX_BYTES_KEY_NON_TERMINAL_SIZE,
  stringKey,
  uint32Key,
  uint64Key,
  type AddressText,
} from './keys.js';
export { isComposite, pairKey, tripleKey, type CompositeKeyCodec, type Pair, type PrefixOf, type Triple } from './composite.js';
export { boolValue, bytesValue, intValue, keyValue, mappedValue, noValue, protoValue, stringValue, uint64Value, type ProtoMessageType } from './values.js';
export { prefixBytes, SchemaBuilder, type Prefix, type StoreContext } from './schema.js';
export { encodeKeyPrefix, storeBounds, type Range, type StoreBounds } from './range.js';
export { KeySet, Map } from './map.js';
export { DEFAULT_SEQUENCE_START, Item, Sequence } from './item.js';
export { KeyIndex, MultiIndex, reversePairIndex, UniqueIndex, type Index } from './indexes.js';
export { IndexedMap } from './indexed-map.js';
