// IBC core as one zonekit module: the `ibc` store, the client/connection/channel messages,
// their queries, genesis, and the port router applications bind to. Light client types and
// applications are given by the zone that composes it.
import { defineModule } from '../app/module.js';
import type { SelfConsensusSource } from './core/02-client/expects.js';
import { ClientKeeper } from './core/02-client/keeper.js';
import type { LightClient } from './core/02-client/light-client.js';
import { clientMsgs } from './core/02-client/msgs.js';
import { ConnectionKeeper } from './core/03-connection/keeper.js';
import { connectionMsgs } from './core/03-connection/msgs.js';
import { ChannelKeeper } from './core/04-channel/keeper.js';
import { channelMsgs, packetMsgServer } from './core/04-channel/msgs.js';
import { PortRouter } from './core/05-port/router.js';
import { redundantRelayDecorator } from './core/ante.js';
import { appChannelKeeper } from './core/app-channels.js';
import { ibcGenesis } from './core/genesis.js';
import { ibcQueries } from './core/queries.js';
import { ibcRest } from './core/rest.js';
import { ibcCli } from './core/cli.js';
import { IbcStore, STORE_KEY } from './core/store.js';

export const MODULE_NAME = 'ibc';

/** IBC core follows ibc-go v8.8.0 (messages, events, errors, store paths): relayers check this version. */
export const IBC_GO_MODULE = { path: 'github.com/cosmos/ibc-go/v8', version: 'v8.8.0' } as const;

export interface IbcModuleDeps {
  /** This chain's past headers and unbonding time (the staking module's HistoricalInfo). */
  self: SelfConsensusSource;
  /** The light client types counterparties may be tracked with (07-tendermint). */
  lightClients: readonly LightClient[];
}

export function ibcModule({ self, lightClients }: IbcModuleDeps) {
  const store = new IbcStore();
  const clients = new ClientKeeper(store, lightClients);
  const connections = new ConnectionKeeper(store, clients);
  const channels = new ChannelKeeper(store, connections);
  const router = new PortRouter();
  // One packet message server for the handlers and the ante, so CheckTx checks what blocks run.
  const packets = packetMsgServer(channels, router);
  const keepers = { store, clients, connections, channels };
  return defineModule({
    name: MODULE_NAME,
    storeKey: STORE_KEY,
    keepers,
    router,
    /** For applications: channels as they may use them. */
    appChannels: appChannelKeeper(channels),
    /** Append to the zone's ante pipeline (last, as in ibc-go): in CheckTx, runs the packet messages' core checks and turns away fully redundant relays. */
    anteDecorator: redundantRelayDecorator(clients, packets),
    msgs: {
      ...clientMsgs(clients),
      ...connectionMsgs(connections, self),
      ...channelMsgs(channels, router, packets),
    },
    queries: ibcQueries({ ...keepers, self }),
    genesis: ibcGenesis(keepers),
    rest: ibcRest,
    cli: ibcCli,
    goModule: IBC_GO_MODULE,
  });
}

export type IbcModule = ReturnType<typeof ibcModule>;
