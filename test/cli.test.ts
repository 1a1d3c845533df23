// The `zonekit` command as a user drives it: init a home, add keys and genesis accounts,
// `start --with-cometbft`, send and query by CLI, agree with REST, sign offline-style, and
// get clear errors with a non-zero exit for bad input.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appJsonTypes } from '../app/rest/json-types.js';
import { TxJsonRegistry } from '../app/tx/tx-json.js';
import { buildZone } from '../zone/zone.js';
import { projectRoot } from './helpers/cometbft.js';
import { freePorts, isAlive, ProcessGroup, startProcess, waitFor, type ProcessHandle } from './helpers/processes.js';
import { runZonekit as zonekit, zonekitFails as fails, zonekitOk as ok } from './helpers/zonekit-cli.js';

const ZONEKIT = join(projectRoot(), 'dist', 'cli', 'main.js');
const CHAIN_ID = 'cli-test-1';

describe('the zonekit CLI against a real chain', () => {
  const home = mkdtempSync(join(tmpdir(), 'zonekit-cli-'));
  const group = new ProcessGroup();
  const keys = ['--home', home, '--keyring-backend', 'test'];
  let node: string[];
  let rpc: string;
  let rest: string;
  let grpcAddress: string;
  let alice: string;
  let bob: string;
  let start: ProcessHandle;
  let cometPid: number;

  before(async () => {
    const [rpcPort, p2pPort, abciPort, apiPort, grpcPort] = (await freePorts(5)) as [number, number, number, number, number];
    grpcAddress = `127.0.0.1:${grpcPort}`;
    rpc = `tcp://127.0.0.1:${rpcPort}`;
    rest = `http://127.0.0.1:${apiPort}`;
    node = ['--node', rpc];
    await ok(['init', 'validator-1', '--chain-id', CHAIN_ID, '--home', home]);
    alice = JSON.parse(await ok(['keys', 'add', 'alice', ...keys, '--output', 'json'])).address;
    bob = JSON.parse(await ok(['keys', 'add', 'bob', ...keys, '--output', 'json'])).address;
    await ok(['genesis', 'add-genesis-account', 'alice', '1000000000uatom,5000000ustake', ...keys]);
    await ok(['genesis', 'add-genesis-account', bob, '1000uatom', ...keys]);
    assert.match(await ok(['genesis', 'validate', '--home', home]), /is a valid genesis file/);
    const logFile = join(home, 'start.log');
    start = startProcess(
      process.execPath,
      [ZONEKIT, 'start', '--home', home, '--with-cometbft', '--proxy_app', `tcp://127.0.0.1:${abciPort}`, '--rpc.laddr', rpc, '--p2p.laddr', `tcp://127.0.0.1:${p2pPort}`,
        '--api.enable', '--api.address', `tcp://127.0.0.1:${apiPort}`, '--grpc.address', grpcAddress, '--minimum-gas-prices', '0.01uatom'],
      { logFile, group },
    );
    const match = await waitFor(() => /CometBFT running \(pid (\d+)\)/.exec(readFileSync(logFile, 'utf8')), {
      what: `zonekit start (log: ${logFile})`,
      timeoutMs: 90_000,
      failIf: () => (start.running ? undefined : `zonekit start exited:\n${start.logTail()}`),
    });
    cometPid = Number(match[1]);
    await waitFor(async () => Number(JSON.parse(await ok(['status', ...node, '-o', 'json'])).sync_info.latest_block_height) >= 2, { what: 'height 2', timeoutMs: 60_000 });
  });

  after(async () => {
    await group.stopAll(20_000);
    if (cometPid !== undefined && isAlive(cometPid)) process.kill(cometPid, 'SIGKILL');
  });

  it('init made a home like simd: CometBFT config and keys, app.toml, genesis with every module', () => {
    for (const file of ['config.toml', 'app.toml', 'genesis.json', 'node_key.json', 'priv_validator_key.json']) assert.ok(existsSync(join(home, 'config', file)), file);
    const genesis = JSON.parse(readFileSync(join(home, 'config', 'genesis.json'), 'utf8'));
    assert.equal(genesis.chain_id, CHAIN_ID);
    const withGenesis = buildZone().app.modules.filter((m) => m.genesis !== undefined).map((m) => m.name);
    assert.deepEqual(Object.keys(genesis.app_state), withGenesis);
    assert.ok(withGenesis.includes('staking') && withGenesis.includes('genutil'));
    assert.deepEqual(genesis.app_state.auth.accounts.map((a: { address: string; account_number: string }) => [a.address, a.account_number]), [[alice, '0'], [bob, '1']]);
  });

  it('init refuses to replace a genesis without --overwrite; genesis validate catches a bad app_state', async () => {
    await fails(['init', 'again', '--chain-id', CHAIN_ID, '--home', home], /genesis\.json already exists[\s\S]*--overwrite/);
    await fails(['genesis', 'add-genesis-account', 'alice', '1uatom', ...keys], /already in genesis\.json/);
    const broken = JSON.parse(readFileSync(join(home, 'config', 'genesis.json'), 'utf8'));
    broken.app_state.bank.balances[0].coins = [{ denom: 'uatom', amount: '-5' }];
    const path = join(home, 'broken-genesis.json');
    writeFileSync(path, JSON.stringify(broken));
    await fails(['genesis', 'validate', path, '--home', home], /invalid app_state\.bank/);
  });

  it('status reports the chain, height and node id', async () => {
    const text = await ok(['status', ...node]);
    assert.match(text, new RegExp(`chain id:\\s+${CHAIN_ID}`));
    assert.match(text, /latest height:\s+\d+/);
    assert.match(text, /catching up:\s+false/);
    assert.match(await ok(['version']), /^0\.1\.0\n$/);
    assert.match(readFileSync(join(home, 'start.log'), 'utf8'), new RegExp(`gRPC server listening on ${grpcAddress}`));
  });

  it('tx bank send, then balances by CLI and by REST agree', async () => {
    const result = JSON.parse(await ok(['tx', 'bank', 'send', 'alice', bob, '2500uatom', '--chain-id', CHAIN_ID, ...node, '--gas', 'auto', '--gas-prices', '0.01uatom', '-y', '--output', 'json', ...keys]));
    assert.equal(result.code, 0);
    assert.match(result.txhash, /^[0-9A-F]{64}$/);
    const cli = JSON.parse(await ok(['query', 'bank', 'balances', bob, ...node, '--output', 'json', ...keys]));
    const response = await fetch(`${rest}/cosmos/bank/v1beta1/balances/${bob}`);
    const restBody = (await response.json()) as { balances: unknown };
    assert.deepEqual(cli.balances, [{ denom: 'uatom', amount: '3500' }]);
    assert.deepEqual(cli.balances, restBody.balances);
    assert.equal((await ok(['query', 'bank', 'balances', 'bob', '--denom', 'uatom', ...node, ...keys])).trim(), '3500uatom');

    const tx = JSON.parse(await ok(['query', 'tx', result.txhash, ...node, '-o', 'json']));
    assert.equal(tx.height, result.height);
    const search = JSON.parse(await ok(['query', 'txs', '--events', `message.sender=${alice}`, ...node, '-o', 'json']));
    assert.ok(search.txs.some((t: { txhash: string }) => t.txhash === result.txhash));
    const block = JSON.parse(await ok(['query', 'block', result.height, ...node, '-o', 'json']));
    assert.equal(block.block.header.chain_id, CHAIN_ID);
    assert.equal(block.block.data.txs.length, 1);
    const account = JSON.parse(await ok(['query', 'auth', 'account', 'alice', ...node, '-o', 'json', ...keys]));
    assert.equal(account.address, alice);
    assert.equal(account.sequence, '1');
  });

  it('modules add their own commands: tx counter increment --from, query counter count (generated from the query service)', async () => {
    const increment = JSON.parse(await ok(['tx', 'counter', 'increment', '3', '--from', 'alice', ...node, '--gas-prices', '0.01uatom', '-y', '-o', 'json', ...keys]));
    assert.equal(increment.code, 0);
    // The tx's reply (TxMsgData), in the SDK's JSON: what the command did.
    assert.deepEqual(increment.msg_responses, [{ '@type': '/zonekit.counter.v1.MsgIncrementResponse', count: '3' }]);
    assert.deepEqual(JSON.parse(await ok(['query', 'counter', 'count', 'alice', ...node, ...keys])), { count: '3' });
  });

  it('--generate-only, tx sign and tx broadcast in the SDK\'s tx JSON; an amino-json signed tx also goes through REST POST', async () => {
    const unsigned = join(home, 'unsigned.json');
    writeFileSync(unsigned, await ok(['tx', 'bank', 'send', 'alice', bob, '7uatom', '--fees', '3000uatom', '--generate-only', ...keys]));
    // What simd writes: snake_case, "@type" for Any, defaults spelled out, no signer yet.
    assert.deepEqual(JSON.parse(readFileSync(unsigned, 'utf8')), {
      body: {
        messages: [{ '@type': '/cosmos.bank.v1beta1.MsgSend', from_address: alice, to_address: bob, amount: [{ denom: 'uatom', amount: '7' }] }],
        memo: '',
        timeout_height: '0',
        extension_options: [],
        non_critical_extension_options: [],
      },
      auth_info: { signer_infos: [], fee: { amount: [{ denom: 'uatom', amount: '3000' }], gas_limit: '200000', payer: '', granter: '' }, tip: null },
      signatures: [],
    });
    const signed = join(home, 'signed.json');
    await ok(['tx', 'sign', unsigned, '--from', 'alice', '--chain-id', CHAIN_ID, ...node, '--output-document', signed, ...keys]);
    const signedJson = JSON.parse(readFileSync(signed, 'utf8'));
    assert.equal(signedJson.signatures.length, 1);
    assert.deepEqual(signedJson.auth_info.signer_infos[0].mode_info, { single: { mode: 'SIGN_MODE_DIRECT' } });
    assert.equal(signedJson.auth_info.signer_infos[0].public_key['@type'], '/cosmos.crypto.secp256k1.PubKey');
    const result = JSON.parse(await ok(['tx', 'broadcast', signed, ...node, '-o', 'json']));
    assert.equal(result.code, 0);

    // Sign the same unsigned tx again, as a Ledger would (amino JSON), at the next sequence, and POST it to the REST API.
    const again = JSON.parse(await ok(['tx', 'sign', unsigned, '--from', 'alice', '--sign-mode', 'amino-json', ...node, ...keys]));
    assert.deepEqual(again.auth_info.signer_infos[0].mode_info, { single: { mode: 'SIGN_MODE_LEGACY_AMINO_JSON' } });
    assert.equal(again.auth_info.signer_infos[0].sequence, '3');
    const bytes = new TxJsonRegistry(appJsonTypes(buildZone().app)).txJsonToBytes(again);
    const response = await fetch(`${rest}/cosmos/tx/v1beta1/txs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tx_bytes: Buffer.from(bytes).toString('base64'), mode: 'BROADCAST_MODE_SYNC' }),
    });
    const body = (await response.json()) as { tx_response: { code: number; txhash: string } };
    assert.equal(body.tx_response.code, 0, JSON.stringify(body));
    await waitFor(async () => (await zonekit(['query', 'tx', body.tx_response.txhash, ...node])).code === 0, { what: 'the REST-broadcast tx in a block' });
    assert.equal((await ok(['query', 'bank', 'balances', bob, '--denom', 'uatom', ...node, ...keys])).trim(), '3514uatom');
  });

  it('offline signing takes the account number and sequence from flags', async () => {
    const unsigned = join(home, 'unsigned-offline.json');
    writeFileSync(unsigned, await ok(['tx', 'bank', 'send', 'bob', alice, '1uatom', '--fees', '2000uatom', '--generate-only', ...keys]));
    const account = JSON.parse(await ok(['query', 'auth', 'account', 'bob', ...node, '-o', 'json', ...keys]));
    const signed = join(home, 'signed-offline.json');
    await ok(['tx', 'sign', unsigned, '--from', 'bob', '--offline', '--chain-id', CHAIN_ID, '--account-number', account.account_number, '--sequence', account.sequence, '--output-document', signed, '--node', 'tcp://127.0.0.1:1', ...keys]);
    assert.equal(JSON.parse(await ok(['tx', 'broadcast', signed, ...node, '-o', 'json'])).code, 0);
  });

  it("client.toml's node, chain-id and broadcast-mode are what queries and txs use when no flag says otherwise", async () => {
    // No --node below: the node set only in client.toml answers.
    await ok(['config', 'set', 'client', 'node', rpc, '--home', home]);
    try {
      assert.equal(JSON.parse(await ok(['status', '--home', home, '-o', 'json'])).node_info.network, CHAIN_ID);
      const cli = JSON.parse(await ok(['query', 'bank', 'balances', bob, '-o', 'json', ...keys]));
      const restBody = (await (await fetch(`${rest}/cosmos/bank/v1beta1/balances/${bob}`)).json()) as { balances: unknown };
      assert.deepEqual(cli.balances, restBody.balances);

      await ok(['config', 'set', 'client', 'broadcast-mode', 'async', '--home', home]);
      const sent = JSON.parse(await ok(['tx', 'bank', 'send', 'alice', bob, '1uatom', '--fees', '2000uatom', '-y', '-o', 'json', ...keys]));
      assert.equal(sent.height, '0');
      await waitFor(async () => (await zonekit(['query', 'tx', sent.txhash, '--home', home])).code === 0, { what: 'the async tx in a block' });

      await ok(['config', 'set', 'client', 'chain-id', 'not-this-chain', '--home', home]);
      await fails(['tx', 'bank', 'send', 'alice', bob, '1uatom', '--fees', '2000uatom', '-y', ...keys], new RegExp(`wrong chain id: --chain-id is not-this-chain but the node at ${rpc.replace(/[.]/g, '\\.')} is on chain ${CHAIN_ID}`));
    } finally {
      await ok(['config', 'set', 'client', 'chain-id', CHAIN_ID, '--home', home]);
      await ok(['config', 'set', 'client', 'broadcast-mode', 'block', '--home', home]);
      await ok(['config', 'set', 'client', 'node', 'tcp://localhost:26657', '--home', home]);
    }
  });

  it('bad input fails with what went wrong, what to do, and a non-zero exit', async () => {
    const send = (...args: string[]) => ['tx', 'bank', 'send', ...args, '--chain-id', CHAIN_ID, ...node, '--fees', '2000uatom', '-y', ...keys];
    await fails(send('carol', bob, '1uatom'), /"carol" is neither a key in the test keyring[\s\S]*the keys there are: alice, bob/);
    await fails(['keys', 'show', 'carol', ...keys], /no key named "carol"[\s\S]*alice, bob/);
    await fails(send('alice', 'cosmos1notanaddress', '1uatom'), /invalid address cosmos1notanaddress/);
    await fails(send('alice', bob, '10'), /invalid amount "10": expected .* like 10uatom/);
    await fails(send('alice', bob, '1.5atom'), /like 10uatom/);
    await fails(['tx', 'bank', 'send', 'alice', bob, '1uatom', '--chain-id', 'other-chain', ...node, '-y', ...keys], new RegExp(`wrong chain id: --chain-id is other-chain but the node at ${rpc} is on chain ${CHAIN_ID}`));
    await fails(['tx', 'bank', 'send', 'bob', alice, '999999999uatom', '--gas', 'auto', ...node, '-y', ...keys], /insufficient funds: spendable balance \d+uatom is smaller than 999999999uatom[\s\S]*query bank balances/);
    await fails(['tx', 'bank', 'send', 'alice', bob, '1uatom', '--node', 'tcp://127.0.0.1:1', '-y', ...keys], /cannot reach the node at tcp:\/\/127\.0\.0\.1:1[\s\S]*--node/);
    await fails(['query', 'bank', 'balances', alice, '--node', 'tcp://127.0.0.1:1'], /cannot reach the node at tcp:\/\/127\.0\.0\.1:1/);
    await fails(['status', '--node', 'tcp://127.0.0.1:1'], /cannot reach the node/);
    await fails(['keys', 'list', '--keyring-backend', 'os', '--home', home], /--keyring-backend must be one of file, test/);
  });

  it('start refuses a bad app.toml value, naming the key and the accepted values', async () => {
    await fails(['start', '--home', home, '--pruning', 'sometimes'], /invalid pruning .*must be one of default, nothing, everything, custom/);
    await fails(['start', '--home', home, '--minimum-gas-prices', 'cheap'], /invalid minimum-gas-prices .*like "0\.025uatom"/);
  });

  it('the file keyring takes its passphrase from stdin and refuses a wrong one', async () => {
    const fileKeys = ['--home', home, '--keyring-backend', 'file'];
    const added = JSON.parse(await ok(['keys', 'add', 'carol', ...fileKeys, '-o', 'json'], 'correct horse battery\n'));
    assert.match(added.address, /^cosmos1/);
    assert.equal((await ok(['keys', 'show', 'carol', '-a', ...fileKeys])).trim(), added.address);
    await fails(['keys', 'add', 'dave', ...fileKeys], /wrong passphrase/, 'not the passphrase\n');
    await fails(['keys', 'export', 'carol', ...fileKeys], /wrong passphrase/, 'not the passphrase\nexport passphrase\n');
    const armor = await ok(['keys', 'export', 'carol', ...fileKeys], 'correct horse battery\nexport passphrase\n');
    const file = join(home, 'carol.armor');
    writeFileSync(file, armor);
    const imported = JSON.parse(await ok(['keys', 'import', 'carol2', file, '--home', home, '--keyring-backend', 'test', '-o', 'json'], 'export passphrase\n'));
    assert.equal(imported.address, added.address);
    const recovered = JSON.parse(await ok(['keys', 'add', 'abandon', '--recover', ...keys, '-o', 'json'], 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about\n'));
    assert.equal(recovered.address, 'cosmos19rl4cm2hmr8afy4kldpxz3fka4jguq0auqdal4');
  });

  it('--gas auto never runs out of gas, whatever the fee shape: it simulates with the real fee, signer and signature size', async () => {
    const shapes = [['--fees', '1000uatom'], ['--fees', '1000uatom,1000ustake'], ['--gas-prices', '0.01uatom'], ['--gas-prices', '0.02uatom']];
    for (const fee of shapes) {
      for (const adjustment of [[], ['--gas-adjustment', '1']]) {
        const args = ['tx', 'bank', 'send', 'alice', bob, '1uatom', '--gas', 'auto', ...fee, ...adjustment, ...node, '-y', '-o', 'json', ...keys];
        const result = JSON.parse(await ok(args));
        assert.equal(result.code, 0, `${args.join(' ')}: ${result.raw_log}`);
        assert.equal(result.codespace, '');
        assert.ok(Number(result.gas_used) <= Number(result.gas_wanted), `${fee.join(' ')} ${adjustment.join(' ')}: used ${result.gas_used} of ${result.gas_wanted}`);
      }
    }
  });

  it('simulates before broadcasting: a tx that would fail costs nothing; --dry-run estimates; tx sign refuses a key that is not the signer', async () => {
    const sequence = async () => JSON.parse(await ok(['query', 'auth', 'account', 'alice', ...node, '-o', 'json', ...keys])).sequence as string;
    const before = await sequence();
    const send = ['tx', 'bank', 'send', 'alice', bob, '12xyz', '--fees', '3000uatom', ...node, '-y', ...keys];
    await fails(send, /^Error: the simulation failed, so nothing was sent and no fee was paid: insufficient funds: spendable balance 0xyz is smaller than 12xyz\n  check the balance with/);
    const json = await zonekit([...send, '-o', 'json']);
    assert.notEqual(json.code, 0);
    assert.deepEqual([JSON.parse(json.stdout).codespace, JSON.parse(json.stdout).code], ['sdk', 5]);
    await fails(['tx', 'bank', 'send', 'alice', bob, '1uatom', '--gas', '1000', '--fees', '3000uatom', ...node, '-y', ...keys], /--gas 1000 is less than the \d+ gas the simulation used: the tx would run out of gas in its block and still pay its fee\n  use --gas auto/);
    const estimate = JSON.parse(await ok(['tx', 'bank', 'send', 'alice', bob, '1uatom', '--fees', '3000uatom', '--dry-run', ...node, '-o', 'json', ...keys]));
    assert.ok(Number(estimate.gas_estimate) > 10_000, JSON.stringify(estimate));
    assert.match(await ok(['tx', 'bank', 'send', alice, bob, '1uatom', '--gas', 'auto', '--fees', '3000uatom', '--dry-run', ...node, ...keys]), /^gas estimate: \d+\n$/);
    assert.equal(await sequence(), before, 'nothing was signed or sent');

    const unsigned = join(home, 'unsigned-for-alice.json');
    writeFileSync(unsigned, await ok(['tx', 'bank', 'send', 'alice', bob, '7uatom', '--fees', '3000uatom', '--generate-only', ...keys]));
    await fails(['tx', 'sign', unsigned, '--from', 'bob', ...node, ...keys], new RegExp(`key bob \\(${bob}\\) is not a signer of the tx in .*: it must be signed by ${alice}\\n  sign with --from ${alice}`));
  });

  it('node and query errors are one sentence that says what to do, with a non-zero exit', async () => {
    await fails(['status', '--node', rest], new RegExp(`^Error: nothing answers CometBFT RPC at ${rest}: that is the REST port; the RPC port is usually 26657\n`));
    await fails(['status', '--node', 'notaurl'], /^Error: invalid --node "notaurl": expected the URL of a CometBFT RPC, like tcp:\/\/localhost:26657/);
    await fails(['query', 'bank', 'balances', alice, '--node', 'notaurl'], /^Error: invalid --node "notaurl"/);
    await fails(['query', 'block', '99999999', ...node], /^Error: no block at height 99999999 on tcp:\/\/127\.0\.0\.1:\d+: the latest is \d+\n  give a height up to \d+/);
    const quoted = await fails(['query', 'txs', '--events', "message.sender=it's", ...node], /a value cannot contain a single quote/);
    assert.doesNotMatch(quoted, /-32603|\{"code"/);
    // Conditions on one event type, as the help now shows, find the tx; two event types never did in CometBFT 0.38.
    const found = JSON.parse(await ok(['query', 'txs', '--events', `message.sender=${alice}&message.module=bank`, ...node, '-o', 'json']));
    assert.ok(Number(found.total_count) > 0);
    assert.equal(found.txs[0].codespace, '');
    assert.match((await zonekit(['query', 'txs', '--help'])).stdout, /message\.sender=cosmos1\.\.\.&message\.module=bank/);
    // simd's paging: --query in CometBFT's language, --page/--limit/--order_by, the SDK's SearchTxsResult.
    const all = JSON.parse(await ok(['query', 'txs', '--query', `message.sender='${alice}'`, ...node, '-o', 'json']));
    assert.ok(Number(all.total_count) >= 2, JSON.stringify(all.total_count));
    const newest = JSON.parse(await ok(['query', 'txs', '--query', `message.sender='${alice}'`, '--limit', '1', '--order_by', 'desc', ...node, '-o', 'json']));
    assert.deepEqual([newest.count, newest.limit, newest.page_number, newest.page_total], ['1', '1', '1', all.total_count]);
    assert.equal(newest.txs[0].txhash, all.txs.at(-1).txhash);
    const second = JSON.parse(await ok(['query', 'txs', '--query', `message.sender='${alice}'`, '--limit', '1', '--page', '2', ...node, '-o', 'json']));
    assert.equal(second.txs[0].txhash, all.txs[1].txhash);
    await fails(['query', 'txs', '--query', `message.sender='${alice}'`, '--page', '999', ...node], /there is no page 999 of 100 txs matching/);
    await fails(['query', 'txs', '--events', `message.sender=${alice}`, '--query', 'tx.height>0', ...node], /give one of --events or --query/);
  });

  it('version --long says what simd\'s does; init -o means --overwrite, as simd and the help say', async () => {
    const version = JSON.parse(await ok(['version', '--long', '-o', 'json']));
    assert.equal(version.name, 'zonekit');
    assert.equal(version.version, '0.1.0');
    assert.equal(version.node, process.version);
    assert.match(version.cometbft, /^0\.38\.\d+$/);
    assert.ok(version.build_deps.some((d: string) => d.startsWith('github.com/cosmos/cosmos-sdk@')));
    assert.match(await ok(['version', '--long']), /^name:\s+zonekit\n[\s\S]*commit:[\s\S]*cometbft:\s+0\.38/);
    const fresh = mkdtempSync(join(tmpdir(), 'zonekit-init-'));
    await ok(['init', 'one', '--chain-id', 'again-1', '--home', fresh]);
    await ok(['init', 'two', '--chain-id', 'again-2', '--home', fresh, '-o']);
    assert.equal(JSON.parse(readFileSync(join(fresh, 'config', 'genesis.json'), 'utf8')).chain_id, 'again-2');
  });

  it('the node logs a line per committed block and says where its logs go', () => {
    const log = readFileSync(join(home, 'start.log'), 'utf8');
    assert.match(log, /zonekit: the app logs to stdout \(level info, format plain/);
    assert.match(log, /INF committed block module=consensus height=\d+ txs=\d+ failed=\d+ gas_used=\d+ gas_wanted=\d+ block_time=\S+ app_hash=[0-9A-F]{12}/);
  });

  it('tx encode/decode round-trip a tx file; validate-signatures passes a good one and fails a tampered one', async () => {
    const unsigned = join(home, 'unsigned-encode.json');
    writeFileSync(unsigned, await ok(['tx', 'bank', 'send', 'alice', bob, '3uatom', '--fees', '3000uatom', '--generate-only', ...keys]));
    const signed = join(home, 'signed-encode.json');
    await ok(['tx', 'sign', unsigned, '--from', 'alice', ...node, '--output-document', signed, ...keys]);
    for (const file of [unsigned, signed]) {
      const encoded = (await ok(['tx', 'encode', file])).trim();
      assert.match(encoded, /^[A-Za-z0-9+/]+=*$/);
      assert.deepEqual(JSON.parse(await ok(['tx', 'decode', encoded])), JSON.parse(readFileSync(file, 'utf8')));
      assert.deepEqual(JSON.parse(await ok(['tx', 'decode', '--hex', Buffer.from(encoded, 'base64').toString('hex')])), JSON.parse(readFileSync(file, 'utf8')));
    }
    await fails(['tx', 'decode', 'not base64!'], /invalid base64 tx bytes/);
    const text = await ok(['tx', 'validate-signatures', signed, ...node]);
    assert.match(text, new RegExp(`^Signers:\n  0: ${alice}\n\nSignatures:\n  0: ${alice}\t+\\[OK\\]\n`));
    const report = JSON.parse(await ok(['tx', 'validate-signatures', signed, ...node, '-o', 'json']));
    assert.deepEqual(report, { signers: [alice], signatures: [{ index: 0, address: alice, status: 'OK' }], valid: true });
    const tampered = JSON.parse(readFileSync(signed, 'utf8'));
    const signature = Buffer.from(tampered.signatures[0], 'base64');
    signature[10] ^= 1;
    tampered.signatures[0] = signature.toString('base64');
    const tamperedFile = join(home, 'tampered.json');
    writeFileSync(tamperedFile, JSON.stringify(tampered));
    const stderr = await fails(['tx', 'validate-signatures', tamperedFile, ...node], /^Error: signatures validation failed/);
    assert.doesNotMatch(stderr, /\[OK\]/);
    const broken = await zonekit(['tx', 'validate-signatures', tamperedFile, ...node, '-o', 'json']);
    assert.notEqual(broken.code, 0);
    assert.match(JSON.parse(broken.stdout).signatures[0].status, /^ERROR: signature verification failed \(unable to verify single signer signature/);
    await fails(['tx', 'validate-signatures', unsigned, ...node], /signatures validation failed/);
  });

  it('tx bank multi-send pays each recipient, or splits the amount with --split; --broadcast-mode sync and async return a hash that commits', async () => {
    const [r1, r2] = await Promise.all(['ms-1', 'ms-2'].map(async (name) => JSON.parse(await ok(['keys', 'add', name, ...keys, '-o', 'json'])).address as string));
    const balance = async (address: string) => JSON.parse(await ok(['query', 'bank', 'balances', address!, '--denom', 'uatom', ...node, '-o', 'json'])).balance.amount as string;
    const each = JSON.parse(await ok(['tx', 'bank', 'multi-send', 'alice', r1!, r2!, '100uatom', '--fees', '3000uatom', ...node, '-y', '-o', 'json', ...keys]));
    assert.equal(each.code, 0, each.raw_log);
    assert.deepEqual([await balance(r1!), await balance(r2!)], ['100', '100']);
    const split = JSON.parse(await ok(['tx', 'bank', 'multi-send', 'alice', r1!, r2!, '101uatom', '--split', '--fees', '3000uatom', ...node, '-y', '-o', 'json', ...keys]));
    assert.equal(split.code, 0, split.raw_log);
    assert.deepEqual([await balance(r1!), await balance(r2!)], ['150', '150']);
    await fails(['tx', 'bank', 'multi-send', 'alice', r1!, r2!, '1uatom', '--split', '--fees', '3000uatom', ...node, '-y', ...keys], /leaves one of them nothing/);

    for (const mode of ['sync', 'async']) {
      const sent = JSON.parse(await ok(['tx', 'bank', 'send', 'alice', r1!, '5uatom', '--fees', '3000uatom', '--broadcast-mode', mode, ...node, '-y', '-o', 'json', ...keys]));
      assert.deepEqual([sent.height, sent.code], ['0', 0]);
      assert.match(sent.txhash, /^[0-9A-F]{64}$/);
      await waitFor(async () => (await zonekit(['query', 'tx', sent.txhash, ...node])).code === 0, { what: `the ${mode}-broadcast tx in a block` });
      assert.equal(JSON.parse(await ok(['query', 'tx', sent.txhash, ...node, '-o', 'json'])).code, 0);
    }
    assert.equal(await balance(r1!), '160');
    const unsigned = join(home, 'unsigned-sync.json');
    writeFileSync(unsigned, await ok(['tx', 'bank', 'send', 'alice', r2!, '1uatom', '--fees', '3000uatom', '--generate-only', ...keys]));
    const signed = join(home, 'signed-sync.json');
    await ok(['tx', 'sign', unsigned, '--from', 'alice', ...node, '--output-document', signed, ...keys]);
    const sync = JSON.parse(await ok(['tx', 'broadcast', signed, '-b', 'sync', ...node, '-o', 'json']));
    assert.equal(sync.height, '0');
    await waitFor(async () => (await zonekit(['query', 'tx', sync.txhash, ...node])).code === 0, { what: 'the broadcast sync tx in a block' });
  });

  it('a 2-of-3 multisig: keys add --multisig, each member signs with tx sign --multisig, tx multisign, tx broadcast commits; one signature is refused', async () => {
    const members = await Promise.all(['m-1', 'm-2', 'm-3'].map(async (name) => JSON.parse(await ok(['keys', 'add', name, ...keys, '-o', 'json'])).address as string));
    const multi = JSON.parse(await ok(['keys', 'add', 'msig', '--multisig', 'm-3,m-1,m-2', '--multisig-threshold', '2', ...keys, '-o', 'json']));
    assert.equal(multi.type, 'multi');
    const pubkey = JSON.parse(multi.pubkey);
    assert.equal(pubkey['@type'], '/cosmos.crypto.multisig.LegacyAminoPubKey');
    assert.equal(pubkey.threshold, 2);
    // The same keys in any order give the same (sorted) key and address.
    const again = JSON.parse(await ok(['keys', 'add', 'msig-2', '--multisig', 'm-1,m-2,m-3', '--multisig-threshold', '2', ...keys, '-o', 'json']));
    assert.equal(again.address, multi.address);
    await ok(['tx', 'bank', 'send', 'alice', multi.address, '50000uatom', '--fees', '3000uatom', ...node, '-y', ...keys]);
    const unsigned = join(home, 'unsigned-multisig.json');
    writeFileSync(unsigned, await ok(['tx', 'bank', 'send', multi.address, bob, '1234uatom', '--fees', '5000uatom', '--generate-only', ...keys]));
    const sig = async (member: string) => {
      const file = join(home, `sig-${member}.json`);
      await ok(['tx', 'sign', unsigned, '--from', member, '--multisig', 'msig', ...node, '--output-document', file, ...keys]);
      return file;
    };
    const [sig1, sig3] = [await sig('m-1'), await sig('m-3')];
    const doc = JSON.parse(readFileSync(sig1, 'utf8'));
    assert.equal(doc.signatures.length, 1);
    assert.deepEqual(Object.keys(doc.signatures[0]), ['public_key', 'data', 'sequence']);
    assert.equal(doc.signatures[0].data.single.mode, 'SIGN_MODE_LEGACY_AMINO_JSON');
    await fails(['tx', 'multisign', unsigned, 'msig', sig1, ...node, ...keys], /1 of the multisig's keys signed, but msig needs 2/);
    const signed = join(home, 'multisigned.json');
    await ok(['tx', 'multisign', unsigned, 'msig', sig1, sig3, ...node, '--output-document', signed, ...keys]);
    const signedJson = JSON.parse(readFileSync(signed, 'utf8'));
    assert.equal(signedJson.auth_info.signer_infos[0].mode_info.multi.mode_infos.length, 2);
    assert.equal(signedJson.auth_info.signer_infos[0].public_key['@type'], '/cosmos.crypto.multisig.LegacyAminoPubKey');
    assert.equal(JSON.parse(await ok(['tx', 'validate-signatures', signed, ...node, '-o', 'json'])).valid, true);
    // One member's signature alone, forced into a multisigned tx, is refused on chain.
    const one = JSON.parse(JSON.stringify(signedJson));
    const { MultiSignature } = await import('cosmjs-types/cosmos/crypto/multisig/v1beta1/multisig');
    const sigs = MultiSignature.decode(Buffer.from(one.signatures[0], 'base64')).signatures;
    one.signatures[0] = Buffer.from(MultiSignature.encode({ signatures: [sigs[0]!] }).finish()).toString('base64');
    one.auth_info.signer_infos[0].mode_info.multi.mode_infos = one.auth_info.signer_infos[0].mode_info.multi.mode_infos.slice(0, 1);
    const bits = Buffer.from(one.auth_info.signer_infos[0].mode_info.multi.bitarray.elems, 'base64');
    const first = bits[0]! & -bits[0]! ? bits[0]! & ~(bits[0]! & -bits[0]!) : bits[0]!;
    one.auth_info.signer_infos[0].mode_info.multi.bitarray.elems = Buffer.from([first]).toString('base64');
    const oneFile = join(home, 'multisigned-one.json');
    writeFileSync(oneFile, JSON.stringify(one));
    const refused = await zonekit(['tx', 'broadcast', oneFile, ...node, '-o', 'json']);
    assert.notEqual(refused.code, 0);
    assert.match(refused.stderr, /signature verification failed/);
    const result = JSON.parse(await ok(['tx', 'broadcast', signed, ...node, '-o', 'json']));
    assert.equal(result.code, 0, result.raw_log);
    assert.equal(JSON.parse(await ok(['query', 'bank', 'balances', multi.address, '--denom', 'uatom', ...node, '-o', 'json'])).balance.amount, String(50000 - 1234 - 5000));
    const account = JSON.parse(await ok(['query', 'auth', 'account', multi.address, ...node, '-o', 'json']));
    assert.equal(account.sequence, '1');
    assert.ok(members.length === 3);
  });

  it('tx simulate estimates the gas of an unsigned or a signed tx file', async () => {
    const unsigned = join(home, 'unsigned-simulate.json');
    writeFileSync(unsigned, await ok(['tx', 'bank', 'send', 'alice', bob, '2uatom', '--fees', '3000uatom', '--generate-only', ...keys]));
    const fromUnsigned = JSON.parse(await ok(['tx', 'simulate', unsigned, ...node, '-o', 'json']));
    assert.ok(Number(fromUnsigned.gas_estimate) > 10_000, JSON.stringify(fromUnsigned));
    const signed = join(home, 'signed-simulate.json');
    await ok(['tx', 'sign', unsigned, '--from', 'alice', ...node, '--output-document', signed, ...keys]);
    assert.match(await ok(['tx', 'simulate', signed, ...node]), /^gas estimate: \d+\n$/);
    const broke = join(home, 'unsigned-simulate-broke.json');
    writeFileSync(broke, await ok(['tx', 'bank', 'send', 'alice', bob, '99xyz', '--fees', '3000uatom', '--generate-only', ...keys]));
    await fails(['tx', 'simulate', broke, ...node], /the simulation failed, so nothing was sent and no fee was paid: insufficient funds/);
  });

  it('query auth params, bank params and bank denom-metadata in the SDK\'s JSON', async () => {
    const auth = JSON.parse(await ok(['query', 'auth', 'params', ...node, '-o', 'json']));
    assert.deepEqual(Object.keys(auth.params), ['max_memo_characters', 'tx_sig_limit', 'tx_size_cost_per_byte', 'sig_verify_cost_ed25519', 'sig_verify_cost_secp256k1']);
    assert.equal(auth.params.sig_verify_cost_secp256k1, '1000');
    const bank = JSON.parse(await ok(['query', 'bank', 'params', ...node, '-o', 'json']));
    assert.deepEqual(bank, { params: { send_enabled: [], default_send_enabled: true } });
    const all = JSON.parse(await ok(['query', 'bank', 'denom-metadata', ...node, '-o', 'json']));
    assert.ok(Array.isArray(all.metadatas));
    await fails(['query', 'bank', 'denom-metadata', '--denom', 'nosuchdenom', ...node], /nosuchdenom/);
  });

  it('SIGTERM stops CometBFT and the app', async () => {
    assert.ok(isAlive(cometPid));
    const status = await start.stop(20_000);
    assert.equal(status.code, 0, start.logTail());
    await waitFor(() => !isAlive(cometPid), { what: `cometbft (pid ${cometPid}) to exit` });
    assert.match(readFileSync(join(home, 'start.log'), 'utf8'), /stopping CometBFT, then the app\nzonekit: stopped/);
  });
});
