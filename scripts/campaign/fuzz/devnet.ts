// The one-node devnet the RPC, REST and gRPC targets share: `startLocalnet` with one validator
// and two extra genesis accounts (the sender of the valid txs and their recipient). It keeps
// the valid txs sent through it and checks, at the end, that the chain holds exactly those.
import { readdirSync, readFileSync } from 'node:fs';
import { MsgSend } from 'cosmjs-types/cosmos/bank/v1beta1/tx';
import { addGenesisAccount, bondDenom } from '../../../cli/genesis-accounts.js';
import { latestHeight, rpc } from '../../lib/cometbft.js';
import { startLocalnet, type Localnet, type LocalnetNode } from '../../lib/localnet.js';
import { waitFor } from '../../lib/processes.js';
import { fuzzKey, sendMsg, signTx, txHash, type FuzzKey, type TxSpec } from './sign.js';
import type { Tally } from './tally.js';

const FUNDS = 1_000_000_000_000n;

export interface FuzzDevnet {
  net: Localnet;
  node: LocalnetNode;
  chainId: string;
  denom: string;
  sender: FuzzKey;
  recipient: FuzzKey;
  /** Not in genesis: what it signs can never pass the ante. */
  stranger: FuzzKey;
  /** PID of the app process, for its memory. */
  appPid: number;
  /** The sender's next valid tx (a bank send), not yet broadcast. */
  nextValid(amount: bigint): TxSpec;
  /** Broadcasts the next valid tx; throws unless CheckTx accepts it. */
  sendValid(spec: TxSpec): Promise<void>;
  /** Throws when the node does not answer, or has stopped making blocks. */
  probe(): Promise<void>;
  /** The last lines of the app's and CometBFT's logs, for a violation's report. */
  logTail(): string;
  /** Checks that the chain holds exactly the valid txs, and the balances they make. */
  verifyState(tally: Tally | undefined): Promise<void>;
  close(): Promise<void>;
}

/** The PID of the process whose command line has all of `words` (the app of one home). */
function pidOf(words: readonly string[]): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (words.every((w) => args.includes(w))) return Number(entry);
    } catch {
      // Gone already.
    }
  }
  throw new Error(`no process with ${words.join(' ')}`);
}

export async function startFuzzDevnet(log: (line: string) => void): Promise<FuzzDevnet> {
  const sender = fuzzKey('sender', 0n);
  const recipient = fuzzKey('recipient', 1n);
  const stranger = fuzzKey('stranger', 7_777n);
  let denom = 'stake';
  const started = performance.now();
  const net = await startLocalnet({
    validators: 1,
    chainId: 'zonekit-fuzz-devnet',
    timeoutCommit: '300ms',
    // Account numbers 0 and 1: these go in before the validator's own account.
    genesisMutator: (genesis) => {
      denom = bondDenom(genesis);
      for (const key of [sender, recipient]) addGenesisAccount(genesis, key.address, [{ denom, amount: FUNDS.toString() }]);
    },
  });
  const node = net.nodes[0]!;
  const appPid = pidOf(['--home', node.home, '--abci']);
  log(`devnet up in ${((performance.now() - started) / 1000).toFixed(1)} s: RPC ${node.rpcUrl}, REST ${node.restUrl}, gRPC ${node.grpcAddress}, app PID ${appPid}`);

  let sequence = 0n;
  const valid = new Map<string, bigint>();
  let lastProbe = { at: performance.now(), height: await latestHeight(node.rpcUrl) };

  const devnet: FuzzDevnet = {
    net,
    node,
    chainId: net.chainId,
    denom,
    sender,
    recipient,
    stranger,
    appPid,
    nextValid: (amount) => ({ key: sender, sequence, chainId: net.chainId, messages: [sendMsg(sender.address, recipient.address, denom, amount)] }),
    async sendValid(spec) {
      const { tx } = signTx(spec);
      const result = await rpc<{ code: number; codespace: string; log: string }>(node.rpcUrl, '/broadcast_tx_sync', { tx: `0x${Buffer.from(tx).toString('hex')}` });
      if (result.code !== 0) throw new Error(`the valid tx at sequence ${spec.sequence} was rejected: ${result.codespace}/${result.code} ${result.log}`);
      valid.set(txHash(tx), amountOf(spec));
      sequence++;
    },
    async probe() {
      if (!node.running) throw new Error('the devnet node is not running');
      const height = await latestHeight(node.rpcUrl);
      const now = performance.now();
      // A stalled chain: no new block in 20 s.
      if (height === lastProbe.height && now - lastProbe.at > 20_000) throw new Error(`no block since height ${height} for ${((now - lastProbe.at) / 1000).toFixed(0)} s`);
      if (height !== lastProbe.height) lastProbe = { at: now, height };
    },
    async verifyState(tally) {
      const notes = tally?.report.notes ?? [];
      const fail = (what: string): void => (tally ? tally.violation('state', 0, what) : undefined);
      await waitFor(async () => (await rpc<{ n_txs: string }>(node.rpcUrl, '/num_unconfirmed_txs')).n_txs === '0', { what: 'the devnet mempool to drain', timeoutMs: 60_000 });
      const top = await latestHeight(node.rpcUrl);
      const included: string[] = [];
      for (let max = top; max >= 1; max -= 20) {
        const { block_metas } = await rpc<{ block_metas: Array<{ header: { height: string }; num_txs: string }> }>(node.rpcUrl, '/blockchain', { minHeight: String(Math.max(1, max - 19)), maxHeight: String(max) });
        for (const meta of block_metas) {
          if (meta.num_txs === '0') continue;
          const { block } = await rpc<{ block: { data: { txs: string[] | null } } }>(node.rpcUrl, '/block', { height: meta.header.height });
          for (const b64 of block.data.txs ?? []) included.push(txHash(Buffer.from(b64, 'base64')));
        }
      }
      const foreign = included.filter((h) => !valid.has(h));
      const missing = [...valid.keys()].filter((h) => !included.includes(h));
      if (foreign.length > 0) fail(`${foreign.length} txs in the devnet's blocks are not among the valid ones, e.g. ${foreign[0]}`);
      if (missing.length > 0) fail(`${missing.length} valid txs never reached a block, e.g. ${missing[0]}`);
      const balance = async (address: string): Promise<bigint> => {
        const body = (await (await fetch(`${node.restUrl}/cosmos/bank/v1beta1/balances/${address}/by_denom?denom=${denom}`)).json()) as { balance: { amount: string } };
        return BigInt(body.balance.amount);
      };
      const sent = [...valid.values()].reduce((a, b) => a + b, 0n);
      const [got, left] = [await balance(recipient.address), await balance(sender.address)];
      if (got !== FUNDS + sent || left !== FUNDS - sent) fail(`balances: recipient ${got}, sender ${left}; the valid sends alone make ${FUNDS + sent} and ${FUNDS - sent}`);
      notes.push(`state: the devnet's ${top} blocks hold ${included.length} txs, exactly the ${valid.size} valid ones; balances ${got === FUNDS + sent && left === FUNDS - sent ? 'match' : 'DO NOT match'} the valid sends alone`);
    },
    logTail: () =>
      [node.logs.app, node.logs.cometbft]
        .map((file) => {
          try {
            return `${file}:\n${readFileSync(file, 'utf8').split('\n').slice(-15).join('\n')}`;
          } catch {
            return `${file}: (unreadable)`;
          }
        })
        .join('\n'),
    close: () => net.close(),
  };
  return devnet;
}

/** The amount of a valid tx (one bank send, built by sendMsg). */
function amountOf(spec: TxSpec): bigint {
  return BigInt(MsgSend.decode(spec.messages[0]!.value).amount[0]!.amount);
}
