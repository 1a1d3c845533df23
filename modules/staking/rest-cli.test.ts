// Staking's CLI commands and REST paths over an in-process chain: `tx staking ...` builds the
// messages (signed by cosmjs, delivered block by block), then every gateway path answers in
// the SDK's JSON (decimals for LegacyDec, "1814400s" durations) and the CLI prints the same.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DirectSecp256k1HdWallet } from '@cosmjs/proto-signing';
import { SigningStargateClient } from '@cosmjs/stargate';
import { PubKey as Ed25519PubKey } from 'cosmjs-types/cosmos/crypto/ed25519/keys';
import { MsgCreateValidator, MsgEditValidator } from 'cosmjs-types/cosmos/staking/v1beta1/tx';
import { TxRaw } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import type { CliContext } from '../../app/cli-types.js';
import { JsonTypes } from '../../app/rest/proto-json.js';
import { createRestServer, localQuerier, type RestServer } from '../../app/rest/index.js';
import { parseCoins, passthroughRegistry } from '../../cli/chain.js';
import { TestChain } from '../../zone/testing.js';
import { stakingCli } from './cli.js';
import { registerStakingTypes } from './rest.js';

const MNEMONICS = {
  alice: 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about',
  bob: 'legal winner thank year wave sausage worth useful legal winner thank yellow',
};
const ALICE = 'cosmos19rl4cm2hmr8afy4kldpxz3fka4jguq0auqdal4';
const ALICE_VALOPER = 'cosmosvaloper19rl4cm2hmr8afy4kldpxz3fka4jguq0ae5egnx';
const ALICE_KEY = new Uint8Array(32).fill(0xa1);
const BOB_KEY = new Uint8Array(32).fill(0xb2);
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const ED25519 = '/cosmos.crypto.ed25519.PubKey';

type Json = Record<string, any>;

describe('staking CLI and REST over an in-process chain', () => {
  const home = mkdtempSync(join(tmpdir(), 'zonekit-staking-home-'));
  let chain: TestChain;
  let rest: RestServer;
  const addr = { alice: ALICE, bob: '' };
  const wallets: Record<string, DirectSecp256k1HdWallet> = {};
  const sequences: Record<string, number> = { alice: 0, bob: 0 };
  const printed: Array<{ json: unknown; text: string }> = [];
  let unbondHeight = 0n;

  // What `zonekit` gives a module's command, with submit signing as the keyring would and
  // delivering the tx in the next block.
  const ctx: CliContext = {
    get home() {
      return home;
    },
    async address(nameOrAddress) {
      if (nameOrAddress in addr) return addr[nameOrAddress as keyof typeof addr];
      if (nameOrAddress.startsWith('cosmos1')) return nameOrAddress;
      throw new Error(`${nameOrAddress} is not a key`);
    },
    coins: parseCoins,
    async query(path, request) {
      const response = chain.query(path, request);
      if (response.code !== 0) throw new Error(`query ${path} failed: ${response.log}`);
      return response.value;
    },
    async submit(from, msgs) {
      const name = from as keyof typeof addr;
      const client = await SigningStargateClient.offline(wallets[name]!, { registry: passthroughRegistry(msgs.map((m) => m.typeUrl)) });
      const signed = await client.sign(addr[name], [...msgs], { amount: [], gas: '500000' }, '', { accountNumber: name === 'alice' ? 0n : 1n, sequence: sequences[name]!, chainId: chain.chainId });
      const { results } = await chain.deliver([TxRaw.encode(signed).finish()]);
      assert.equal(results[0]!.code, 0, results[0]!.log);
      sequences[name]! += 1;
    },
    print(json, text) {
      printed.push({ json, text: text() });
    },
  };
  const cli = async (kind: 'tx' | 'query', usage: string, args: string[] = [], options: Record<string, string> = {}) => {
    const command = stakingCli[kind]!.find((c) => c.usage.split(' ')[0] === usage);
    assert.ok(command, `${kind} staking ${usage} exists`);
    const defaults = Object.fromEntries((command.options ?? []).filter((o) => o.default !== undefined).map((o) => [camel(o.flags), o.default]));
    printed.length = 0;
    await command.run(ctx, args, { ...defaults, ...options });
    return printed.at(-1);
  };
  const get = async (url: string) => {
    const response = await rest.fastify.inject({ url: `/cosmos/staking/v1beta1${url}` });
    return { status: response.statusCode, body: response.json() as Json };
  };

  before(async () => {
    for (const name of ['alice', 'bob'] as const) wallets[name] = await DirectSecp256k1HdWallet.fromMnemonic(MNEMONICS[name]);
    addr.bob = (await wallets.bob!.getAccounts())[0]!.address;
    chain = await TestChain.start({
      accounts: [
        { address: addr.alice, coins: [{ denom: 'stake', amount: '100000000' }] },
        { address: addr.bob, coins: [{ denom: 'stake', amount: '100000000' }] },
      ],
    });
    rest = await createRestServer({ app: chain.zone.app, query: localQuerier({ query: (req) => chain.app.query(req) }), cometRpcUrl: 'http://127.0.0.1:9' });
    // Bob's consensus key comes from his node home, as `create-validator` without --pubkey reads it.
    mkdirSync(join(home, 'config'));
    writeFileSync(join(home, 'config', 'priv_validator_key.json'), JSON.stringify({ pub_key: { type: 'tendermint/PubKeyEd25519', value: b64(BOB_KEY) } }));
  });

  after(async () => {
    await rest?.close();
    await chain?.close();
    rmSync(home, { recursive: true, force: true });
  });

  it('makes validators and moves delegations by CLI', async () => {
    await cli('tx', 'create-validator', [], { from: 'alice', amount: '10000000stake', moniker: 'alice-val', pubkey: JSON.stringify({ '@type': ED25519, key: b64(ALICE_KEY) }) });
    // No --pubkey: the consensus key comes from the node home's priv_validator_key.json.
    await cli('tx', 'create-validator', [], { from: 'bob', amount: '5000000stake', moniker: 'bob-val', commissionRate: '0.05' });
    await cli('tx', 'delegate', ['alice', '1000000stake'], { from: 'bob' });
    await cli('tx', 'unbond', [ALICE_VALOPER, '200000stake'], { from: 'bob' });
    unbondHeight = chain.height;
    await cli('tx', 'redelegate', ['alice', 'bob', '300000stake'], { from: 'bob' });
    await cli('tx', 'cancel-unbond', ['alice', '50000stake', String(unbondHeight)], { from: 'bob' });
    await cli('tx', 'edit-validator', [], { from: 'alice', website: 'https://alice.example' });
  });

  it('refuses bad command lines with what to pass', async () => {
    await assert.rejects(cli('tx', 'create-validator', [], { from: 'alice', moniker: 'x' }), /--amount <coin> is required/);
    await assert.rejects(cli('tx', 'create-validator', [], { from: 'alice', amount: '1stake', moniker: 'x', commissionRate: '0.5' }), /--commission-rate 0.5 is more than --commission-max-rate 0.2/);
    await assert.rejects(cli('tx', 'create-validator', [], { from: 'alice', amount: '1stake', moniker: 'x', pubkey: '{"@type":"/cosmos.crypto.secp256k1.PubKey","key":"AA=="}' }), /@type must be \/cosmos\.crypto\.ed25519\.PubKey/);
    await assert.rejects(cli('tx', 'delegate', ['alice', '1stake,2uatom'], { from: 'bob' }), /must be one coin/);
    await assert.rejects(cli('tx', 'delegate', ['alice', '1stake']), /--from <key_or_address> is required/);
    await assert.rejects(cli('tx', 'cancel-unbond', ['alice', '1stake', 'latest'], { from: 'bob' }), /invalid <creation_height> "latest"/);
    await assert.rejects(cli('tx', 'edit-validator', [], { from: 'alice' }), /nothing to change/);
    await assert.rejects(cli('query', 'validators', [], { status: 'active' }), /invalid --status "active"/);
  });

  it('answers a validator in the SDK JSON: decimals, pubkey Any, RFC 3339 times', async () => {
    const { status, body } = await get(`/validators/${ALICE_VALOPER}`);
    assert.equal(status, 200);
    assert.deepEqual(body, {
      validator: {
        operator_address: ALICE_VALOPER,
        consensus_pubkey: { '@type': ED25519, key: b64(ALICE_KEY) },
        jailed: false,
        status: 'BOND_STATUS_BONDED',
        tokens: '10550000',
        delegator_shares: '10550000.000000000000000000',
        description: { moniker: 'alice-val', identity: '', website: 'https://alice.example', security_contact: '', details: '' },
        unbonding_height: '0',
        unbonding_time: '1970-01-01T00:00:00Z',
        commission: {
          commission_rates: { rate: '0.100000000000000000', max_rate: '0.200000000000000000', max_change_rate: '0.010000000000000000' },
          update_time: '2023-11-14T22:13:25Z',
        },
        min_self_delegation: '1',
        unbonding_on_hold_ref_count: '0',
        unbonding_ids: [],
      },
    });
    const cliOutput = await cli('query', 'validator', ['alice']);
    assert.deepEqual(cliOutput!.json, body);
    assert.match(cliOutput!.text, /commission:\s+0\.100000000000000000 \(max 0\.200000000000000000/);
  });

  it('lists validators by status with pagination, and the CLI prints the same list', async () => {
    const all = await get('/validators?status=BOND_STATUS_BONDED');
    assert.deepEqual(all.body.validators.map((v: Json) => v.description.moniker).sort(), ['alice-val', 'bob-val']);
    assert.deepEqual(all.body.pagination, { next_key: null, total: '2' });
    const first = await get('/validators?pagination.limit=1');
    assert.equal(first.body.validators.length, 1);
    const second = await get(`/validators?pagination.key=${encodeURIComponent(first.body.pagination.next_key)}`);
    assert.equal(second.body.validators.length, 1);
    assert.notEqual(second.body.validators[0].operator_address, first.body.validators[0].operator_address);
    assert.deepEqual((await get('/validators?status=BOND_STATUS_UNBONDING')).body.validators, []);
    const bad = await get('/validators?status=ACTIVE');
    assert.equal(bad.status, 400);
    assert.match(bad.body.message, /invalid validator status ACTIVE/);

    const cliOutput = await cli('query', 'validators', [], { status: 'bonded' });
    assert.deepEqual(cliOutput!.json, all.body);
    assert.match(cliOutput!.text, /^OPERATOR\s+MONIKER\s+STATUS\s+TOKENS\s+COMMISSION\n/);
    assert.match(cliOutput!.text, /bob-val\s+bonded\s+5300000\s+0\.050000000000000000/);
  });

  it('answers delegations, unbonding delegations and redelegations', async () => {
    const bobValoper = (await get('/validators')).body.validators.find((v: Json) => v.description.moniker === 'bob-val').operator_address as string;
    const one = await get(`/validators/${ALICE_VALOPER}/delegations/${addr.bob}`);
    assert.deepEqual(one.body, {
      delegation_response: { delegation: { delegator_address: addr.bob, validator_address: ALICE_VALOPER, shares: '550000.000000000000000000' }, balance: { denom: 'stake', amount: '550000' } },
    });
    assert.equal((await get(`/validators/${ALICE_VALOPER}/delegations`)).body.delegation_responses.length, 2);
    const mine = await get(`/delegations/${addr.bob}`);
    assert.deepEqual(mine.body.delegation_responses.map((d: Json) => [d.delegation.validator_address, d.balance.amount]).sort(), [[ALICE_VALOPER, '550000'], [bobValoper, '5300000']].sort());

    const ubd = await get(`/validators/${ALICE_VALOPER}/delegations/${addr.bob}/unbonding_delegation`);
    assert.equal(ubd.status, 200);
    const entry = ubd.body.unbond.entries[0];
    assert.equal(entry.creation_height, String(unbondHeight));
    assert.equal(entry.balance, '150000');
    assert.match(entry.completion_time, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.deepEqual((await get(`/validators/${ALICE_VALOPER}/unbonding_delegations`)).body.unbonding_responses, [ubd.body.unbond]);
    assert.deepEqual((await get(`/delegators/${addr.bob}/unbonding_delegations`)).body.unbonding_responses, [ubd.body.unbond]);

    const red = await get(`/delegators/${addr.bob}/redelegations?src_validator_addr=${ALICE_VALOPER}`);
    assert.equal(red.body.redelegation_responses.length, 1);
    const r = red.body.redelegation_responses[0];
    assert.equal(r.redelegation.validator_dst_address, bobValoper);
    assert.equal(r.redelegation.entries[0].shares_dst, '300000.000000000000000000');
    assert.equal(r.entries[0].redelegation_entry.shares_dst, '300000.000000000000000000');
    assert.equal(r.entries[0].balance, '300000');

    assert.equal((await get(`/delegators/${addr.bob}/validators`)).body.validators.length, 2);
    assert.equal((await get(`/delegators/${addr.bob}/validators/${ALICE_VALOPER}`)).body.validator.delegator_shares, '10550000.000000000000000000');

    const cliDelegations = await cli('query', 'delegations', ['bob']);
    assert.deepEqual(cliDelegations!.json, mine.body);
    assert.match((await cli('query', 'unbonding-delegation', ['bob', 'alice']))!.text, new RegExp(`${ALICE_VALOPER}\\s+${unbondHeight}\\s+150000`));
    assert.match((await cli('query', 'redelegations', ['bob']))!.text, new RegExp(`${ALICE_VALOPER}\\s+${bobValoper}\\s+300000`));
  });

  it('answers params, pool and historical info; the CLI prints the unbonding time', async () => {
    const params = await get('/params');
    assert.deepEqual(params.body, {
      params: { unbonding_time: '1814400s', max_validators: 100, max_entries: 7, historical_entries: 10000, bond_denom: 'stake', min_commission_rate: '0.000000000000000000' },
    });
    const cliParams = await cli('query', 'params');
    assert.deepEqual(cliParams!.json, params.body);
    assert.match(cliParams!.text, /^unbonding time:\s+1814400s \(21 days\)$/m);

    assert.deepEqual((await get('/pool')).body, { pool: { not_bonded_tokens: '150000', bonded_tokens: '15850000' } });
    assert.match((await cli('query', 'pool'))!.text, /bonded tokens:\s+15850000/);

    const hist = await get(`/historical_info/${chain.height}`);
    assert.equal(hist.status, 200, JSON.stringify(hist.body));
    assert.equal(hist.body.hist.header.height, String(chain.height));
    assert.equal(hist.body.hist.header.chain_id, chain.chainId);
    assert.equal(hist.body.hist.valset.length, 2);
    assert.match(hist.body.hist.valset[0].delegator_shares, /^\d+\.\d{18}$/);
  });

  it('answers bad and unknown addresses with gRPC statuses', async () => {
    const unknown = await get('/validators/cosmosvaloper1qyqszqgpqyqszqgpqyqszqgpqyqszqgph84tp0');
    assert.equal(unknown.status, 404, JSON.stringify(unknown.body));
    assert.equal(unknown.body.code, 5);
    const bad = await get('/validators/cosmos1notavaloper');
    assert.equal(bad.status, 400);
    assert.match(bad.body.message, /invalid validator address/);
    const badDelegator = await get('/delegations/cosmos1notanaddress');
    assert.equal(badDelegator.status, 400);
    assert.match(badDelegator.body.message, /^invalid address: /);
    assert.equal((await get('/historical_info/abc')).status, 400);
    const { body } = await rest.fastify.inject({ url: '/swagger/openapi.json' }).then((r) => ({ body: r.json() as Json }));
    for (const path of ['/validators/{validator_addr}/delegations/{delegator_addr}/unbonding_delegation', '/delegators/{delegator_addr}/redelegations', '/historical_info/{height}', '/params']) {
      assert.ok(`/cosmos/staking/v1beta1${path}` in body.paths, `${path} is documented`);
    }
  });

  it('writes staking messages in txs with decimal rates, and unset edits as null', () => {
    const types = new JsonTypes().register(ED25519, Ed25519PubKey);
    registerStakingTypes(types);
    const create = MsgCreateValidator.fromPartial({
      description: { moniker: 'v' },
      commission: { rate: '100000000000000000', maxRate: '200000000000000000', maxChangeRate: '10000000000000000' },
      minSelfDelegation: '1',
      validatorAddress: ALICE_VALOPER,
      pubkey: { typeUrl: ED25519, value: Ed25519PubKey.encode({ key: ALICE_KEY }).finish() },
      value: { denom: 'stake', amount: '1' },
    });
    const json = types.anyToJson(MsgCreateValidator.typeUrl, MsgCreateValidator.encode(create).finish()) as Json;
    assert.deepEqual(json.commission, { rate: '0.100000000000000000', max_rate: '0.200000000000000000', max_change_rate: '0.010000000000000000' });
    assert.deepEqual(json.pubkey, { '@type': ED25519, key: b64(ALICE_KEY) });
    const edit = types.anyToJson(MsgEditValidator.typeUrl, MsgEditValidator.encode(MsgEditValidator.fromPartial({ validatorAddress: ALICE_VALOPER, description: { moniker: 'w' } })).finish()) as Json;
    assert.equal(edit.commission_rate, null);
    assert.equal(edit.min_self_delegation, null);
  });
});

/** `--commission-max-rate <rate>` → `commissionMaxRate`, as commander names options. */
function camel(flags: string): string {
  return flags.split(' ')[0]!.replace(/^--/, '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}
