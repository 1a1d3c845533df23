// Key and value codecs: round trips, the SDK's bytes, and key order equal to value order.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Coin } from 'cosmjs-types/cosmos/base/v1beta1/coin';
import { bech32Codec } from '../../address-codec.js';
import { compareBytes, toHex } from '../encoding.js';
import { rng } from '../testing.js';
import {
  addressKey,
  boolKey,
  boolValue,
  bytesKey,
  bytesValue,
  CollectionEncodingError,
  intValue,
  keyValue,
  lengthPrefixedAddressKey,
  lengthPrefixedBytesKey,
  mappedValue,
  noValue,
  pairKey,
  protoValue,
  stringKey,
  stringValue,
  tripleKey,
  uint32Key,
  uint64Key,
  uint64Value,
  type KeyCodec,
  type ValueCodec,
} from './index.js';

const hex = (bytes: Uint8Array) => toHex(bytes);
const accounts = bech32Codec('cosmos');
const alice = accounts.encode(new Uint8Array(20).fill(0xaa));

/** Terminal and non-terminal round trips, the non-terminal one with bytes after it. */
function roundTrip<K>(codec: KeyCodec<K>, key: K): void {
  const terminal = codec.encode(key);
  assert.deepEqual(codec.decode(terminal), [key, terminal.length], `${codec.keyType} terminal`);
  const nonTerminal = codec.encodeNonTerminal(key);
  const followed = new Uint8Array([...nonTerminal, 0xde, 0xad]);
  assert.deepEqual(codec.decodeNonTerminal(followed), [key, nonTerminal.length], `${codec.keyType} non-terminal`);
}

function valueRoundTrip<V>(codec: ValueCodec<V>, value: V): void {
  assert.deepEqual(codec.decode(codec.encode(value)), value, codec.valueType);
}

describe('collections key codecs', () => {
  it('round-trip every key codec', () => {
    for (const n of [0n, 1n, 255n, 256n, (1n << 64n) - 1n]) roundTrip(uint64Key, n);
    for (const n of [0, 1, 999_999_999, 0xffff_ffff]) roundTrip(uint32Key, n);
    roundTrip(boolKey, true);
    roundTrip(boolKey, false);
    for (const b of [new Uint8Array(), Uint8Array.of(0), new Uint8Array(255).fill(7)]) {
      roundTrip(bytesKey, b);
      roundTrip(lengthPrefixedBytesKey, b);
    }
    for (const s of ['', 'a', 'stake', 'ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2', 'ümlaut ✓']) roundTrip(stringKey, s);
    roundTrip(addressKey(accounts), alice);
    roundTrip(lengthPrefixedAddressKey(accounts), alice);
    roundTrip(pairKey(stringKey, uint64Key), ['atom', 7n] as const);
    roundTrip(pairKey(bytesKey, bytesKey), [Uint8Array.of(1, 2), Uint8Array.of(3)] as const);
    roundTrip(tripleKey(uint64Key, stringKey, addressKey(accounts)), [1n, 'x', alice] as const);
    roundTrip(pairKey(pairKey(uint32Key, stringKey), bytesKey), [[3, 'in'], Uint8Array.of(9)] as const);
  });

  it('write the bytes the SDK codecs write', () => {
    assert.equal(hex(uint64Key.encode(0x0102n)), '0000000000000102');
    assert.equal(hex(uint32Key.encode(0x0102)), '00000102');
    assert.equal(hex(boolKey.encode(true)), '01');
    // BytesKey: raw when last, one length byte first otherwise.
    assert.equal(hex(bytesKey.encode(Uint8Array.of(0xab, 0xcd))), 'abcd');
    assert.equal(hex(bytesKey.encodeNonTerminal(Uint8Array.of(0xab, 0xcd))), '02abcd');
    assert.equal(hex(lengthPrefixedBytesKey.encode(Uint8Array.of(0xab, 0xcd))), '02abcd');
    // StringKey: UTF-8 when last, then a 0x00 terminator otherwise.
    assert.equal(hex(stringKey.encode('ab')), '6162');
    assert.equal(hex(stringKey.encodeNonTerminal('ab')), '616200');
    // AccAddressKey and LengthPrefixedAddressKey.
    assert.equal(hex(addressKey(accounts).encode(alice)), 'aa'.repeat(20));
    assert.equal(hex(addressKey(accounts).encodeNonTerminal(alice)), '14' + 'aa'.repeat(20));
    assert.equal(hex(lengthPrefixedAddressKey(accounts).encode(alice)), '14' + 'aa'.repeat(20));
    // Pair: first part non-terminal, last part terminal; a Triple likewise.
    assert.equal(hex(pairKey(stringKey, uint64Key).encode(['ab', 1n])), '616200' + '0000000000000001');
    assert.equal(hex(pairKey(bytesKey, stringKey).encode([Uint8Array.of(9), 'z'])), '0109' + '7a');
    assert.equal(hex(tripleKey(addressKey(accounts), stringKey, bytesKey).encode([alice, 'a', Uint8Array.of(5)])), '14' + 'aa'.repeat(20) + '6100' + '05');
    assert.equal(hex(pairKey(stringKey, uint64Key).encodePrefix(['ab'])), '616200');
    assert.equal(hex(tripleKey(uint64Key, stringKey, bytesKey).encodePrefix([2n, 'q'])), '0000000000000002' + '7100');
  });

  it('refuse what they cannot write or read', () => {
    const refused = (f: () => unknown, message: RegExp) => assert.throws(f, (err) => err instanceof CollectionEncodingError && message.test(err.message));
    refused(() => uint64Key.encode(-1n), /-1 is not a uint64/);
    refused(() => uint64Key.encode(1n << 64n), /is not a uint64/);
    refused(() => uint64Key.decode(new Uint8Array(7)), /uint64 needs 8 bytes, got 7/);
    refused(() => uint32Key.encode(1.5), /not a uint32/);
    refused(() => boolKey.decode(Uint8Array.of(2)), /bool byte must be 0 or 1/);
    refused(() => bytesKey.encodeNonTerminal(new Uint8Array(256)), /non terminal size cannot exceed: 255, got: 256/);
    refused(() => bytesKey.decodeNonTerminal(Uint8Array.of(3, 1)), /needs 4 bytes, got 2/);
    refused(() => stringKey.encodeNonTerminal('a\0b'), /not allowed to have the string delimiter/);
    refused(() => stringKey.decodeNonTerminal(Uint8Array.of(0x61)), /no instances of the string delimiter/);
    refused(() => stringKey.decode(Uint8Array.of(0xff)), /not valid UTF-8/);
    refused(() => pairKey(stringKey, uint64Key).encode(['a'] as never), /a key of 2 parts was given 1/);
    refused(() => pairKey(stringKey, uint64Key).encodePrefix([] as never), /a prefix of a 2-part key has 1 to 1 parts, got 0/);
    assert.throws(() => addressKey(accounts).encode(bech32Codec('osmo').encode(new Uint8Array(20))), /invalid Bech32 prefix; expected cosmos, got osmo/);
  });

  it('order encoded uint64 keys as the numbers', () => {
    const r = rng(64);
    const values = Array.from({ length: 2000 }, () => BigInt(`0x${toHex(r.bytes(1 + r.int(8)))}`));
    const byValue = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const byBytes = [...values].sort((a, b) => compareBytes(uint64Key.encode(a), uint64Key.encode(b)));
    assert.deepEqual(byBytes, byValue);
  });

  it('order composite keys part by part, with a prefix of keys before its extensions', () => {
    const r = rng(2);
    const words = ['', 'a', 'ab', 'abc', 'b', 'ba', 'z', 'é'];
    const codec = pairKey(stringKey, uint64Key);
    const keys = Array.from({ length: 1000 }, () => [words[r.int(words.length)]!, BigInt(r.int(1000))] as const);
    const cmp = (x: string, y: string) => compareBytes(Buffer.from(x), Buffer.from(y));
    const byValue = [...keys].sort((a, b) => cmp(a[0], b[0]) || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    const byBytes = [...keys].sort((a, b) => compareBytes(codec.encode(a), codec.encode(b)));
    assert.deepEqual(byBytes, byValue);
    const triple = tripleKey(uint64Key, uint32Key, uint64Key);
    const tuples = Array.from({ length: 1000 }, () => [BigInt(r.int(4)), r.int(4), BigInt(r.int(1 << 30))] as const);
    const tupleOrder = [...tuples].sort((a, b) => (a[0] !== b[0] ? (a[0] < b[0] ? -1 : 1) : a[1] !== b[1] ? a[1] - b[1] : a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0));
    assert.deepEqual([...tuples].sort((a, b) => compareBytes(triple.encode(a), triple.encode(b))), tupleOrder);
  });
});

describe('collections value codecs', () => {
  it('round-trip every value codec and write the SDK bytes', () => {
    valueRoundTrip(protoValue(Coin), { denom: 'stake', amount: '10' });
    assert.equal(protoValue(Coin).valueType, '/cosmos.base.v1beta1.Coin');
    assert.equal(hex(protoValue(Coin).encode({ denom: 'a', amount: '1' })), hex(Coin.encode({ denom: 'a', amount: '1' }).finish()));
    valueRoundTrip(uint64Value, 42n);
    assert.equal(hex(uint64Value.encode(42n)), '000000000000002a');
    for (const n of [0n, -5n, 10n ** 40n]) valueRoundTrip(intValue, n);
    assert.equal(Buffer.from(intValue.encode(-12n)).toString(), '-12');
    valueRoundTrip(bytesValue, Uint8Array.of(1, 2, 3));
    valueRoundTrip(stringValue, 'ümlaut');
    valueRoundTrip(boolValue, true);
    assert.equal(hex(boolValue.encode(false)), '00');
    assert.equal(noValue.encode().length, 0);
    valueRoundTrip(keyValue(pairKey(stringKey, uint64Key)), ['a', 1n] as const);
    const doubled = mappedValue(uint64Value, (n) => Number(n) / 2, (n: number) => BigInt(n * 2));
    valueRoundTrip(doubled, 21);
    assert.equal(hex(doubled.encode(21)), '000000000000002a');
    assert.throws(() => uint64Value.decode(new Uint8Array(9)), /uint64 value must be 8 bytes, got 9/);
    assert.throws(() => intValue.decode(Buffer.from('1e3')), /math.Int value is not an integer/);
    assert.throws(() => noValue.decode(Uint8Array.of(1)), /expected no value, got 1 bytes/);
    assert.throws(() => keyValue(uint32Key).decode(new Uint8Array(5)), /1 bytes left over/);
  });
});
