// The genesis ceremony as validators run it with simd, from empty folders: two homes, keys,
// genesis accounts, a gentx each, collect-gentxs, the genesis shared, both validators started
// as one network that both sign; then a send by CLI and balances by CLI and REST that agree.
// And `testnet init-files` plus the localnet library: four validators producing blocks.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot, rpc, setTomlValue } from './helpers/cometbft.js';
import { startLocalnet, type Localnet } from './helpers/localnet.js';
import { freePorts, isAlive, ProcessGroup, startProcess, waitFor, type ProcessHandle } from './helpers/processes.js';
import { zonekitFails as fails, zonekitOk as ok } from './helpers/zonekit-cli.js';

const ZONEKIT = join(projectRoot(), 'dist', 'cli', 'main.js');
const CHAIN_ID = 'ceremony-1';

interface Validator {
  home: string;
  keys: string[];
  ports: { rpc: number; p2p: number; abci: number; api: number; grpc: number };
  rpcUrl: string;
  address: string;
  nodeId: string;
  consensusKey: string;
  start?: ProcessHandle;
  cometPid?: number;
}

/** What an operator does to run a second node on the same machine: its own ports, local peers allowed. */
function useLocalPorts(v: Validator): void {
  const path = join(v.home, 'config', 'config.toml');
  let config = readFileSync(path, 'utf8');
  config = setTomlValue(config, null, 'proxy_app', `tcp://127.0.0.1:${v.ports.abci}`);
  config = setTomlValue(config, 'rpc', 'laddr', `tcp://127.0.0.1:${v.ports.rpc}`);
  config = setTomlValue(config, 'p2p', 'laddr', `tcp://127.0.0.1:${v.ports.p2p}`);
  config = setTomlValue(config, 'p2p', 'allow_duplicate_ip', true);
  config = setTomlValue(config, 'p2p', 'addr_book_strict', false);
  config = setTomlValue(config, 'consensus', 'timeout_commit', '300ms');
  writeFileSync(path, config);
}

describe('the genesis ceremony, simd-style, with two validators', () => {
  const root = mkdtempSync(join(tmpdir(), 'zonekit-ceremony-'));
  const group = new ProcessGroup();
  const validators: Validator[] = [];
  let alice: string;

  before(async () => {
    const ports = await freePorts(10);
    for (const i of [0, 1]) {
      const home = join(root, `val${i}`);
      const [rpcPort, p2p, abci, api, grpc] = ports.slice(5 * i, 5 * i + 5) as [number, number, number, number, number];
      validators.push({ home, keys: ['--home', home, '--keyring-backend', 'test'], ports: { rpc: rpcPort, p2p, abci, api, grpc }, rpcUrl: `http://127.0.0.1:${rpcPort}`, address: '', nodeId: '', consensusKey: '' });
    }
  });

  after(async () => {
    await group.stopAll(20_000);
    for (const v of validators) if (v.cometPid !== undefined && isAlive(v.cometPid)) process.kill(v.cometPid, 'SIGKILL');
    rmSync(root, { recursive: true, force: true });
  });

  it('init, keys and genesis accounts; every validator signs a gentx against the shared genesis', async () => {
    const [v0, v1] = validators as [Validator, Validator];
    for (const [i, v] of validators.entries()) {
      v.nodeId = JSON.parse(await ok(['init', `val${i}`, '--chain-id', CHAIN_ID, '--home', v.home, '-o', 'json'])).node_id;
      useLocalPorts(v);
      v.address = JSON.parse(await ok(['keys', 'add', `val${i}`, ...v.keys, '-o', 'json'])).address;
      v.consensusKey = JSON.parse(readFileSync(join(v.home, 'config', 'priv_validator_key.json'), 'utf8')).pub_key.value;
    }
    alice = JSON.parse(await ok(['keys', 'add', 'alice', ...v0.keys, '-o', 'json'])).address;
    // The coordinator (val0) funds every account, then hands its genesis to the others.
    await ok(['genesis', 'add-genesis-account', 'val0', '1000000000stake,1000000000uatom', ...v0.keys]);
    await ok(['genesis', 'add-genesis-account', v1.address, '1000000000stake,1000000000uatom', ...v0.keys]);
    await ok(['genesis', 'add-genesis-account', 'alice', '5000000uatom', ...v0.keys]);
    copyFileSync(join(v0.home, 'config', 'genesis.json'), join(v1.home, 'config', 'genesis.json'));

    await fails(['genesis', 'gentx', 'val1', '2000000000stake', '--chain-id', CHAIN_ID, ...v1.keys], /has 1000000000stake in genesis\.json, not the 2000000000stake/);
    await fails(['genesis', 'gentx', 'val1', '100stake', '--chain-id', 'other-chain', ...v1.keys], /--chain-id other-chain differs from genesis\.json's chain id ceremony-1/);
    await fails(['genesis', 'gentx', 'val1', '100uatom', ...v1.keys], /must be in the bond denom stake/);
    await fails(['genesis', 'gentx', 'val1', '100stake', '--commission-rate', '0.5', ...v1.keys], /--commission-rate 0\.5 is more than --commission-max-rate 0\.2/);

    for (const [i, v] of validators.entries()) {
      const out = JSON.parse(await ok(['genesis', 'gentx', `val${i}`, '100000000stake', '--chain-id', CHAIN_ID, '--moniker', `validator-${i}`, '--ip', '127.0.0.1', ...v.keys, '-o', 'json']));
      assert.match(out.file, new RegExp(`config/gentx/gentx-[0-9a-f]{40}\\.json$`));
      assert.equal(out.memo, `${v.nodeId}@127.0.0.1:${v.ports.p2p}`);
      const gentx = JSON.parse(readFileSync(out.file, 'utf8'));
      const msg = gentx.body.messages[0];
      assert.equal(msg['@type'], '/cosmos.staking.v1beta1.MsgCreateValidator');
      assert.deepEqual(msg.commission, { rate: '0.100000000000000000', max_rate: '0.200000000000000000', max_change_rate: '0.010000000000000000' });
      assert.deepEqual(msg.pubkey, { '@type': '/cosmos.crypto.ed25519.PubKey', key: v.consensusKey });
      assert.deepEqual(gentx.auth_info.signer_infos[0].mode_info, { single: { mode: 'SIGN_MODE_DIRECT' } });
      assert.deepEqual(gentx.auth_info.fee, { amount: [], gas_limit: '200000', payer: '', granter: '' });
      assert.equal(gentx.signatures.length, 1);
    }
    // val1 sends its gentx to the coordinator.
    const gentx1 = readdirSync(join(v1.home, 'config', 'gentx'))[0]!;
    copyFileSync(join(v1.home, 'config', 'gentx', gentx1), join(v0.home, 'config', 'gentx', gentx1));
  });

  it('collect-gentxs puts them into genesis and makes the other validator a peer', async () => {
    const [v0, v1] = validators as [Validator, Validator];
    await fails(['genesis', 'collect-gentxs', '--gentx-dir', join(root, 'nothing-here'), '--home', v0.home], /cannot read the gentx folder/);
    const out = JSON.parse(await ok(['genesis', 'collect-gentxs', '--home', v0.home, '-o', 'json']));
    assert.equal(out.gen_txs, 2);
    assert.equal(out.persistent_peers, `${v1.nodeId}@127.0.0.1:${v1.ports.p2p}`);
    assert.match(readFileSync(join(v0.home, 'config', 'config.toml'), 'utf8'), new RegExp(`persistent_peers = "${out.persistent_peers}"`));
    const genesis = JSON.parse(readFileSync(join(v0.home, 'config', 'genesis.json'), 'utf8'));
    assert.deepEqual(genesis.validators, []);
    assert.equal(genesis.app_state.genutil.gen_txs.length, 2);
    assert.match(await ok(['genesis', 'validate', '--home', v0.home]), /is a valid genesis file/);
    copyFileSync(join(v0.home, 'config', 'genesis.json'), join(v1.home, 'config', 'genesis.json'));
  });

  it('both validators start as one network, and both sign its blocks', async () => {
    for (const [i, v] of validators.entries()) {
      const logFile = join(root, `start-${i}.log`);
      // gRPC is on by default (127.0.0.1:9090): a second node on this machine needs its own port.
      const serve = ['--api.enable', '--api.address', `tcp://127.0.0.1:${v.ports.api}`, '--grpc.address', `127.0.0.1:${v.ports.grpc}`];
      v.start = startProcess(process.execPath, [ZONEKIT, 'start', '--home', v.home, '--with-cometbft', ...serve], { logFile, group });
    }
    for (const v of validators) {
      const start = v.start!;
      const match = await waitFor(() => /CometBFT running \(pid (\d+)\)/.exec(readFileSync(start.logFile, 'utf8')), {
        what: `zonekit start (log: ${start.logFile})`,
        timeoutMs: 90_000,
        failIf: () => (start.running ? undefined : `zonekit start exited:\n${start.logTail()}`),
      });
      v.cometPid = Number(match[1]);
    }
    for (const v of validators) {
      await waitFor(async () => Number((await rpc<{ sync_info: { latest_block_height: string } }>(v.rpcUrl, '/status')).sync_info.latest_block_height) >= 3, {
        what: `height 3 at ${v.rpcUrl} (logs: ${join(v.home, 'logs', 'cometbft.log')})`,
        timeoutMs: 60_000,
        failIf: () => (v.start!.running ? undefined : `zonekit start exited:\n${v.start!.logTail()}`),
      });
    }
    const set = await rpc<{ total: string; validators: Array<{ address: string; pub_key: { value: string }; voting_power: string }> }>(validators[1]!.rpcUrl, '/validators');
    assert.equal(set.total, '2');
    assert.deepEqual(set.validators.map((v) => v.pub_key.value).sort(), validators.map((v) => v.consensusKey).sort());
    assert.deepEqual(set.validators.map((v) => v.voting_power), ['100', '100']);
    // With two equal validators, no block commits without both: check one anyway.
    const commit = await rpc<{ signed_header: { commit: { signatures: Array<{ block_id_flag: number; validator_address: string }> } } }>(validators[0]!.rpcUrl, '/commit', { height: '2' });
    const signers = commit.signed_header.commit.signatures.filter((s) => s.block_id_flag === 2).map((s) => s.validator_address);
    assert.deepEqual(signers.sort(), set.validators.map((v) => v.address).sort());
  });

  it('tx bank send by CLI; balances by CLI and by REST agree, on either node', async () => {
    const [v0, v1] = validators as [Validator, Validator];
    const node0 = ['--node', `tcp://127.0.0.1:${v0.ports.rpc}`];
    const node1 = ['--node', `tcp://127.0.0.1:${v1.ports.rpc}`];
    const sent = JSON.parse(await ok(['tx', 'bank', 'send', 'alice', v1.address, '1234uatom', '--chain-id', CHAIN_ID, ...node1, '--fees', '500uatom', '-y', '-o', 'json', ...v0.keys]));
    assert.equal(sent.code, 0);
    // The send is in a block of node1's; node0 may see it a moment later.
    await waitFor(async () => JSON.parse(await ok(['query', 'bank', 'balances', v1.address, ...node0, '-o', 'json'])).balances.some((c: { amount: string }) => c.amount === '1000001234'), { what: 'the send on node0' });
    const cli = JSON.parse(await ok(['query', 'bank', 'balances', alice, ...node0, '-o', 'json']));
    const rest = (await (await fetch(`http://127.0.0.1:${v1.ports.api}/cosmos/bank/v1beta1/balances/${alice}`)).json()) as { balances: unknown };
    assert.deepEqual(cli.balances, [{ denom: 'uatom', amount: String(5_000_000 - 1234 - 500) }]);
    assert.deepEqual(rest.balances, cli.balances);
  });
});

describe('testnet init-files and the localnet library', () => {
  let net: Localnet | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'zonekit-testnet-'));

  after(async () => {
    await net?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('init-files writes N homes with one genesis, every gentx, peers and distinct ports', async () => {
    const out = join(dir, 'out');
    const testnet = JSON.parse(await ok(['testnet', 'init-files', '--validators', '3', '--output-dir', out, '--chain-id', 'files-1', '-o', 'json']));
    assert.deepEqual(testnet.nodes.map((n: { name: string }) => n.name), ['node0', 'node1', 'node2']);
    const genesis = readFileSync(join(out, 'node0', 'config', 'genesis.json'), 'utf8');
    for (const node of ['node1', 'node2']) assert.equal(readFileSync(join(out, node, 'config', 'genesis.json'), 'utf8'), genesis);
    assert.equal(JSON.parse(genesis).app_state.genutil.gen_txs.length, 3);
    const ports = testnet.nodes.flatMap((n: { ports: Record<string, number> }) => Object.values(n.ports));
    assert.equal(new Set(ports).size, ports.length);
    const peers = /persistent_peers = "([^"]*)"/.exec(readFileSync(join(out, 'node1', 'config', 'config.toml'), 'utf8'))![1]!.split(',');
    assert.deepEqual(peers.map((p) => p.split('@')[0]).sort(), [testnet.nodes[0].nodeId, testnet.nodes[2].nodeId].sort());
    assert.ok(existsSync(join(out, 'node2', 'keyring-test', 'node2.json')));
    await fails(['testnet', 'init-files', '--validators', '2', '--output-dir', out], /is not empty/);
  });

  it('a network that cannot start says why and leaves no process behind', async () => {
    const broken = join(dir, 'broken');
    const mutator = (genesis: { app_state?: Record<string, unknown> }) => {
      genesis.app_state!.bank = { balances: [{ address: 'cosmos1notanaddress', coins: [{ denom: 'uatom', amount: '1' }] }] };
    };
    await assert.rejects(startLocalnet({ validators: 2, dir: broken, genesisMutator: mutator, timeoutMs: 30_000 }), /exited[\s\S]*invalid genesis for module bank|invalid genesis for module bank/);
    const ours = readdirSync('/proc').filter((pid) => /^\d+$/.test(pid)).filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(broken);
      } catch {
        return false;
      }
    });
    assert.deepEqual(ours, []);
  });

  it('startLocalnet runs four validators that all sign blocks, and a stopped one catches up', async () => {
    const started = Date.now();
    net = await startLocalnet({ validators: 4, dir: join(dir, 'net') });
    assert.ok(Date.now() - started < 60_000);
    const set = await rpc<{ total: string }>(net.nodes[0]!.rpcUrl, '/validators');
    assert.equal(set.total, '4');
    await net.stopNode(3);
    await net.waitForHeight((await net.height(0)) + 2);
    await net.startNode(3);
    const target = (await net.height(0)) + 2;
    await net.waitForHeight(target);
    const commit = await rpc<{ signed_header: { commit: { signatures: Array<{ block_id_flag: number }> } } }>(net.nodes[3]!.rpcUrl, '/commit', { height: String(target) });
    assert.ok(commit.signed_header.commit.signatures.filter((s) => s.block_id_flag === 2).length >= 3);
  });
});
