// Bytes and rules pinned to ibc-go v8.8.0: each expected value below was printed by a Go
// program calling ibc-go's own functions (GetBytes, Acknowledgement(), String(),
// ValidateBasic, ParseDenomTrace, ValidateIBCDenom, GetEscrowAddress).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toBech32 } from '@cosmjs/encoding';
import { CodedError } from '../../../app/errors.js';
import { escrowAddress } from './keys.js';
import { ackBytes, ackText, decodeAck, decodePacketData, errorAck, packetDataBytes, parseGoInt, SUCCESS_ACK, validatePacketData } from './packet.js';
import { denomTraceHash, parseDenomTrace, validateIbcDenom, validatePrefixedDenom, voucherDenom } from './trace.js';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('packet data bytes', () => {
  it('sorts keys, leaves out an empty memo and escapes as Go json.Marshal (written by hand from ibc-go GetBytes)', () => {
    const bytes = packetDataBytes({ denom: 'uatom', amount: '100', sender: 'cosmos1sender', receiver: 'osmo1receiver', memo: 'a<b>&"c"\n\u2028é\u0001\b\f' });
    assert.equal(text(bytes), '{"amount":"100","denom":"uatom","memo":"a\\u003cb\\u003e\\u0026\\"c\\"\\n\\u2028é\\u0001\\b\\f","receiver":"osmo1receiver","sender":"cosmos1sender"}');
    const plain = packetDataBytes({ denom: 'transfer/channel-0/uatom', amount: '5', sender: 'cosmos1s', receiver: 'cosmos1r', memo: '' });
    assert.equal(text(plain), '{"amount":"5","denom":"transfer/channel-0/uatom","receiver":"cosmos1r","sender":"cosmos1s"}');
  });

  it('reads back what it writes, null as empty, and refuses unknown fields and non-strings', () => {
    const data = { denom: 'uatom', amount: '1', sender: 's', receiver: 'r', memo: '{"wasm":{}}' };
    assert.deepEqual(decodePacketData(packetDataBytes(data)), data);
    assert.deepEqual(decodePacketData(new TextEncoder().encode('null')), { denom: '', amount: '', sender: '', receiver: '', memo: '' });
    assert.deepEqual(decodePacketData(new TextEncoder().encode('{"denom":null,"amount":"2"}')).amount, '2');
    assert.throws(() => decodePacketData(new TextEncoder().encode('{"amount":2}')));
    assert.throws(() => decodePacketData(new TextEncoder().encode('{"foo":"x"}')));
    assert.throws(() => decodePacketData(new TextEncoder().encode('[]')));
  });
});

describe('amounts as math.Int reads them', () => {
  const cases: Array<[string, bigint | undefined]> = [
    ['100', 100n],
    ['0x10', 16n],
    ['010', 8n],
    ['1_000', 1000n],
    ['0_7', 7n],
    ['+5', 5n],
    ['-0', 0n],
    ['0b101', 5n],
    ['_1', undefined],
    ['1_', undefined],
    ['08', undefined],
    ['', undefined],
    ['0x', undefined],
    [(1n << 256n).toString(), undefined],
    [((1n << 256n) - 1n).toString(), (1n << 256n) - 1n],
  ];
  for (const [input, expected] of cases) it(JSON.stringify(input), () => assert.equal(parseGoInt(input), expected));

  it('ValidateBasic wording', () => {
    const base = { denom: 'uatom', sender: 'a', receiver: 'b', memo: '' };
    assert.throws(() => validatePacketData({ ...base, amount: '08' }), { message: 'unable to parse transfer amount (08) into math.Int: invalid token amount' });
    assert.throws(() => validatePacketData({ ...base, amount: '-0' }), { message: 'amount must be strictly positive: got 0: invalid token amount' });
    assert.throws(() => validatePacketData({ ...base, amount: '1', receiver: ' \t' }), { message: 'receiver address cannot be blank: invalid address' });
    assert.equal(validatePacketData({ ...base, amount: '0x10' }), 16n);
  });
});

describe('acknowledgements', () => {
  it('writes ibc-go bytes and text', () => {
    assert.equal(text(ackBytes(SUCCESS_ACK)), '{"result":"AQ=="}');
    assert.equal(ackText(SUCCESS_ACK), 'result:"\\001" ');
    assert.equal(text(ackBytes(errorAck(1))), '{"error":"ABCI code: 1: error handling packet: see events for details"}');
    assert.equal(ackText(errorAck(1)), 'error:"ABCI code: 1: error handling packet: see events for details" ');
  });

  it('reads them back', () => {
    assert.deepEqual(decodeAck(ackBytes(SUCCESS_ACK)), SUCCESS_ACK);
    assert.deepEqual(decodeAck(ackBytes(errorAck(7))), errorAck(7));
    assert.deepEqual(decodeAck(new TextEncoder().encode('{}')), {});
    assert.throws(() => decodeAck(new TextEncoder().encode('{"other":1}')));
  });
});

describe('denom traces', () => {
  it('hashes a trace to the voucher denom ibc-go gives (ATOM over channel-0)', () => {
    assert.equal(voucherDenom('transfer/channel-0/uatom'), 'ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2');
    assert.equal(denomTraceHash('transfer/channel-0/uatom'), '27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2');
    assert.equal(voucherDenom('uatom'), 'uatom');
  });

  it('splits path and base as ibc-go does', () => {
    assert.deepEqual(parseDenomTrace('transfer/channel-0/x/channel-1'), { path: 'transfer/channel-0/x/channel-1', baseDenom: '' });
    assert.deepEqual(parseDenomTrace('a/channel-007/b'), { path: 'a/channel-007', baseDenom: 'b' });
    assert.deepEqual(parseDenomTrace('gamm/pool/1'), { path: '', baseDenom: 'gamm/pool/1' });
    assert.deepEqual(parseDenomTrace('transfer/channel-0/gamm/pool/1'), { path: 'transfer/channel-0', baseDenom: 'gamm/pool/1' });
    assert.deepEqual(parseDenomTrace('transfer//uatom'), { path: '', baseDenom: 'transfer//uatom' });
  });

  it('validates prefixed denoms with ibc-go wording', () => {
    assert.throws(() => validatePrefixedDenom('transfer/channel-0/x/channel-1'), {
      message: 'invalid port ID at position 2: identifier x has invalid length: 1, must be between 2-128 characters: invalid identifier',
    });
    assert.throws(() => validatePrefixedDenom('a/channel-007/b'), (err: CodedError) => err.codespace === 'host' && err.code === 2);
    validatePrefixedDenom('gamm/pool/1');
    validatePrefixedDenom('transfer/channel-0/gamm/pool/1');
    assert.throws(() => validatePrefixedDenom('transfer/channel-0/'), /base denomination cannot be blank/);
  });

  it("checks MsgTransfer denoms as ValidateIBCDenom, Go's hex errors included", () => {
    const message = (denom: string) => {
      try {
        validateIbcDenom(denom);
        return 'ok';
      } catch (err) {
        return `${(err as CodedError).codespace}/${(err as CodedError).code}: ${(err as Error).message}`;
      }
    };
    assert.equal(message('ibc/xyz'), "undefined/1: invalid denom trace hash xyz: encoding/hex: invalid byte: U+0078 'x'");
    assert.equal(message('ibc/abc'), 'undefined/1: invalid denom trace hash abc: encoding/hex: odd length hex string');
    assert.equal(message('ibc/ABCD'), 'undefined/1: invalid denom trace hash ABCD: expected size to be 32 bytes, got 2 bytes');
    assert.equal(message('ibc'), `transfer/3: denomination should be prefixed with the format 'ibc/{hash(trace + "/" + ibc)}': invalid denomination for cross-chain transfer`);
    assert.equal(message('ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2'), 'ok');
    assert.equal(message('gamm/pool/1'), 'ok');
  });

  it("derives ibc-go's escrow address", () => {
    assert.equal(toBech32('cosmos', escrowAddress('transfer', 'channel-0')), 'cosmos1a53udazy8ayufvy0s434pfwjcedzqv34kvz9tw');
    assert.notDeepEqual(escrowAddress('transfer', 'channel'), escrowAddress('transfercha', 'nnel'));
  });
});
