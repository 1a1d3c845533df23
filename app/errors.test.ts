import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CodedError,
  ErrInsufficientFunds,
  ErrInternal,
  ErrInvalidGasLimit,
  ErrNotSupported,
  ErrPanic,
  ErrTxDecode,
  ErrUnauthorized,
  ErrWrongSequence,
  registerError,
  registeredError,
  toAbciError,
} from './errors.js';

test('sdk codespace errors carry the SDK codes and descriptions', () => {
  assert.deepEqual([ErrTxDecode.codespace, ErrTxDecode.code, ErrTxDecode.message], ['sdk', 2, 'tx parse error']);
  assert.equal(ErrUnauthorized.code, 4);
  assert.equal(ErrWrongSequence.code, 32);
  assert.equal(ErrWrongSequence.message, 'incorrect account sequence');
  assert.equal(ErrNotSupported.code, 37);
  assert.equal(ErrInvalidGasLimit.code, 41);
  assert.equal(registeredError('sdk', 13)?.message, 'insufficient fee');
  assert.deepEqual([ErrInternal.codespace, ErrInternal.code, ErrInternal.message], ['undefined', 1, 'internal']);
});

test('wrap puts the detail first, as errorsmod.Wrap does, and keeps the code', () => {
  const err = ErrInsufficientFunds.wrap('spendable balance 10uatom is smaller than 20uatom');
  assert.equal(err.message, 'spendable balance 10uatom is smaller than 20uatom: insufficient funds');
  assert.equal(err.code, 5);
  assert.ok(err.is(ErrInsufficientFunds));
  assert.ok(!err.is(ErrUnauthorized));
  const twice = err.wrap('failed to send');
  assert.equal(twice.message, 'failed to send: spendable balance 10uatom is smaller than 20uatom: insufficient funds');
  assert.ok(twice.is(ErrInsufficientFunds));
  assert.ok(twice instanceof Error && twice instanceof CodedError);
});

test('a (codespace, code) pair can be registered only once, and never with code 0', () => {
  const mine = registerError('errors-test', 2, 'first');
  assert.equal(mine.codespace, 'errors-test');
  assert.throws(() => registerError('errors-test', 2, 'second'), /already registered/);
  assert.throws(() => registerError('errors-test', 0, 'success?'), /above 0/);
  assert.equal(registerError('errors-test-other', 2, 'other codespace').code, 2);
});

test('toAbciError reports coded errors as they are and redacts everything else', () => {
  assert.deepEqual(toAbciError(ErrTxDecode.wrap('tx bytes are empty')), {
    codespace: 'sdk',
    code: 2,
    log: 'tx bytes are empty: tx parse error',
  });
  const internal = { codespace: 'undefined', code: 1, log: 'internal' };
  assert.deepEqual(toAbciError(new TypeError("Cannot read properties of undefined (reading 'x')")), internal);
  assert.deepEqual(toAbciError('a string'), internal);
  assert.deepEqual(toAbciError(undefined), internal);
  assert.deepEqual(toAbciError(ErrPanic.wrap('at /home/node/secret.js:12')), { codespace: 'undefined', code: 111222, log: 'panic' });
});
