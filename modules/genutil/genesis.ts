// genutil's genesis: `{ "gen_txs": [<tx in the SDK's JSON>, ...] }`, the signed
// MsgCreateValidator txs of the genesis validators (gentxs). They are checked when genesis is
// read (`zonekit genesis validate` too), delivered at InitChain after every earlier module's
// genesis (accounts and balances exist by then), and the bonded validators they made become
// CometBFT's first validator set.
import { MsgCreateValidator } from 'cosmjs-types/cosmos/staking/v1beta1/tx';
import type { ValidatorUpdate } from 'cosmjs-types/tendermint/abci/types';
import type { Context } from '../../app/context.js';
import type { ModuleGenesis } from '../../app/module.js';
import { txToBytes, type TxJsonRegistry } from '../../app/tx/tx-json.js';

export const MSG_CREATE_VALIDATOR_TYPE_URL = MsgCreateValidator.typeUrl;

/** What genutil needs of staking: the validator set after the gentxs ran. */
export interface GenutilStaking {
  applyAndReturnValidatorSetUpdates(ctx: Context): readonly ValidatorUpdate[];
}

export interface GenTx {
  /** The TxRaw bytes the JSON stands for (what was signed). */
  bytes: Uint8Array;
  /** For messages: the moniker and validator the gentx creates. */
  moniker: string;
  validatorAddress: string;
}

export interface GenutilGenesis {
  genTxs: GenTx[];
}

/** Checks one gentx as the SDK's ValidateAndGetGenTx does: exactly one MsgCreateValidator. */
export function parseGenTx(json: unknown, registry: TxJsonRegistry, index: number): GenTx {
  let tx;
  try {
    tx = registry.txFromJson(json);
  } catch (err) {
    throw new Error(`gen_txs[${index}] is not a tx in the SDK's JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const messages = tx.body!.messages;
  if (messages.length !== 1 || messages[0]!.typeUrl !== MSG_CREATE_VALIDATOR_TYPE_URL) {
    throw new Error(`gen_txs[${index}] must hold exactly one ${MSG_CREATE_VALIDATOR_TYPE_URL}, got ${messages.map((m) => m.typeUrl).join(', ') || 'no messages'}`);
  }
  if (tx.signatures.length === 0) throw new Error(`gen_txs[${index}] is not signed`);
  const msg = MsgCreateValidator.decode(messages[0]!.value);
  return { bytes: txToBytes(tx), moniker: msg.description?.moniker ?? '', validatorAddress: msg.validatorAddress };
}

export function genutilGenesis(staking: GenutilStaking, registry: TxJsonRegistry): ModuleGenesis<GenutilGenesis> {
  return {
    defaults: () => ({ gen_txs: [] }),
    validate(json) {
      const genTxs = (json as { gen_txs?: unknown } | null)?.gen_txs ?? [];
      if (!Array.isArray(genTxs)) throw new Error('gen_txs must be an array of txs');
      return { genTxs: genTxs.map((tx, i) => parseGenTx(tx, registry, i)) };
    },
    init(ctx, state, env) {
      if (state.genTxs.length === 0) return;
      if (env === undefined) throw new Error('genutil needs InitChain to deliver its gentxs, and none was offered');
      state.genTxs.forEach((genTx, i) => {
        const { code, log } = env.deliverTx(genTx.bytes);
        if (code !== 0) {
          throw new Error(`gentx ${i} (moniker ${JSON.stringify(genTx.moniker)}, validator ${genTx.validatorAddress}) failed with code ${code}: ${log}`);
        }
      });
      const updates = staking.applyAndReturnValidatorSetUpdates(ctx);
      // CometBFT cannot start without validators; say why here rather than let it fail later.
      if (updates.length === 0) throw new Error(`the ${state.genTxs.length} gentx(s) bonded no validator: each self-delegation must be worth at least 1 unit of consensus power`);
      return updates;
    },
    // As the SDK's: once delivered, the validators live in staking's state, so an export
    // carries them there and none here.
    export: () => ({ gen_txs: [] }),
  };
}
