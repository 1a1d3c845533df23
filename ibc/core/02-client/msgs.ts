// ibc.core.client.v1.Msg: creating, updating and freezing light clients.
import {
  MsgCreateClient,
  MsgCreateClientResponse,
  MsgSubmitMisbehaviour,
  MsgSubmitMisbehaviourResponse,
  MsgUpdateClient,
  MsgUpdateClientResponse,
  MsgUpgradeClient,
} from 'cosmjs-types/ibc/core/client/v1/tx';
import type { MsgHandler } from '../../../app/module.js';
import { validateClientId } from '../24-host/identifiers.js';
import { ErrInvalidClient, ErrInvalidHeader, ErrInvalidMisbehaviour, ErrInvalidUpgradeClient } from './errors.js';
import type { ClientKeeper } from './keeper.js';

const response = (typeUrl: string, value: Uint8Array) => ({ typeUrl, value });

export function clientMsgs(keeper: ClientKeeper): Record<string, MsgHandler> {
  const createClient: MsgHandler<MsgCreateClient> = {
    decode: (value) => MsgCreateClient.decode(value),
    signers: (msg) => [msg.signer],
    validate(msg) {
      if (msg.clientState === undefined) throw ErrInvalidClient.wrap('client state cannot be empty');
      if (msg.consensusState === undefined) throw ErrInvalidClient.wrap('consensus state cannot be empty');
    },
    handle(ctx, msg) {
      const clientId = keeper.createClient(ctx, msg.clientState!, msg.consensusState!);
      return response('/ibc.core.client.v1.MsgCreateClientResponse', MsgCreateClientResponse.encode({ clientId }).finish());
    },
  };

  const updateClient: MsgHandler<MsgUpdateClient> = {
    decode: (value) => MsgUpdateClient.decode(value),
    signers: (msg) => [msg.signer],
    validate(msg) {
      if (msg.clientMessage === undefined) throw ErrInvalidHeader.wrap('client message cannot be empty');
      validateClientId(msg.clientId);
    },
    handle(ctx, msg) {
      keeper.updateClient(ctx, msg.clientId, msg.clientMessage!);
      return response('/ibc.core.client.v1.MsgUpdateClientResponse', MsgUpdateClientResponse.encode({}).finish());
    },
  };

  const submitMisbehaviour: MsgHandler<MsgSubmitMisbehaviour> = {
    decode: (value) => MsgSubmitMisbehaviour.decode(value),
    signers: (msg) => [msg.signer],
    validate(msg) {
      if (msg.misbehaviour === undefined) throw ErrInvalidMisbehaviour.wrap('misbehaviour cannot be empty');
      validateClientId(msg.clientId);
    },
    handle(ctx, msg) {
      keeper.updateClient(ctx, msg.clientId, msg.misbehaviour!);
      return response('/ibc.core.client.v1.MsgSubmitMisbehaviourResponse', MsgSubmitMisbehaviourResponse.encode({}).finish());
    },
  };

  // Upgrading a counterparty's client needs the upgrade module's plan on that chain; zonekit
  // has no upgrade module yet, so it says so instead of half-verifying.
  const upgradeClient: MsgHandler<MsgUpgradeClient> = {
    decode: (value) => MsgUpgradeClient.decode(value),
    signers: (msg) => [msg.signer],
    handle() {
      throw ErrInvalidUpgradeClient.wrap('client upgrades are not supported by zonekit yet; create a new client for the upgraded chain');
    },
  };

  return {
    '/ibc.core.client.v1.MsgCreateClient': createClient,
    '/ibc.core.client.v1.MsgUpdateClient': updateClient,
    '/ibc.core.client.v1.MsgSubmitMisbehaviour': submitMisbehaviour,
    '/ibc.core.client.v1.MsgUpgradeClient': upgradeClient,
  };
}
