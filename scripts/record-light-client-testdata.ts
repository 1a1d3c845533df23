/**
 * Records real CometBFT headers, commits and validator sets for the 07-tendermint light
 * client's tests. Starts a 4-validator network (plus 2 full nodes) running CometBFT's
 * built-in kvstore app, then in one burst of kvstore validator txs removes two genesis
 * validators and promotes the two full nodes: the set changes by half its power, more than
 * the 1/3 a skipping update may lose. Writes the RPC `result` objects of `/commit?height=`
 * and `/validators?height=&per_page=100` for ~10 heights around the change.
 * Run: node dist/scripts/record-light-client-testdata.js [--out <file>] [--keep]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { cometbftBinary, latestHeight, projectRoot, rpc, setTomlValue } from './lib/cometbft.js';
import { freePorts, ProcessGroup, startProcess, waitFor } from './lib/processes.js';

const VALIDATORS = 4;
const FULL_NODES = 2;
/** Revision format (`-1`), so the heights the light client sees carry revision number 1. */
const CHAIN_ID = 'zonekit-lc-1';
const HEIGHTS_BEFORE_CHANGE = 4;
const HEIGHTS_FROM_CHANGE = 6;

const { values: flags } = parseArgs({
  options: {
    out: { type: 'string', default: join(projectRoot(), 'ibc/light-clients/07-tendermint/testdata/network.json') },
    keep: { type: 'boolean', default: false },
  },
});

interface NodeHome {
  home: string;
  rpcUrl: string;
  p2pPort: number;
  id: string;
  pubKey: string;
}

interface ValidatorsResult {
  block_height: string;
  validators: Array<{ address: string; pub_key: { value: string }; voting_power: string }>;
  total: string;
}

function configure(nodes: NodeHome[], rpcPorts: number[]): void {
  nodes.forEach((node, i) => {
    const configPath = join(node.home, 'config', 'config.toml');
    let config = readFileSync(configPath, 'utf8');
    config = setTomlValue(config, null, 'proxy_app', 'kvstore');
    config = setTomlValue(config, null, 'moniker', `lc-node${i}`);
    config = setTomlValue(config, 'rpc', 'laddr', `tcp://127.0.0.1:${rpcPorts[i]}`);
    config = setTomlValue(config, 'rpc', 'pprof_laddr', '');
    config = setTomlValue(config, 'p2p', 'laddr', `tcp://127.0.0.1:${node.p2pPort}`);
    const peers = nodes.filter((p) => p !== node).map((p) => `${p.id}@127.0.0.1:${p.p2pPort}`);
    config = setTomlValue(config, 'p2p', 'persistent_peers', peers.join(','));
    config = setTomlValue(config, 'p2p', 'allow_duplicate_ip', true);
    config = setTomlValue(config, 'p2p', 'addr_book_strict', false);
    config = setTomlValue(config, 'consensus', 'timeout_commit', '300ms');
    config = setTomlValue(config, 'instrumentation', 'prometheus', false);
    writeFileSync(configPath, config);
    const genesisPath = join(node.home, 'config', 'genesis.json');
    const genesis = JSON.parse(readFileSync(genesisPath, 'utf8')) as { chain_id: string };
    genesis.chain_id = CHAIN_ID;
    writeFileSync(genesisPath, JSON.stringify(genesis, null, 2));
  });
}

/** `val=ed25519!<base64 key>!<power>`: kvstore's validator update tx (v0.38). */
function validatorTx(pubKey: string, power: number): string {
  return `0x${Buffer.from(`val=ed25519!${pubKey}!${power}`).toString('hex')}`;
}

async function validatorsAt(rpcUrl: string, height: number): Promise<ValidatorsResult> {
  return rpc<ValidatorsResult>(rpcUrl, '/validators', { height: String(height), per_page: '100' });
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'zonekit-lc-record-'));
  const group = new ProcessGroup();
  try {
    const comet = cometbftBinary();
    execFileSync(comet, ['testnet', '--v', String(VALIDATORS), '--n', String(FULL_NODES), '--o', dir, '--populate-persistent-peers=false'], { stdio: 'pipe' });
    const count = VALIDATORS + FULL_NODES;
    const ports = await freePorts(2 * count);
    const nodes: NodeHome[] = Array.from({ length: count }, (_, i) => {
      const home = join(dir, `node${i}`);
      const key = JSON.parse(readFileSync(join(home, 'config', 'priv_validator_key.json'), 'utf8')) as { pub_key: { value: string } };
      const id = execFileSync(comet, ['show-node-id', '--home', home], { encoding: 'utf8' }).trim();
      return { home, rpcUrl: `http://127.0.0.1:${ports[i]}`, p2pPort: ports[count + i]!, id, pubKey: key.pub_key.value };
    });
    configure(nodes, ports.slice(0, count));
    const handles = nodes.map((node, i) => startProcess(comet, ['start', '--home', node.home], { logFile: join(dir, `node${i}.log`), group }));
    const rpcUrl = nodes[0]!.rpcUrl;
    const failIf = () => handles.find((h) => !h.running)?.logTail();
    await waitFor(async () => (await latestHeight(rpcUrl)) >= 3, { timeoutMs: 60_000, what: 'the network to reach height 3', failIf });

    const before = await validatorsAt(rpcUrl, await latestHeight(rpcUrl));
    const txs = [
      validatorTx(nodes[2]!.pubKey, 0),
      validatorTx(nodes[3]!.pubKey, 0),
      validatorTx(nodes[4]!.pubKey, 10),
      validatorTx(nodes[5]!.pubKey, 10),
    ];
    // Sent without waiting for each commit, so they land in one block and the set changes at once.
    for (const tx of txs) {
      const res = await rpc<{ code: number; log: string }>(rpcUrl, '/broadcast_tx_sync', { tx });
      if (res.code !== 0) throw new Error(`kvstore rejected validator tx: ${res.log}`);
    }
    const newKeys = new Set([nodes[0]!.pubKey, nodes[1]!.pubKey, nodes[4]!.pubKey, nodes[5]!.pubKey]);
    const changeHeight = await waitFor(
      async () => {
        const latest = await latestHeight(rpcUrl);
        const vals = await validatorsAt(rpcUrl, latest);
        const keys = vals.validators.map((v) => v.pub_key.value);
        if (keys.length !== 4 || !keys.every((k) => newKeys.has(k))) return undefined;
        for (let h = latest; h > 1; h--) {
          const prev = await validatorsAt(rpcUrl, h - 1);
          if (!prev.validators.every((v) => newKeys.has(v.pub_key.value))) return h;
        }
        return undefined;
      },
      { timeoutMs: 60_000, what: 'the validator set change', failIf },
    );
    const first = changeHeight - HEIGHTS_BEFORE_CHANGE;
    const last = changeHeight + HEIGHTS_FROM_CHANGE - 1;
    // The canonical commit of h is in block h+1; the validators of last+1 sign nothing we record
    // but are the trusted validators for a header at `last`.
    await waitFor(async () => (await latestHeight(rpcUrl)) >= last + 2, { timeoutMs: 60_000, what: `height ${last + 2}`, failIf });

    const commits: unknown[] = [];
    const validators: unknown[] = [];
    for (let h = first; h <= last; h++) {
      const commit = await rpc<{ canonical: boolean }>(rpcUrl, '/commit', { height: String(h) });
      if (!commit.canonical) throw new Error(`commit at ${h} is not canonical yet`);
      commits.push(commit);
    }
    for (let h = first; h <= last + 1; h++) validators.push(await validatorsAt(rpcUrl, h));
    const version = execFileSync(comet, ['version'], { encoding: 'utf8' }).trim();
    const recording = {
      chain_id: CHAIN_ID,
      cometbft_version: version,
      app: 'kvstore',
      validator_set_change_height: changeHeight,
      validators_before_change: before.validators.map((v) => v.address),
      commits,
      validators,
    };
    writeFileSync(flags.out!, `${JSON.stringify(recording, null, 2)}\n`);
    console.log(`recorded heights ${first}..${last} of ${CHAIN_ID} (CometBFT ${version}); validator set changes at ${changeHeight}; wrote ${flags.out}`);
  } finally {
    await group.stopAll();
    if (flags.keep) console.log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
