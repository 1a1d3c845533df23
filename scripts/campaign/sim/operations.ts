// The simulation's operations: one weighted generator per message type, as the SDK's
// simulation has WeightedOperations. Each reads the committed state through the keepers to
// make a message that is likely, not certain, to succeed (a failed tx is a result too: it
// must fail the same way on every node); `undefined` when the sender has nothing to do.
import type { Any } from 'cosmjs-types/google/protobuf/any';
import { MsgMultiSend, MsgSend } from 'cosmjs-types/cosmos/bank/v1beta1/tx';
import { PubKey as Ed25519PubKey } from 'cosmjs-types/cosmos/crypto/ed25519/keys';
import { MsgSetWithdrawAddress, MsgWithdrawDelegatorReward, MsgWithdrawValidatorCommission } from 'cosmjs-types/cosmos/distribution/v1beta1/tx';
import { MsgUnjail } from 'cosmjs-types/cosmos/slashing/v1beta1/tx';
import { MsgBeginRedelegate, MsgCreateValidator, MsgDelegate, MsgUndelegate } from 'cosmjs-types/cosmos/staking/v1beta1/tx';
import type { Context } from '../../../app/context.js';
import { parseDec } from '../../../app/dec.js';
import { compareTime } from '../../../app/time.js';
import * as amm from '../../../modules/amm/codec.js';
import { shareDenom } from '../../../modules/amm/keys.js';
import * as dex from '../../../modules/dex/codec.js';
import type { Zone } from '../../../zone/zone.js';
import type { SimAccount } from './accounts.js';
import type { Rand } from './random.js';

export const DENOMS = ['stake', 'uatom', 'uusdc'] as const;
const BOND_DENOM = 'stake';

/** What the simulation remembers between blocks: the orders it placed, by id. */
export interface SimMemory {
  orders: Map<bigint, string>;
}

export interface OperationEnv {
  rng: Rand;
  ctx: Context;
  zone: Zone;
  sender: SimAccount;
  accounts: readonly SimAccount[];
  memory: SimMemory;
}

export interface Operation {
  /** The message's type URL, for the report. */
  name: string;
  weight: number;
  /** Who may send it, when only a few accounts can (default: any account). */
  senders?(env: Omit<OperationEnv, 'sender'>): SimAccount[];
  build(env: OperationEnv): Any[] | undefined;
}

const any = (codec: { typeUrl: string; encode(m: any): { finish(): Uint8Array } }, value: unknown): Any => ({ typeUrl: codec.typeUrl, value: codec.encode(value).finish() });
const dec = (text: string) => parseDec(text).toString();

const balance = (e: OperationEnv, denom: string): bigint => e.zone.bank.keeper.getBalance(e.ctx, e.sender.bytes, denom);
/** Mostly a share of what the sender has; sometimes more, which must fail cleanly. */
const amountOf = (e: OperationEnv, denom: string): bigint => (e.rng.chance(0.05) ? balance(e, denom) + 1n : e.rng.upTo(balance(e, denom) / 20n) + 1n);
const validators = (e: OperationEnv) => e.zone.staking.keeper.store.allValidators(e.ctx);
const delegations = (e: OperationEnv) => e.zone.staking.keeper.store.delegationsOf(e.ctx, e.sender.address);
const other = (e: OperationEnv): SimAccount => e.rng.pick(e.accounts.filter((a) => a !== e.sender))!;
const randomDenom = (e: OperationEnv): string => e.rng.pick(DENOMS)!;
function pair(e: OperationEnv): [string, string] {
  const a = randomDenom(e);
  let b = randomDenom(e);
  while (b === a) b = randomDenom(e);
  return [a, b];
}

export const OPERATIONS: readonly Operation[] = [
  {
    name: MsgSend.typeUrl,
    weight: 20,
    build: (e) => {
      const denom = randomDenom(e);
      return [any(MsgSend, { fromAddress: e.sender.address, toAddress: other(e).address, amount: [{ denom, amount: amountOf(e, denom).toString() }] })];
    },
  },
  {
    name: MsgMultiSend.typeUrl,
    weight: 4,
    build: (e) => {
      const denom = randomDenom(e);
      const outputs = Array.from({ length: e.rng.int(1, 3) }, () => ({ address: other(e).address, coins: [{ denom, amount: (e.rng.upTo(balance(e, denom) / 50n) + 1n).toString() }] }));
      const total = outputs.reduce((sum, o) => sum + BigInt(o.coins[0]!.amount), 0n);
      return [any(MsgMultiSend, { inputs: [{ address: e.sender.address, coins: [{ denom, amount: total.toString() }] }], outputs })];
    },
  },
  {
    name: MsgCreateValidator.typeUrl,
    weight: 2,
    build: (e) => {
      if (e.zone.staking.keeper.store.getValidator(e.ctx, e.sender.valoper)) return undefined;
      const rate = e.rng.int(0, 20);
      return [
        any(MsgCreateValidator, {
          description: { moniker: `sim-${e.sender.index}`, identity: '', website: '', securityContact: '', details: '' },
          commission: { rate: dec(`0.${String(rate).padStart(2, '0')}`), maxRate: dec('0.5'), maxChangeRate: dec('0.05') },
          minSelfDelegation: '1',
          delegatorAddress: '',
          validatorAddress: e.sender.valoper,
          pubkey: { typeUrl: '/cosmos.crypto.ed25519.PubKey', value: Ed25519PubKey.encode({ key: e.rng.bytes(32) }).finish() },
          value: { denom: BOND_DENOM, amount: (e.rng.upTo(balance(e, BOND_DENOM) / 4n) + 1_000_000n).toString() },
        }),
      ];
    },
  },
  {
    name: MsgDelegate.typeUrl,
    weight: 8,
    build: (e) => {
      const v = e.rng.pick(validators(e));
      return v && [any(MsgDelegate, { delegatorAddress: e.sender.address, validatorAddress: v.operator, amount: { denom: BOND_DENOM, amount: amountOf(e, BOND_DENOM).toString() } })];
    },
  },
  {
    name: MsgUndelegate.typeUrl,
    weight: 4,
    build: (e) => {
      const d = e.rng.pick(delegations(e));
      if (!d) return undefined;
      const v = e.zone.staking.keeper.store.getValidator(e.ctx, d.operator);
      const tokens = v && v.delegatorShares > 0n ? (d.shares * v.tokens) / v.delegatorShares : 0n;
      return [any(MsgUndelegate, { delegatorAddress: e.sender.address, validatorAddress: d.operator, amount: { denom: BOND_DENOM, amount: (e.rng.upTo(tokens) + 1n).toString() } })];
    },
  },
  {
    name: MsgBeginRedelegate.typeUrl,
    weight: 3,
    build: (e) => {
      const d = e.rng.pick(delegations(e));
      const dst = e.rng.pick(validators(e).filter((v) => v.operator !== d?.operator));
      if (!d || !dst) return undefined;
      const v = e.zone.staking.keeper.store.getValidator(e.ctx, d.operator);
      const tokens = v && v.delegatorShares > 0n ? (d.shares * v.tokens) / v.delegatorShares : 0n;
      return [
        any(MsgBeginRedelegate, { delegatorAddress: e.sender.address, validatorSrcAddress: d.operator, validatorDstAddress: dst.operator, amount: { denom: BOND_DENOM, amount: (e.rng.upTo(tokens) + 1n).toString() } }),
      ];
    },
  },
  {
    name: MsgWithdrawDelegatorReward.typeUrl,
    weight: 5,
    build: (e) => {
      const d = e.rng.pick(delegations(e));
      return d && [any(MsgWithdrawDelegatorReward, { delegatorAddress: e.sender.address, validatorAddress: d.operator })];
    },
  },
  {
    name: MsgWithdrawValidatorCommission.typeUrl,
    weight: 2,
    build: (e) => (e.zone.staking.keeper.store.getValidator(e.ctx, e.sender.valoper) ? [any(MsgWithdrawValidatorCommission, { validatorAddress: e.sender.valoper })] : undefined),
  },
  {
    name: MsgSetWithdrawAddress.typeUrl,
    weight: 1,
    build: (e) => [any(MsgSetWithdrawAddress, { delegatorAddress: e.sender.address, withdrawAddress: other(e).address })],
  },
  {
    name: MsgUnjail.typeUrl,
    weight: 6,
    // Jailed for downtime, not for good (a tombstoned validator's unjail fails every time),
    // mostly once the jail time is over, sometimes before (which must fail).
    senders: (e) => {
      const early = e.rng.chance(0.2);
      return e.accounts.filter((a) => {
        const v = e.zone.staking.keeper.store.getValidator(e.ctx, a.valoper);
        const info = v?.jailed ? e.zone.court.keeper.signingInfos.get(e.ctx, v.consAddress) : undefined;
        return info !== undefined && !info.tombstoned && (early || compareTime(info.jailedUntil ?? { seconds: 0n, nanos: 0 }, e.ctx.header.time) <= 0);
      });
    },
    build: (e) => (e.zone.staking.keeper.store.getValidator(e.ctx, e.sender.valoper)?.jailed ? [any(MsgUnjail, { validatorAddr: e.sender.valoper })] : undefined),
  },
  {
    name: dex.MsgCreateMarket.typeUrl,
    weight: 1,
    build: (e) => {
      const [base, quote] = pair(e);
      return [any(dex.MsgCreateMarket, { sender: e.sender.address, baseDenom: base, quoteDenom: quote, tickSize: dec('0.01'), lotSize: '100', minNotional: '1000' })];
    },
  },
  {
    name: dex.MsgPlaceLimitOrder.typeUrl,
    weight: 10,
    build: (e) => {
      const next = e.zone.dex.keeper.peekNextId(e.ctx, 'market');
      if (next <= 1n) return undefined;
      const marketId = BigInt(e.rng.int(1, Number(next) - 1));
      const timeInForce = e.rng.chance(0.3) ? dex.TimeInForce.TIME_IN_FORCE_IOC : dex.TimeInForce.TIME_IN_FORCE_GTC;
      return [
        any(dex.MsgPlaceLimitOrder, {
          sender: e.sender.address,
          marketId,
          side: e.rng.chance(0.5) ? dex.Side.SIDE_BUY : dex.Side.SIDE_SELL,
          price: (parseDec('0.01') * BigInt(e.rng.int(80, 120))).toString(),
          quantity: (100n * BigInt(e.rng.int(10, 2000))).toString(),
          timeInForce,
          expiryHeight: timeInForce === dex.TimeInForce.TIME_IN_FORCE_GTC && e.rng.chance(0.3) ? e.ctx.header.height + BigInt(e.rng.int(2, 30)) : 0n,
        }),
      ];
    },
  },
  {
    name: dex.MsgCancelOrder.typeUrl,
    weight: 3,
    senders: (e) => e.accounts.filter((a) => [...e.memory.orders.values()].includes(a.address)),
    build: (e) => {
      const mine = [...e.memory.orders].filter(([, owner]) => owner === e.sender.address).map(([id]) => id);
      const orderId = e.rng.pick(mine);
      return orderId === undefined ? undefined : [any(dex.MsgCancelOrder, { sender: e.sender.address, orderId })];
    },
  },
  {
    name: dex.MsgSwapExactIn.typeUrl,
    weight: 3,
    build: (e) => {
      const [a, b] = pair(e);
      return [any(dex.MsgSwapExactIn, { sender: e.sender.address, tokenIn: { denom: a, amount: (e.rng.upTo(balance(e, a) / 100n) + 1n).toString() }, denomOut: b, minOut: '1' })];
    },
  },
  {
    name: amm.MsgCreatePool.typeUrl,
    weight: 1,
    build: (e) => {
      const [a, b] = pair(e);
      const stable = e.rng.chance(0.3);
      const deposit = [a, b].sort().map((denom) => ({ denom, amount: (e.rng.upTo(balance(e, denom) / 10n) + 10_000n).toString() }));
      return [any(amm.MsgCreatePool, { sender: e.sender.address, curve: stable ? 'stableswap' : 'constant_product', amplification: stable ? BigInt(e.rng.int(1, 500)) : 0n, swapFee: dec('0.003'), deposit })];
    },
  },
  {
    name: amm.MsgAddLiquidity.typeUrl,
    weight: 3,
    build: (e) => {
      const pool = randomPool(e);
      if (!pool) return undefined;
      const maxAmounts = pool.denoms.map((denom) => ({ denom, amount: (e.rng.upTo(balance(e, denom) / 20n) + 1n).toString() }));
      return [any(amm.MsgAddLiquidity, { sender: e.sender.address, poolId: pool.id, maxAmounts, minShares: '1' })];
    },
  },
  {
    name: amm.MsgRemoveLiquidity.typeUrl,
    weight: 2,
    senders: (e) => e.accounts.filter((a) => e.zone.bank.keeper.getAllBalances(e.ctx, a.bytes).some((c) => c.denom.startsWith('amm/pool/'))),
    build: (e) => {
      const denom = e.rng.pick(e.zone.bank.keeper.getAllBalances(e.ctx, e.sender.bytes).filter((c) => c.denom.startsWith('amm/pool/')))?.denom;
      if (denom === undefined) return undefined;
      const pool = { id: BigInt(denom.slice('amm/pool/'.length)) };
      const shares = balance(e, shareDenom(pool.id));
      if (shares === 0n) return undefined;
      return [any(amm.MsgRemoveLiquidity, { sender: e.sender.address, poolId: pool.id, shares: (e.rng.upTo(shares - 1n) + 1n).toString(), minAmounts: [] })];
    },
  },
  {
    name: amm.MsgSwapExactIn.typeUrl,
    weight: 5,
    build: (e) => {
      const pool = randomPool(e);
      if (!pool) return undefined;
      const [a, b] = e.rng.chance(0.5) ? pool.denoms : ([pool.denoms[1], pool.denoms[0]] as const);
      return [any(amm.MsgSwapExactIn, { sender: e.sender.address, routes: [pool.id], tokenIn: { denom: a, amount: (e.rng.upTo(balance(e, a) / 50n) + 1n).toString() }, tokenOutDenom: b, minAmountOut: '1' })];
    },
  },
  {
    name: amm.MsgSwapExactOut.typeUrl,
    weight: 2,
    build: (e) => {
      const pool = randomPool(e);
      if (!pool) return undefined;
      const [a, b] = e.rng.chance(0.5) ? pool.denoms : ([pool.denoms[1], pool.denoms[0]] as const);
      return [any(amm.MsgSwapExactOut, { sender: e.sender.address, routes: [pool.id], tokenInDenom: a, maxAmountIn: balance(e, a).toString(), tokenOut: { denom: b, amount: (e.rng.upTo(10_000n) + 1n).toString() } })];
    },
  },
];

function randomPool(e: OperationEnv): { id: bigint; denoms: [string, string] } | undefined {
  const next = e.zone.amm.keeper.nextPoolId(e.ctx);
  if (next <= 1n) return undefined;
  const pool = e.zone.amm.keeper.getPool(e.ctx, BigInt(e.rng.int(1, Number(next) - 1)));
  if (!pool) return undefined;
  return { id: pool.id, denoms: [pool.denoms[0], pool.denoms[1]] };
}
