// gRPC statuses from ABCI query failures, and the HTTP statuses grpc-gateway gives them.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ErrInsufficientFunds, ErrInvalidAddress, ErrInvalidRequest } from '../errors.js';
import { grpcInvalidArgument, grpcNotFound } from '../grpc.js';
import { GrpcCode, GrpcStatusError, httpStatusOf, statusFromAbci, statusOf } from './status.js';

const fromCoded = (err: { codespace: string; code: number; message: string }) => statusFromAbci(err.codespace, err.code, err.message);

describe('gRPC statuses over REST', () => {
  it('maps codes to HTTP as grpc-gateway does', () => {
    assert.equal(httpStatusOf(GrpcCode.OK), 200);
    assert.equal(httpStatusOf(GrpcCode.InvalidArgument), 400);
    assert.equal(httpStatusOf(GrpcCode.NotFound), 404);
    assert.equal(httpStatusOf(GrpcCode.Unknown), 500);
    assert.equal(httpStatusOf(GrpcCode.Unimplemented), 501);
    assert.equal(httpStatusOf(GrpcCode.Unavailable), 503);
    assert.equal(httpStatusOf(GrpcCode.Unauthenticated), 401);
  });

  it('recovers the status a query handler reported inside the ABCI log', () => {
    const missing = fromCoded(grpcNotFound('account cosmos1x not found'));
    assert.deepEqual(missing.toBody(), { code: 5, message: 'account cosmos1x not found', details: [] });
    assert.equal(missing.httpStatus, 404);
    assert.deepEqual(fromCoded(grpcInvalidArgument('address cannot be empty')).toBody(), { code: 3, message: 'address cannot be empty', details: [] });
  });

  it('gives other module errors a code by their kind, keeping the log', () => {
    assert.equal(fromCoded(ErrInvalidAddress.wrap('bad checksum')).grpcCode, GrpcCode.InvalidArgument);
    assert.equal(fromCoded(ErrInvalidRequest.wrap('height in the future')).message, 'height in the future: invalid request');
    const funds = fromCoded(ErrInsufficientFunds.wrap('1uatom is smaller than 5uatom'));
    assert.equal(funds.grpcCode, GrpcCode.Unknown);
    assert.equal(funds.message, '1uatom is smaller than 5uatom: insufficient funds');
  });

  it('hides what an unexpected exception says', () => {
    assert.deepEqual(statusOf(new TypeError('secret internals')).toBody(), { code: 13, message: 'internal error', details: [] });
    const own = new GrpcStatusError(GrpcCode.NotFound, 'x');
    assert.equal(statusOf(own), own);
  });
});
