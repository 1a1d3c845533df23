// ICS-20 genesis in ibc-go v8's JSON (port_id, denom_traces, params, total_escrowed). A field
// left out reads as its zero value, as jsonpb reads it; unknown fields are refused.
import { z } from 'zod';
import { coinsFromProto, coinsToProto, type Coins } from '../../../app/coins.js';
import type { Context } from '../../../app/context.js';
import type { ModuleGenesis } from '../../../app/module.js';
import { validatePortId } from '../../core/24-host/identifiers.js';
import type { TransferKeeper } from './keeper.js';
import { PORT_ID } from './keys.js';
import { hexHash, traceHash, validateDenomTrace, type DenomTrace } from './trace.js';

const TransferGenesisJson = z
  .object({
    port_id: z.string().default(''),
    denom_traces: z.array(z.object({ path: z.string().default(''), base_denom: z.string().default('') }).strict()).default([]),
    params: z
      .object({ send_enabled: z.boolean().default(false), receive_enabled: z.boolean().default(false) })
      .strict()
      .default({ send_enabled: false, receive_enabled: false }),
    total_escrowed: z.array(z.object({ denom: z.string(), amount: z.string() }).strict()).default([]),
  })
  .strict();

export type TransferGenesisJson = z.input<typeof TransferGenesisJson>;

export interface TransferGenesis {
  portId: string;
  denomTraces: DenomTrace[];
  params: { sendEnabled: boolean; receiveEnabled: boolean };
  totalEscrowed: Coins;
}

/** GenesisState.Validate: a valid port id, unique valid traces, valid sorted escrow coins. */
function validateGenesis(state: TransferGenesis): void {
  validatePortId(state.portId);
  const seen = new Set<string>();
  state.denomTraces.forEach((trace, i) => {
    const hash = hexHash(traceHash(trace));
    if (seen.has(hash)) throw new Error(`duplicated denomination trace with hash ${hash}`);
    try {
      validateDenomTrace(trace);
    } catch (err) {
      throw new Error(`failed denom trace ${i} validation: ${err instanceof Error ? err.message : String(err)}`);
    }
    seen.add(hash);
  });
}

export function transferGenesis(keeper: TransferKeeper): ModuleGenesis<TransferGenesis> {
  return {
    defaults: (): TransferGenesisJson => ({
      port_id: PORT_ID,
      denom_traces: [],
      params: { send_enabled: true, receive_enabled: true },
      total_escrowed: [],
    }),
    validate(json: unknown): TransferGenesis {
      const parsed = TransferGenesisJson.parse(json);
      const state: TransferGenesis = {
        portId: parsed.port_id,
        denomTraces: parsed.denom_traces.map((t) => ({ path: t.path, baseDenom: t.base_denom })),
        params: { sendEnabled: parsed.params.send_enabled, receiveEnabled: parsed.params.receive_enabled },
        totalEscrowed: coinsFromProto(parsed.total_escrowed),
      };
      validateGenesis(state);
      return state;
    },
    init(ctx: Context, state: TransferGenesis): void {
      keeper.setPort(ctx, state.portId);
      for (const trace of state.denomTraces) {
        keeper.setDenomTrace(ctx, trace);
        keeper.setDenomMetadata(ctx, trace);
      }
      keeper.setParams(ctx, state.params);
      for (const coin of state.totalEscrowed) keeper.setTotalEscrowForDenom(ctx, coin.denom, coin.amount);
    },
    export(ctx: Context): TransferGenesisJson {
      const params = keeper.getParams(ctx);
      return {
        port_id: keeper.getPort(ctx),
        denom_traces: keeper.getAllDenomTraces(ctx).map((t) => ({ path: t.path, base_denom: t.baseDenom })),
        params: { send_enabled: params.sendEnabled, receive_enabled: params.receiveEnabled },
        total_escrowed: coinsToProto(keeper.getAllTotalEscrowed(ctx)),
      };
    },
  };
}
