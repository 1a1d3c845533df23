// ibc.core.connection.v1.Msg: the connection handshake, as relayers submit it.
import {
  MsgConnectionOpenAck,
  MsgConnectionOpenAckResponse,
  MsgConnectionOpenConfirm,
  MsgConnectionOpenConfirmResponse,
  MsgConnectionOpenInit,
  MsgConnectionOpenInitResponse,
  MsgConnectionOpenTry,
  MsgConnectionOpenTryResponse,
} from 'cosmjs-types/ibc/core/connection/v1/tx';
import type { Counterparty } from 'cosmjs-types/ibc/core/connection/v1/connection';
import type { MsgHandler } from '../../../app/module.js';
import type { SelfConsensusSource } from '../02-client/expects.js';
import { ErrInvalidClientType } from '../02-client/errors.js';
import { validateSelfClient } from '../02-client/self-client.js';
import { ErrInvalidProof } from '../23-commitment/errors.js';
import { validateClientId, validateConnectionId } from '../24-host/identifiers.js';
import { ErrInvalidConnectionIdentifier, ErrInvalidCounterparty, ErrInvalidVersion } from './errors.js';
import type { ConnectionKeeper } from './keeper.js';
import { validateVersion } from './version.js';
import { withContext } from '../errors.js';

const LOCALHOST_CLIENT_ID = '09-localhost';
const CONNECTION_ID = /^connection-(0|[1-9][0-9]*)$/;


function validateCounterparty(counterparty: Counterparty | undefined): Counterparty {
  if (counterparty === undefined) throw ErrInvalidCounterparty.wrap('counterparty cannot be empty');
  if (counterparty.connectionId !== '') {
    withContext('invalid counterparty connection ID', () => validateConnectionId(counterparty.connectionId));
  }
  withContext('invalid counterparty client ID', () => validateClientId(counterparty.clientId));
  if (counterparty.prefix === undefined || counterparty.prefix.keyPrefix.length === 0) {
    throw ErrInvalidCounterparty.wrap('counterparty prefix cannot be empty');
  }
  return counterparty;
}

function validateOwnClientId(clientId: string): void {
  if (clientId === LOCALHOST_CLIENT_ID) throw ErrInvalidClientType.wrap('localhost connection handshakes are disallowed');
  withContext('invalid client ID', () => validateClientId(clientId));
}

function requireProof(proof: Uint8Array, name: string): void {
  if (proof.length === 0) throw ErrInvalidProof.wrap(`cannot submit an empty proof ${name}`);
}

export function connectionMsgs(keeper: ConnectionKeeper, self: SelfConsensusSource): Record<string, MsgHandler> {
  const openInit: MsgHandler<MsgConnectionOpenInit> = {
    decode: (value) => MsgConnectionOpenInit.decode(value),
    signers: (msg) => [msg.signer],
    validate(msg) {
      validateOwnClientId(msg.clientId);
      if (msg.counterparty?.connectionId) throw ErrInvalidCounterparty.wrap('counterparty connection identifier must be empty');
      if (msg.version !== undefined) {
        withContext('basic validation of the provided version failed', () => validateVersion(msg.version));
      }
      validateCounterparty(msg.counterparty);
    },
    handle(ctx, msg) {
      keeper.connOpenInit(ctx, msg.clientId, msg.counterparty!, msg.version, msg.delayPeriod);
      return { typeUrl: '/ibc.core.connection.v1.MsgConnectionOpenInitResponse', value: MsgConnectionOpenInitResponse.encode({}).finish() };
    },
  };

  const openTry: MsgHandler<MsgConnectionOpenTry> = {
    decode: (value) => MsgConnectionOpenTry.decode(value),
    signers: (msg) => [msg.signer],
    validate(msg) {
      validateOwnClientId(msg.clientId);
      if (msg.previousConnectionId !== '') {
        throw ErrInvalidConnectionIdentifier.wrap('previous connection identifier must be empty, this field has been deprecated as crossing hellos are no longer supported');
      }
      withContext('invalid counterparty connection ID', () => validateConnectionId(msg.counterparty?.connectionId ?? ''));
      if (msg.counterpartyVersions.length === 0) throw ErrInvalidVersion.wrap('empty counterparty versions');
      msg.counterpartyVersions.forEach((v, i) => {
        withContext(`basic validation failed on version with index ${i}`, () => validateVersion(v));
      });
      requireProof(msg.proofInit, 'init');
      validateCounterparty(msg.counterparty);
    },
    handle(ctx, msg) {
      // The counterparty's client of us, when the relayer sends it, must describe this chain
      // (chain id, revision, a height we reached, our unbonding period, the SDK proof specs).
      if (msg.clientState !== undefined) validateSelfClient(ctx, self, msg.clientState);
      withContext('connection handshake open try failed', () => keeper.connOpenTry(ctx, msg.counterparty!, msg.delayPeriod, msg.clientId, msg.counterpartyVersions, msg.proofInit, msg.proofHeight));
      return { typeUrl: '/ibc.core.connection.v1.MsgConnectionOpenTryResponse', value: MsgConnectionOpenTryResponse.encode({}).finish() };
    },
  };

  const openAck: MsgHandler<MsgConnectionOpenAck> = {
    decode: (value) => MsgConnectionOpenAck.decode(value),
    signers: (msg) => [msg.signer],
    validate(msg) {
      if (!CONNECTION_ID.test(msg.connectionId)) throw ErrInvalidConnectionIdentifier;
      withContext('invalid counterparty connection ID', () => validateConnectionId(msg.counterpartyConnectionId));
      validateVersion(msg.version);
      requireProof(msg.proofTry, 'try');
    },
    handle(ctx, msg) {
      if (msg.clientState !== undefined) validateSelfClient(ctx, self, msg.clientState);
      withContext('connection handshake open ack failed', () => keeper.connOpenAck(ctx, msg.connectionId, msg.version!, msg.counterpartyConnectionId, msg.proofTry, msg.proofHeight));
      return { typeUrl: '/ibc.core.connection.v1.MsgConnectionOpenAckResponse', value: MsgConnectionOpenAckResponse.encode({}).finish() };
    },
  };

  const openConfirm: MsgHandler<MsgConnectionOpenConfirm> = {
    decode: (value) => MsgConnectionOpenConfirm.decode(value),
    signers: (msg) => [msg.signer],
    validate(msg) {
      if (!CONNECTION_ID.test(msg.connectionId)) throw ErrInvalidConnectionIdentifier;
      requireProof(msg.proofAck, 'ack');
    },
    handle(ctx, msg) {
      withContext('connection handshake open confirm failed', () => keeper.connOpenConfirm(ctx, msg.connectionId, msg.proofAck, msg.proofHeight));
      return { typeUrl: '/ibc.core.connection.v1.MsgConnectionOpenConfirmResponse', value: MsgConnectionOpenConfirmResponse.encode({}).finish() };
    },
  };

  return {
    '/ibc.core.connection.v1.MsgConnectionOpenInit': openInit,
    '/ibc.core.connection.v1.MsgConnectionOpenTry': openTry,
    '/ibc.core.connection.v1.MsgConnectionOpenAck': openAck,
    '/ibc.core.connection.v1.MsgConnectionOpenConfirm': openConfirm,
  };
}
