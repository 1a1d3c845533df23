// The consensus court: x/slashing (liveness, unjail) and x/evidence (double signs from
// CometBFT and from txs) in one module, acting on staking only through CourtStakingKeeper,
// and keeping every verdict as a trial in its Merkle store.
import { MsgUnjail } from 'cosmjs-types/cosmos/slashing/v1beta1/tx';
import type { AddressCodec } from '../../app/address-codec.js';
import { defineModule } from '../../app/module.js';
import { courtAddresses } from './addresses.js';
import { courtCli } from './cli.js';
import { judgeMisbehavior } from './equivocation.js';
import type { CourtStakingKeeper } from './expects.js';
import { courtGenesis } from './genesis.js';
import { courtHooks } from './hooks.js';
import { courtInvariants } from './invariants.js';
import { CourtKeeper } from './keeper.js';
import { MODULE_NAME, STORE_KEY } from './keys.js';
import { trackLiveness } from './liveness.js';
import { courtMsgs } from './msgs.js';
import { courtQueries } from './queries.js';
import { courtRest } from './rest.js';

export interface CourtModuleDeps {
  staking: CourtStakingKeeper;
  /** How account addresses are written (submitters, the operator's account that unjails). */
  addressCodec: AddressCodec;
  /** The chain's bech32 prefix (`cosmos`): operators are `<prefix>valoper1...`, consensus keys `<prefix>valcons1...`. */
  bech32Prefix: string;
}

export function courtModule({ staking, addressCodec, bech32Prefix }: CourtModuleDeps) {
  const keeper = new CourtKeeper(staking, courtAddresses(addressCodec, bech32Prefix));
  return defineModule({
    name: MODULE_NAME,
    storeKey: STORE_KEY,
    keeper,
    /** Give these to staking's hooks: signing infos start when a validator is bonded. */
    hooks: courtHooks(keeper),
    msgs: courtMsgs(keeper),
    queries: courtQueries(keeper),
    genesis: courtGenesis(keeper),
    invariants: courtInvariants(keeper),
    // Liveness first, then CometBFT's evidence: x/slashing's BeginBlocker runs before x/evidence's.
    beginBlock(ctx) {
      trackLiveness(keeper, ctx);
      judgeMisbehavior(keeper, ctx);
    },
    rest: courtRest,
    cli: courtCli,
    aminoConverters: {
      // The SDK's amino name for the field is `address` (amino.field_name), not validator_addr.
      [MsgUnjail.typeUrl]: {
        aminoType: 'cosmos-sdk/MsgUnjail',
        decode: (value: Uint8Array) => MsgUnjail.decode(value),
        toAmino: (msg: MsgUnjail) => ({ address: msg.validatorAddr }),
      },
    },
  });
}

export type CourtModule = ReturnType<typeof courtModule>;
