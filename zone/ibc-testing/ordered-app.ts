// A test-only IBC application on port `orderedtest` that opens ORDERED channels only, so
// core's ordered packet flow (04-channel) is exercised through an app as ibc-go's mock app
// does; ICS-20 allows only UNORDERED. It sends packets through its one message, keeps a
// log of what it received, acknowledged and timed out in its own store (so an error ack
// leaves no trace, as core discards a failed OnRecvPacket's writes), and answers an error
// ack when the packet data is `error`. Bound only where a test asks (ZoneOptions.ibcApps).
import { Order, type Counterparty, type Packet } from 'cosmjs-types/ibc/core/channel/v1/channel';
import { BinaryReader, BinaryWriter } from 'cosmjs-types/binary';
import type { Context } from '../../app/context.js';
import { defineModule } from '../../app/module.js';
import { prefixStore } from '../../app/store/index.js';
import type { AppChannelKeeper } from '../../ibc/core/app-channels.js';
import type { Acknowledgement, IBCModule } from '../../ibc/core/05-port/ibc-module.js';
import { ErrInvalidChannelOrdering, ErrInvalidChannelVersion } from '../../ibc/core/04-channel/errors.js';
import type { ExtraIbcApp } from '../zone.js';

export const PORT_ID = 'orderedtest';
export const VERSION = 'ordered-1';
const STORE_KEY = 'orderedtest';
export const MSG_SEND_PACKET_TYPE_URL = '/zonekit.orderedtest.v1.MsgSendPacket';
export const QUERY_LOG_PATH = '/zonekit.orderedtest.v1.Query/Log';

/** Packet data that makes OnRecvPacket answer an error acknowledgement. */
export const ERROR_DATA = 'error';
const SUCCESS_ACK = new TextEncoder().encode('{"result":"AQ=="}');
const ERROR_ACK = new TextEncoder().encode('{"error":"orderedtest: asked to fail"}');

export interface MsgSendPacket {
  signer: string;
  channelId: string;
  data: Uint8Array;
  timeoutRevisionNumber: bigint;
  timeoutRevisionHeight: bigint;
  timeoutTimestamp: bigint;
}

// Field numbers 1..6 in the order above; tags are (field << 3) | wire type (0 varint, 2 bytes).
export const MsgSendPacket = {
  typeUrl: MSG_SEND_PACKET_TYPE_URL,
  encode(m: MsgSendPacket, w: BinaryWriter = BinaryWriter.create()): BinaryWriter {
    if (m.signer !== '') w.uint32(10).string(m.signer);
    if (m.channelId !== '') w.uint32(18).string(m.channelId);
    if (m.data.length > 0) w.uint32(26).bytes(m.data);
    if (m.timeoutRevisionNumber !== 0n) w.uint32(32).uint64(m.timeoutRevisionNumber);
    if (m.timeoutRevisionHeight !== 0n) w.uint32(40).uint64(m.timeoutRevisionHeight);
    if (m.timeoutTimestamp !== 0n) w.uint32(48).uint64(m.timeoutTimestamp);
    return w;
  },
  decode(input: BinaryReader | Uint8Array, length?: number): MsgSendPacket {
    const r = input instanceof BinaryReader ? input : new BinaryReader(input);
    const end = length === undefined ? r.len : r.pos + length;
    const m = MsgSendPacket.fromPartial({});
    while (r.pos < end) {
      const tag = r.uint32();
      if (tag === 10) m.signer = r.string();
      else if (tag === 18) m.channelId = r.string();
      else if (tag === 26) m.data = r.bytes();
      else if (tag === 32) m.timeoutRevisionNumber = r.uint64();
      else if (tag === 40) m.timeoutRevisionHeight = r.uint64();
      else if (tag === 48) m.timeoutTimestamp = r.uint64();
      else r.skipType(tag & 7);
    }
    return m;
  },
  fromPartial: (o: Partial<MsgSendPacket>): MsgSendPacket => ({
    signer: o.signer ?? '',
    channelId: o.channelId ?? '',
    data: o.data ?? new Uint8Array(),
    timeoutRevisionNumber: o.timeoutRevisionNumber ?? 0n,
    timeoutRevisionHeight: o.timeoutRevisionHeight ?? 0n,
    timeoutTimestamp: o.timeoutTimestamp ?? 0n,
  }),
};

/** One entry of the app's log, in the order the chain processed them. */
export interface LogEntry {
  kind: 'recv' | 'ack' | 'timeout';
  channel: string;
  sequence: string;
  /** Packet data (recv) or acknowledgement bytes (ack), as text. */
  data: string;
}

const LOG_PREFIX = Uint8Array.of(0x01);
const COUNT_KEY = Uint8Array.of(0x00);
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

function append(ctx: Context, entry: LogEntry): void {
  const store = ctx.kvStore(STORE_KEY);
  const count = store.get(COUNT_KEY);
  const index = count === undefined ? 0n : Buffer.from(count).readBigUInt64BE();
  const key = Buffer.alloc(8);
  key.writeBigUInt64BE(index);
  prefixStore(store, LOG_PREFIX).set(key, new TextEncoder().encode(JSON.stringify(entry)));
  const next = Buffer.alloc(8);
  next.writeBigUInt64BE(index + 1n);
  store.set(COUNT_KEY, next);
}

function requireOrdered(order: Order): void {
  if (order !== Order.ORDER_ORDERED) throw ErrInvalidChannelOrdering.wrap(`expected ORDER_ORDERED channel, got ${order}`);
}

function requireVersion(version: string): void {
  if (version !== VERSION) throw ErrInvalidChannelVersion.wrap(`expected ${VERSION}, got ${version}`);
}

const ibcModule: IBCModule = {
  onChanOpenInit(_ctx: Context, order: Order, _hops: readonly string[], _port: string, _channel: string, _cp: Counterparty, version: string): string {
    requireOrdered(order);
    if (version === '') return VERSION;
    requireVersion(version);
    return version;
  },
  onChanOpenTry(_ctx: Context, order: Order, _hops: readonly string[], _port: string, _channel: string, _cp: Counterparty, counterpartyVersion: string): string {
    requireOrdered(order);
    requireVersion(counterpartyVersion);
    return VERSION;
  },
  onChanOpenAck: (_ctx, _port, _channel, _cpChannel, counterpartyVersion) => requireVersion(counterpartyVersion),
  onChanOpenConfirm: () => {},
  onChanCloseInit: () => {},
  onChanCloseConfirm: () => {},
  onRecvPacket(ctx: Context, packet: Packet): Acknowledgement {
    // Written even on failure, so a test can see that core drops it with the error ack.
    append(ctx, { kind: 'recv', channel: packet.destinationChannel, sequence: packet.sequence.toString(), data: text(packet.data) });
    if (text(packet.data) === ERROR_DATA) return { success: false, bytes: ERROR_ACK };
    return { success: true, bytes: SUCCESS_ACK };
  },
  onAcknowledgementPacket(ctx: Context, packet: Packet, acknowledgement: Uint8Array): void {
    append(ctx, { kind: 'ack', channel: packet.sourceChannel, sequence: packet.sequence.toString(), data: text(acknowledgement) });
  },
  onTimeoutPacket(ctx: Context, packet: Packet): void {
    append(ctx, { kind: 'timeout', channel: packet.sourceChannel, sequence: packet.sequence.toString(), data: text(packet.data) });
  },
};

/** For ZoneOptions.ibcApps: the app bound to `orderedtest`, with its module (message, log query, store). */
export function orderedTestApp(channels: AppChannelKeeper): ExtraIbcApp {
  const module = defineModule({
    name: 'orderedtest',
    storeKey: STORE_KEY,
    msgs: {
      [MSG_SEND_PACKET_TYPE_URL]: {
        decode: (value: Uint8Array) => MsgSendPacket.decode(value),
        signers: (msg: MsgSendPacket) => [msg.signer],
        handle(ctx: Context, msg: MsgSendPacket) {
          const timeoutHeight = { revisionNumber: msg.timeoutRevisionNumber, revisionHeight: msg.timeoutRevisionHeight };
          const sequence = channels.sendPacket(ctx, PORT_ID, msg.channelId, timeoutHeight, msg.timeoutTimestamp, msg.data);
          // The response is `uint64 sequence = 1`.
          return { typeUrl: `${MSG_SEND_PACKET_TYPE_URL}Response`, value: BinaryWriter.create().uint32(8).uint64(sequence).finish() };
        },
      },
    },
    queries: {
      // The whole log as JSON: this is a test app, not a wire API.
      [QUERY_LOG_PATH]: (ctx: Context) => {
        const entries = [...prefixStore(ctx.kvStore(STORE_KEY), LOG_PREFIX).iterator()].map(([, value]) => JSON.parse(text(value)) as LogEntry);
        return new TextEncoder().encode(JSON.stringify(entries));
      },
    },
  });
  return { portId: PORT_ID, ibcModule, module };
}
