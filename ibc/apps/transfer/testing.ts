// Test support: auth + bank + transfer over an in-memory store, with a fake channel keeper
// (a map of channels and the list of packets sent) standing in for IBC core.
import { Channel, Order, State, type Packet } from 'cosmjs-types/ibc/core/channel/v1/channel';
import type { Height } from 'cosmjs-types/ibc/core/client/v1/client';
import type { Coins } from '../../../app/coins.js';
import type { Context } from '../../../app/context.js';
import { testContext } from '../../../app/testing.js';
import { authModule } from '../../../modules/auth/index.js';
import { STORE_KEY as AUTH_STORE } from '../../../modules/auth/keys.js';
import { bankModule } from '../../../modules/bank/index.js';
import { STORE_KEY as BANK_STORE } from '../../../modules/bank/keys.js';
import { ErrChannelNotFound } from './errors.js';
import type { TransferChannelKeeper } from './expects.js';
import { MODULE_ACCOUNT, PORT_ID, STORE_KEY, VERSION } from './keys.js';
import { transferModule } from './module.js';

export interface SentPacket {
  sourcePort: string;
  sourceChannel: string;
  timeoutHeight: Height;
  timeoutTimestamp: bigint;
  data: Uint8Array;
  sequence: bigint;
}

export class FakeChannels implements TransferChannelKeeper {
  readonly channels = new Map<string, Channel>();
  readonly sent: SentPacket[] = [];
  private readonly sequences = new Map<string, bigint>();

  /** An OPEN UNORDERED ics20-1 channel `transfer/{channelId}` to `transfer/{counterpartyChannelId}`. */
  open(channelId: string, counterpartyChannelId: string, portId = PORT_ID): void {
    this.channels.set(`${portId}/${channelId}`, {
      state: State.STATE_OPEN,
      ordering: Order.ORDER_UNORDERED,
      counterparty: { portId: PORT_ID, channelId: counterpartyChannelId },
      connectionHops: ['connection-0'],
      version: VERSION,
    });
  }

  getChannel(_ctx: Context, portId: string, channelId: string): Channel | undefined {
    return this.channels.get(`${portId}/${channelId}`);
  }

  sendPacket(_ctx: Context, sourcePort: string, sourceChannel: string, timeoutHeight: Height, timeoutTimestamp: bigint, data: Uint8Array): bigint {
    const key = `${sourcePort}/${sourceChannel}`;
    if (!this.channels.has(key)) throw ErrChannelNotFound.wrap(sourceChannel);
    const sequence = (this.sequences.get(key) ?? 0n) + 1n;
    this.sequences.set(key, sequence);
    this.sent.push({ sourcePort, sourceChannel, timeoutHeight, timeoutTimestamp, data, sequence });
    return sequence;
  }

  /** The packet a relayer would deliver back (ack or timeout) for a sent one. */
  packetOf(sent: SentPacket): Packet {
    const channel = this.channels.get(`${sent.sourcePort}/${sent.sourceChannel}`)!;
    return {
      sequence: sent.sequence,
      sourcePort: sent.sourcePort,
      sourceChannel: sent.sourceChannel,
      destinationPort: channel.counterparty.portId,
      destinationChannel: channel.counterparty.channelId,
      data: sent.data,
      timeoutHeight: sent.timeoutHeight,
      timeoutTimestamp: sent.timeoutTimestamp,
    };
  }
}

export function transferTestEnv() {
  const auth = authModule({ moduleAccounts: { [MODULE_ACCOUNT]: ['minter', 'burner'] } });
  const bank = bankModule({ accounts: auth.keeper, blockedAddresses: auth.keeper.moduleAccountAddresses() });
  const channels = new FakeChannels();
  const transfer = transferModule({ bank: bank.keeper, accounts: auth.keeper, channels });
  const ctx = testContext({ stores: [AUTH_STORE, BANK_STORE, STORE_KEY] });
  bank.genesis.init(ctx, bank.genesis.validate(bank.genesis.defaults()));
  transfer.genesis.init(ctx, transfer.genesis.validate(transfer.genesis.defaults()));
  const codec = auth.keeper.addressCodec;
  const fund = (address: Uint8Array, coins: Coins) => {
    bank.keeper.initBalances(ctx, address, coins.map((c) => ({ denom: c.denom, amount: bank.keeper.getBalance(ctx, address, c.denom) + c.amount })));
    for (const c of coins) bank.keeper.setSupply(ctx, { denom: c.denom, amount: bank.keeper.getSupply(ctx, c.denom) + c.amount });
    if (!auth.keeper.hasAccount(ctx, address)) auth.keeper.createAccount(ctx, address);
  };
  return { ctx, auth, bank, transfer, channels, codec, fund };
}

export type TransferTestEnv = ReturnType<typeof transferTestEnv>;
