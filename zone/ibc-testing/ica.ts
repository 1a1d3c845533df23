// Two zones in-process for ICS-27: A controls (its relayer account is the owner), B hosts.
// Registration and the relayed handshake, MsgSendTx, and relaying a packet with its ack,
// through the real light clients and proofs of IbcPath.
import { QueryBalanceRequest, QueryBalanceResponse } from 'cosmjs-types/cosmos/bank/v1beta1/query';
import { TxMsgData } from 'cosmjs-types/cosmos/base/abci/v1beta1/abci';
import { QueryInterchainAccountRequest, QueryInterchainAccountResponse } from 'cosmjs-types/ibc/applications/interchain_accounts/controller/v1/query';
import { MsgRegisterInterchainAccount, MsgRegisterInterchainAccountResponse, MsgSendTx, MsgSendTxResponse } from 'cosmjs-types/ibc/applications/interchain_accounts/controller/v1/tx';
import type { Order, Packet } from 'cosmjs-types/ibc/core/channel/v1/channel';
import type { ExecTxResult } from 'cosmjs-types/tendermint/abci/types';
import { serializeCosmosTx, Type, type IcaGenesisJson } from '../../ibc/apps/27-interchain-accounts/index.js';
import { IbcTestChain } from './chain.js';
import { IbcPath, eventsOf, expectOk, packetsSent } from './path.js';

export const HOUR_NS = 3_600_000_000_000n;

const CONTROLLER_MSGS: Array<[string, typeof MsgRegisterInterchainAccount | typeof MsgSendTx]> = [
  [MsgRegisterInterchainAccount.typeUrl, MsgRegisterInterchainAccount],
  [MsgSendTx.typeUrl, MsgSendTx],
];

export const lastResponse = <T>(result: ExecTxResult, codec: { decode(b: Uint8Array): T }) => codec.decode(TxMsgData.decode(result.data).msgResponses.at(-1)!.value);

/** The acknowledgement B wrote, as JSON. */
export const ackOf = (recv: ExecTxResult) => JSON.parse(new TextDecoder().decode(Buffer.from(eventsOf(recv, 'write_acknowledgement')[0]!.packet_ack_hex!, 'hex'))) as { result?: string; error?: string };

export class IcaPair {
  private constructor(
    readonly a: IbcTestChain,
    readonly b: IbcTestChain,
  ) {}

  /** `hostGenesis`: B's `interchainaccounts` genesis, in place of the defaults (an allow-list, a disabled submodule). */
  static async start(hostGenesis?: IcaGenesisJson): Promise<IcaPair> {
    const msgTypes = CONTROLLER_MSGS;
    const a = await IbcTestChain.start('zone-a-1', 1, [], { msgTypes });
    const b = await IbcTestChain.start('zone-b-1', 2, [], { msgTypes, ...(hostGenesis ? { appState: { interchainaccounts: hostGenesis } } : {}) });
    return new IcaPair(a, b);
  }

  /** The owner of A's interchain accounts. */
  get owner(): string {
    return this.a.relayer;
  }

  /** Clients and a connection between A and B (a new one each call). */
  async connect(): Promise<IbcPath> {
    const path = new IbcPath(this.a, this.b);
    await path.createClients();
    await path.openConnection();
    return path;
  }

  register(connectionId: string, ordering: Order, version = ''): Promise<ExecTxResult> {
    return this.a.send({ typeUrl: MsgRegisterInterchainAccount.typeUrl, value: MsgRegisterInterchainAccount.fromPartial({ owner: this.owner, connectionId, version, ordering }) });
  }

  /** Registers on `path`'s connection and relays the handshake; `path`'s ends become the new channel's. */
  async registerAndOpen(path: IbcPath, ordering: Order): Promise<string> {
    const res = expectOk(await this.register(path.a.connectionId, ordering), 'register interchain account');
    const { channelId, portId } = lastResponse(res, MsgRegisterInterchainAccountResponse);
    Object.assign(path.a, { portId, channelId });
    Object.assign(path.b, { portId: 'icahost', channelId: '' });
    await path.finishChannelOpen();
    return channelId;
  }

  /** MsgSendTx of `msgs` (or of raw CosmosTx bytes) on `path`'s connection; returns the packet. */
  async sendTx(path: IbcPath, msgs: Array<{ typeUrl: string; value: Uint8Array }> | Uint8Array, relativeTimeout = HOUR_NS): Promise<Packet> {
    const data = msgs instanceof Uint8Array ? msgs : serializeCosmosTx(msgs);
    const packetData = { type: Type.TYPE_EXECUTE_TX, data, memo: 'from zone A' };
    const res = expectOk(await this.a.send({ typeUrl: MsgSendTx.typeUrl, value: MsgSendTx.fromPartial({ owner: this.owner, connectionId: path.a.connectionId, packetData, relativeTimeout }) }), 'send tx');
    const [packet] = packetsSent(res);
    if (lastResponse(res, MsgSendTxResponse).sequence !== packet!.sequence) throw new Error('MsgSendTxResponse does not carry the packet sequence');
    return packet!;
  }

  /** Receives the packet on B and acknowledges it on A; returns B's receive result. */
  async relay(path: IbcPath, packet: Packet): Promise<ExecTxResult> {
    const recv = await path.recvPacket(path.a, packet);
    await path.acknowledgePacket(path.a, packet, Buffer.from(eventsOf(recv, 'write_acknowledgement')[0]!.packet_ack_hex!, 'hex'));
    return recv;
  }

  /** The owner's interchain account address on A's `connectionId`, as A's controller query answers. */
  interchainAccount(connectionId: string): string {
    const request = QueryInterchainAccountRequest.encode({ owner: this.owner, connectionId }).finish();
    return QueryInterchainAccountResponse.decode(this.a.query('/ibc.applications.interchain_accounts.controller.v1.Query/InterchainAccount', request)).address;
  }

  balance(chain: IbcTestChain, address: string, denom = 'stake'): bigint {
    return BigInt(QueryBalanceResponse.decode(chain.query('/cosmos.bank.v1beta1.Query/Balance', QueryBalanceRequest.encode({ address, denom }).finish())).balance!.amount);
  }

  async close(): Promise<void> {
    await this.a.close();
    await this.b.close();
  }
}
