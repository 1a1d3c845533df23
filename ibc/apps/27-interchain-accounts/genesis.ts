// The `interchainaccounts` genesis in ibc-go v8's JSON shape (genesis/v1/genesis.proto): the
// controller's and the host's state side by side, as one app module holds both submodules.
import { z } from 'zod';
import type { Context } from '../../../app/context.js';
import type { ModuleGenesis } from '../../../app/module.js';
import { validateChannelId, validatePortId } from '../../core/24-host/identifiers.js';
import type { ControllerKeeper } from './controller/keeper.js';
import type { HostKeeper } from './host/keeper.js';
import { defaultHostParams, validateHostParams } from './host/params.js';
import { validateAccountAddress } from './types/account.js';
import { HOST_PORT_ID } from './types/keys.js';

const ActiveChannelJson = z
  .object({
    connection_id: z.string().default(''),
    port_id: z.string().default(''),
    channel_id: z.string().default(''),
    is_middleware_enabled: z.boolean().default(false),
  })
  .strict();

const RegisteredAccountJson = z
  .object({ connection_id: z.string().default(''), port_id: z.string().default(''), account_address: z.string().default('') })
  .strict();

const ControllerGenesisJson = z
  .object({
    active_channels: z.array(ActiveChannelJson).default([]),
    interchain_accounts: z.array(RegisteredAccountJson).default([]),
    ports: z.array(z.string()).default([]),
    params: z.object({ controller_enabled: z.boolean().default(false) }).strict().default({ controller_enabled: false }),
  })
  .strict();

const HostGenesisJson = z
  .object({
    active_channels: z.array(ActiveChannelJson).default([]),
    interchain_accounts: z.array(RegisteredAccountJson).default([]),
    port: z.string().default(''),
    params: z
      .object({ host_enabled: z.boolean().default(false), allow_messages: z.array(z.string()).default([]) })
      .strict()
      .default({ host_enabled: false, allow_messages: [] }),
  })
  .strict();

const IcaGenesisJson = z
  .object({
    controller_genesis_state: ControllerGenesisJson.default({ active_channels: [], interchain_accounts: [], ports: [], params: { controller_enabled: false } }),
    host_genesis_state: HostGenesisJson.default({ active_channels: [], interchain_accounts: [], port: '', params: { host_enabled: false, allow_messages: [] } }),
  })
  .strict();

export type IcaGenesisJson = z.input<typeof IcaGenesisJson>;
export type IcaGenesis = z.output<typeof IcaGenesisJson>;

type Entries = { active_channels: Array<{ channel_id: string; port_id: string }>; interchain_accounts: Array<{ port_id: string; account_address: string }> };

/** The checks both halves share (ibc-go's {Controller,Host}GenesisState.Validate). */
function validateEntries(state: Entries): void {
  for (const ch of state.active_channels) {
    validateChannelId(ch.channel_id);
    validatePortId(ch.port_id);
  }
  for (const acc of state.interchain_accounts) {
    validatePortId(acc.port_id);
    validateAccountAddress(acc.account_address);
  }
}

export function icaGenesis(controller: ControllerKeeper, host: HostKeeper): ModuleGenesis<IcaGenesis> {
  return {
    defaults: (): IcaGenesisJson => ({
      controller_genesis_state: { active_channels: [], interchain_accounts: [], ports: [], params: { controller_enabled: true } },
      host_genesis_state: {
        active_channels: [],
        interchain_accounts: [],
        port: HOST_PORT_ID,
        params: { host_enabled: defaultHostParams().hostEnabled, allow_messages: defaultHostParams().allowMessages },
      },
    }),
    validate(json: unknown): IcaGenesis {
      const state = IcaGenesisJson.parse(json);
      const c = state.controller_genesis_state;
      validateEntries(c);
      for (const port of c.ports) validatePortId(port);
      const h = state.host_genesis_state;
      validateEntries(h);
      validatePortId(h.port);
      validateHostParams({ hostEnabled: h.params.host_enabled, allowMessages: h.params.allow_messages });
      return state;
    },
    init(ctx: Context, state: IcaGenesis): void {
      const c = state.controller_genesis_state;
      for (const port of c.ports) controller.registry.setPort(ctx, port);
      for (const ch of c.active_channels) {
        controller.registry.setActiveChannelId(ctx, ch.connection_id, ch.port_id, ch.channel_id);
        if (ch.is_middleware_enabled) controller.setMiddlewareEnabled(ctx, ch.port_id, ch.connection_id);
        else controller.setMiddlewareDisabled(ctx, ch.port_id, ch.connection_id);
      }
      for (const acc of c.interchain_accounts) controller.registry.setInterchainAccountAddress(ctx, acc.connection_id, acc.port_id, acc.account_address);
      controller.setParams(ctx, { controllerEnabled: c.params.controller_enabled });

      const h = state.host_genesis_state;
      host.registry.setPort(ctx, h.port);
      for (const ch of h.active_channels) host.registry.setActiveChannelId(ctx, ch.connection_id, ch.port_id, ch.channel_id);
      for (const acc of h.interchain_accounts) host.registry.setInterchainAccountAddress(ctx, acc.connection_id, acc.port_id, acc.account_address);
      host.setParams(ctx, { hostEnabled: h.params.host_enabled, allowMessages: h.params.allow_messages });
    },
    export(ctx: Context): IcaGenesisJson {
      const accountsJson = (list: Array<{ connectionId: string; portId: string; accountAddress: string }>) =>
        list.map((a) => ({ connection_id: a.connectionId, port_id: a.portId, account_address: a.accountAddress }));
      const hostParams = host.getParams(ctx);
      return {
        controller_genesis_state: {
          active_channels: controller.getAllActiveChannels(ctx).map((ch) => ({
            connection_id: ch.connectionId,
            port_id: ch.portId,
            channel_id: ch.channelId,
            is_middleware_enabled: ch.isMiddlewareEnabled,
          })),
          interchain_accounts: accountsJson(controller.registry.getAllInterchainAccounts(ctx)),
          ports: controller.registry.getAllPorts(ctx),
          params: { controller_enabled: controller.getParams(ctx).controllerEnabled },
        },
        host_genesis_state: {
          active_channels: host.registry.getAllActiveChannels(ctx).map((ch) => ({ connection_id: ch.connectionId, port_id: ch.portId, channel_id: ch.channelId, is_middleware_enabled: false })),
          interchain_accounts: accountsJson(host.registry.getAllInterchainAccounts(ctx)),
          port: HOST_PORT_ID,
          params: { host_enabled: hostParams.hostEnabled, allow_messages: hostParams.allowMessages },
        },
      };
    },
  };
}
