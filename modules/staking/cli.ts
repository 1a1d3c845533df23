// `zonekit tx staking ...` and `zonekit query staking ...`, with simd's names. Rates are
// decimals on the command line ("0.1") and LegacyDec's protobuf form in messages. Queries
// print the SDK's REST JSON with --output json (stakingJson), short lines otherwise.
import { PubKey as Ed25519PubKey } from 'cosmjs-types/cosmos/crypto/ed25519/keys';
import type { PageRequest } from 'cosmjs-types/cosmos/base/query/v1beta1/pagination';
import {
  QueryDelegationRequest,
  QueryDelegatorDelegationsRequest,
  QueryDelegatorUnbondingDelegationsRequest,
  QueryHistoricalInfoRequest,
  QueryParamsRequest,
  QueryPoolRequest,
  QueryRedelegationsRequest,
  QueryUnbondingDelegationRequest,
  QueryValidatorRequest,
  QueryValidatorsRequest,
} from 'cosmjs-types/cosmos/staking/v1beta1/query';
import {
  MsgBeginRedelegate,
  MsgCancelUnbondingDelegation,
  MsgCreateValidator,
  MsgDelegate,
  MsgEditValidator,
  MsgUndelegate,
} from 'cosmjs-types/cosmos/staking/v1beta1/tx';
import type { CliCommand, CliContext, CliOption, EncodedMsg, ModuleCli } from '../../app/cli-types.js';
import type { CoinProto } from '../../app/coins.js';
import { DEC_ONE, parseDec, type Dec } from '../../app/dec.js';
import { JsonTypes, type Json } from '../../app/rest/index.js';
import { fromBech32Address, toBech32Address } from '../../app/tx/address.js';
import { consensusPubKey } from '../../cli/node-keys.js';
import { CliError, fields } from '../../cli/output.js';
import { stakingJson } from './rest.js';

const Q = '/cosmos.staking.v1beta1.Query';
const ED25519 = '/cosmos.crypto.ed25519.PubKey';
const DO_NOT_MODIFY = '[do-not-modify]';
// Only the consensus key Any needs resolving in staking's answers.
const types = new JsonTypes().register(ED25519, Ed25519PubKey);

// The JSON the queries print, read loosely for the text lines.
type Obj = Record<string, any>;
type Options = Readonly<Record<string, string | boolean | undefined>>;

// ---- arguments

function from(options: Options): string {
  if (typeof options.from !== 'string') throw new CliError('--from <key_or_address> is required: the account that signs');
  return options.from;
}

/** An option that takes a value (commander gives a string when it is present). */
function text(options: Options, name: string): string | undefined {
  const value = options[name];
  return typeof value === 'string' ? value : undefined;
}

function oneCoin(ctx: CliContext, amount: string, what: string): CoinProto {
  const coins = ctx.coins(amount);
  if (coins.length !== 1) throw new CliError(`${what} must be one coin of the bond denom, like 1000000stake; got ${JSON.stringify(amount)}`);
  return coins[0]!;
}

function rate(value: string, flag: string): Dec {
  let d: Dec;
  try {
    d = parseDec(value);
  } catch {
    throw new CliError(`invalid ${flag} ${JSON.stringify(value)}: expected a decimal like 0.1`);
  }
  if (d < 0n || d > DEC_ONE) throw new CliError(`${flag} must be between 0 and 1, got ${value}`);
  return d;
}

function positiveInt(value: string, flag: string): bigint {
  if (!/^[1-9][0-9]*$/.test(value)) throw new CliError(`invalid ${flag} ${JSON.stringify(value)}: expected a positive whole number`);
  return BigInt(value);
}

/** The operator address of an account: the same bytes under `<prefix>valoper`. */
function valoperOf(account: string): string {
  const { prefix, data } = fromBech32Address(account);
  return toBech32Address(`${prefix}valoper`, data);
}

/** A `<prefix>valoper1...` address as it is, or a key name / account address as the validator that account operates. */
async function validator(ctx: CliContext, arg: string): Promise<string> {
  if (/^[a-z0-9]+valoper1/.test(arg)) {
    try {
      fromBech32Address(arg);
    } catch (err) {
      throw new CliError(`invalid validator address ${arg}: ${err instanceof Error ? err.message : String(err)}`);
    }
    return arg;
  }
  // A bech32 account address stands for the validator it operates; its errors name it rightly.
  if (/^[a-z0-9]+1[02-9ac-hj-np-z]+$/.test(arg)) return valoperOf(await ctx.address(arg));
  try {
    return valoperOf(await ctx.address(arg));
  } catch (err) {
    // The keyring's "neither a key nor a cosmos1... address" would name the account prefix
    // where an operator address is wanted.
    const prefix = ctx.bech32Prefix ?? 'cosmos';
    throw new CliError(`${JSON.stringify(arg)} is neither a ${prefix}valoper1... address nor the key name of a validator operator`, err instanceof CliError ? err.hint : undefined);
  }
}

/** `{"@type":"/cosmos.crypto.ed25519.PubKey","key":"<base64>"}`, as simd's `tendermint show-validator` prints it. */
function parsePubkey(json: string): Uint8Array {
  let value: { '@type'?: unknown; key?: unknown };
  try {
    value = JSON.parse(json) as typeof value;
  } catch {
    throw new CliError(`invalid --pubkey: not JSON`, `expected '{"@type":"${ED25519}","key":"<base64>"}'`);
  }
  if (value['@type'] !== ED25519) throw new CliError(`invalid --pubkey: @type must be ${ED25519} (validators sign blocks with ed25519 keys), got ${JSON.stringify(value['@type'])}`);
  const key = typeof value.key === 'string' ? Buffer.from(value.key, 'base64') : Buffer.alloc(0);
  if (key.length !== 32) throw new CliError(`invalid --pubkey: key must be 32 bytes in base64, got ${key.length} bytes`);
  return new Uint8Array(key);
}

const encoded = <T>(codec: { typeUrl: string; encode(m: T): { finish(): Uint8Array } }, msg: T): EncodedMsg => ({ typeUrl: codec.typeUrl, value: codec.encode(msg).finish() });

const DESCRIPTION_OPTIONS: readonly CliOption[] = [
  { flags: '--identity <id>', description: 'an identity signature (e.g. a keybase.io key id)' },
  { flags: '--website <url>', description: "the validator's website" },
  { flags: '--security-contact <email>', description: "the validator's security contact" },
  { flags: '--details <text>', description: 'a description of the validator' },
];

// ---- text output

const statusName = (status: string): string => status.replace(/^BOND_STATUS_/, '').toLowerCase();

/** `1814400s` → `1814400s (21 days)`. */
function humanDuration(duration: string): string {
  const seconds = Number(/^(\d+)/.exec(duration)?.[1] ?? NaN);
  if (!Number.isFinite(seconds)) return duration;
  const units: Array<[string, number]> = [['day', 86400], ['hour', 3600], ['minute', 60], ['second', 1]];
  const [unit, size] = units.find(([, s]) => seconds >= s && seconds % s === 0) ?? ['second', 1];
  const n = seconds / size;
  return `${duration} (${n} ${unit}${n === 1 ? '' : 's'})`;
}

/** Aligned columns under a header. */
function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>, empty: string): string {
  if (rows.length === 0) return empty;
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  return [header, ...rows].map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ')).join('\n');
}

function validatorText(v: Obj): string {
  const rates = v.commission.commission_rates;
  const d = v.description;
  const lines: Array<[string, unknown]> = [
    ['operator', v.operator_address],
    ['moniker', d.moniker],
    ['status', `${statusName(v.status)}${v.jailed ? ' (jailed)' : ''}`],
    ['tokens', v.tokens],
    ['delegator shares', v.delegator_shares],
    ['commission', `${rates.rate} (max ${rates.max_rate}, max change ${rates.max_change_rate} a day)`],
    ['min self delegation', v.min_self_delegation],
    ['consensus pubkey', v.consensus_pubkey?.key ?? '(none)'],
  ];
  if (v.status === 'BOND_STATUS_UNBONDING') lines.push(['unbonding', `since height ${v.unbonding_height}, until ${v.unbonding_time}`]);
  for (const [label, key] of [['identity', 'identity'], ['website', 'website'], ['security contact', 'security_contact'], ['details', 'details']] as const) {
    if (d[key] !== '') lines.push([label, d[key]]);
  }
  return fields(lines);
}

const validatorsText = (validators: Obj[]): string =>
  table(
    ['OPERATOR', 'MONIKER', 'STATUS', 'TOKENS', 'COMMISSION'],
    validators.map((v) => [v.operator_address, v.description.moniker, `${statusName(v.status)}${v.jailed ? ' (jailed)' : ''}`, v.tokens, v.commission.commission_rates.rate]),
    '(no validators)',
  );

const delegationsText = (list: Obj[]): string =>
  table(
    ['VALIDATOR', 'BALANCE', 'SHARES'],
    list.map((d) => [d.delegation.validator_address, `${d.balance.amount}${d.balance.denom}`, d.delegation.shares]),
    '(no delegations)',
  );

const unbondingText = (list: Obj[]): string =>
  table(
    ['VALIDATOR', 'CREATION HEIGHT', 'BALANCE', 'INITIAL', 'COMPLETES'],
    list.flatMap((u) => u.entries.map((e: Obj) => [u.validator_address, e.creation_height, e.balance, e.initial_balance, e.completion_time])),
    '(no unbonding delegations)',
  );

const redelegationsText = (list: Obj[]): string =>
  table(
    ['FROM', 'TO', 'BALANCE', 'CREATION HEIGHT', 'COMPLETES'],
    list.flatMap((r) => r.entries.map((e: Obj) => [r.redelegation.validator_src_address, r.redelegation.validator_dst_address, e.balance, e.redelegation_entry.creation_height, e.redelegation_entry.completion_time])),
    '(no redelegations)',
  );

// ---- queries

async function queryJson(ctx: CliContext, method: string, request: Uint8Array): Promise<Obj> {
  return stakingJson(types, `${Q}/${method}`, await ctx.query(`${Q}/${method}`, request)) as Obj;
}

/** Every page of a list query as one answer: the CLI shows whole lists. */
async function allPages(ctx: CliContext, method: string, list: string, request: (pagination: PageRequest) => Uint8Array): Promise<Obj> {
  const items: Json[] = [];
  let key = new Uint8Array();
  for (;;) {
    const page = await queryJson(ctx, method, request({ key, offset: 0n, limit: 0n, countTotal: false, reverse: false }));
    items.push(...(page[list] as Json[]));
    const next = page.pagination?.next_key;
    if (typeof next !== 'string') return { [list]: items, pagination: { next_key: null, total: String(items.length) } };
    key = new Uint8Array(Buffer.from(next, 'base64'));
  }
}

const STATUSES: Record<string, string> = { bonded: 'BOND_STATUS_BONDED', unbonding: 'BOND_STATUS_UNBONDING', unbonded: 'BOND_STATUS_UNBONDED' };

const query: CliCommand[] = [
  {
    usage: 'validators',
    description: 'every validator (or those of one --status)',
    options: [{ flags: '--status <status>', description: 'bonded, unbonding or unbonded' }],
    async run(ctx, _args, options) {
      const wanted = text(options, 'status');
      const status = wanted === undefined ? '' : STATUSES[wanted.toLowerCase()] ?? (Object.values(STATUSES).includes(wanted) ? wanted : undefined);
      if (status === undefined) throw new CliError(`invalid --status ${JSON.stringify(wanted)}: expected bonded, unbonding or unbonded`);
      const json = await allPages(ctx, 'Validators', 'validators', (pagination) => QueryValidatorsRequest.encode({ status, pagination }).finish());
      ctx.print(json, () => validatorsText(json.validators));
    },
  },
  {
    usage: 'validator <validator>',
    description: 'one validator, by operator address (cosmosvaloper1...) or its operator key name',
    async run(ctx, [arg]) {
      const json = await queryJson(ctx, 'Validator', QueryValidatorRequest.encode({ validatorAddr: await validator(ctx, arg!) }).finish());
      ctx.print(json, () => validatorText(json.validator));
    },
  },
  {
    usage: 'delegation <delegator> <validator>',
    description: "a delegator's delegation to a validator: shares and their balance",
    async run(ctx, [delegator, arg]) {
      const request = QueryDelegationRequest.encode({ delegatorAddr: await ctx.address(delegator!), validatorAddr: await validator(ctx, arg!) }).finish();
      const json = await queryJson(ctx, 'Delegation', request);
      const d = json.delegation_response;
      ctx.print(json, () => fields([['delegator', d.delegation.delegator_address], ['validator', d.delegation.validator_address], ['shares', d.delegation.shares], ['balance', `${d.balance.amount}${d.balance.denom}`]]));
    },
  },
  {
    usage: 'delegations <delegator>',
    description: "a delegator's delegations",
    async run(ctx, [delegator]) {
      const delegatorAddr = await ctx.address(delegator!);
      const json = await allPages(ctx, 'DelegatorDelegations', 'delegation_responses', (pagination) => QueryDelegatorDelegationsRequest.encode({ delegatorAddr, pagination }).finish());
      ctx.print(json, () => delegationsText(json.delegation_responses));
    },
  },
  {
    usage: 'unbonding-delegation <delegator> <validator>',
    description: "a delegator's unbonding from a validator: its entries and when they complete",
    async run(ctx, [delegator, arg]) {
      const request = QueryUnbondingDelegationRequest.encode({ delegatorAddr: await ctx.address(delegator!), validatorAddr: await validator(ctx, arg!) }).finish();
      const json = await queryJson(ctx, 'UnbondingDelegation', request);
      ctx.print(json, () => unbondingText([json.unbond]));
    },
  },
  {
    usage: 'unbonding-delegations <delegator>',
    description: "a delegator's unbonding delegations",
    async run(ctx, [delegator]) {
      const delegatorAddr = await ctx.address(delegator!);
      const json = await allPages(ctx, 'DelegatorUnbondingDelegations', 'unbonding_responses', (pagination) => QueryDelegatorUnbondingDelegationsRequest.encode({ delegatorAddr, pagination }).finish());
      ctx.print(json, () => unbondingText(json.unbonding_responses));
    },
  },
  {
    usage: 'redelegations <delegator>',
    description: "a delegator's redelegations in progress",
    async run(ctx, [delegator]) {
      const delegatorAddr = await ctx.address(delegator!);
      const json = await allPages(ctx, 'Redelegations', 'redelegation_responses', (pagination) =>
        QueryRedelegationsRequest.encode({ delegatorAddr, srcValidatorAddr: '', dstValidatorAddr: '', pagination }).finish(),
      );
      ctx.print(json, () => redelegationsText(json.redelegation_responses));
    },
  },
  {
    usage: 'params',
    description: 'the staking params: unbonding time, validator set size, bond denom, minimum commission',
    async run(ctx) {
      const json = await queryJson(ctx, 'Params', QueryParamsRequest.encode({}).finish());
      const p = json.params;
      ctx.print(json, () =>
        fields([
          ['unbonding time', humanDuration(p.unbonding_time)],
          ['max validators', p.max_validators],
          ['max entries', p.max_entries],
          ['historical entries', p.historical_entries],
          ['bond denom', p.bond_denom],
          ['min commission rate', p.min_commission_rate],
        ]),
      );
    },
  },
  {
    usage: 'pool',
    description: 'tokens in the bonded and not-bonded pools',
    async run(ctx) {
      const json = await queryJson(ctx, 'Pool', QueryPoolRequest.encode({}).finish());
      ctx.print(json, () => fields([['bonded tokens', json.pool.bonded_tokens], ['not bonded tokens', json.pool.not_bonded_tokens]]));
    },
  },
  {
    usage: 'historical-info <height>',
    description: 'the header and validator set kept for a height (the last historical_entries heights)',
    async run(ctx, [height]) {
      const json = await queryJson(ctx, 'HistoricalInfo', QueryHistoricalInfoRequest.encode({ height: positiveInt(height!, '<height>') }).finish());
      const { header, valset } = json.hist;
      ctx.print(json, () => `${fields([['chain id', header.chain_id], ['height', header.height], ['time', header.time]])}\n${validatorsText(valset)}`);
    },
  },
];

// ---- transactions

function commissionOptions(): CliOption[] {
  return [
    { flags: '--commission-rate <rate>', description: 'the initial commission rate', default: '0.1' },
    { flags: '--commission-max-rate <rate>', description: 'the highest commission rate the validator may ever set', default: '0.2' },
    { flags: '--commission-max-change-rate <rate>', description: 'the most the commission rate may change in a day', default: '0.01' },
  ];
}

const tx: CliCommand[] = [
  {
    usage: 'create-validator',
    description: "make the --from account a validator, self-delegating --amount; the consensus key is --pubkey or the node's config/priv_validator_key.json",
    options: [
      { flags: '--amount <coin>', description: 'the self-delegation, one coin of the bond denom, e.g. 1000000stake' },
      { flags: '--pubkey <json>', description: `the consensus key: '{"@type":"${ED25519}","key":"<base64>"}' (default: <home>/config/priv_validator_key.json)` },
      { flags: '--moniker <name>', description: "the validator's name" },
      ...DESCRIPTION_OPTIONS,
      ...commissionOptions(),
      { flags: '--min-self-delegation <amount>', description: 'the least the operator must keep self-delegated', default: '1' },
    ],
    async run(ctx, _args, options) {
      const signer = from(options);
      const amount = text(options, 'amount');
      if (amount === undefined) throw new CliError('--amount <coin> is required: the self-delegation, e.g. --amount 1000000stake');
      const moniker = text(options, 'moniker') ?? '';
      if (moniker.trim() === '') throw new CliError('--moniker <name> is required: the name explorers and wallets show');
      const value = oneCoin(ctx, amount, '--amount');
      const commission = {
        rate: rate(String(options.commissionRate), '--commission-rate'),
        maxRate: rate(String(options.commissionMaxRate), '--commission-max-rate'),
        maxChangeRate: rate(String(options.commissionMaxChangeRate), '--commission-max-change-rate'),
      };
      if (commission.rate > commission.maxRate) throw new CliError(`--commission-rate ${options.commissionRate} is more than --commission-max-rate ${options.commissionMaxRate}`);
      if (commission.maxChangeRate > commission.maxRate) throw new CliError(`--commission-max-change-rate ${options.commissionMaxChangeRate} is more than --commission-max-rate ${options.commissionMaxRate}`);
      const minSelfDelegation = positiveInt(String(options.minSelfDelegation), '--min-self-delegation');
      if (BigInt(value.amount) < minSelfDelegation) throw new CliError(`--amount ${amount} is less than --min-self-delegation ${minSelfDelegation}`);
      const validatorAddress = valoperOf(await ctx.address(signer));
      const pubkey = text(options, 'pubkey');
      const key = pubkey === undefined ? consensusPubKey(ctx.home) : parsePubkey(pubkey);
      const msg = MsgCreateValidator.fromPartial({
        description: {
          moniker,
          identity: text(options, 'identity') ?? '',
          website: text(options, 'website') ?? '',
          securityContact: text(options, 'securityContact') ?? '',
          details: text(options, 'details') ?? '',
        },
        commission: { rate: commission.rate.toString(), maxRate: commission.maxRate.toString(), maxChangeRate: commission.maxChangeRate.toString() },
        minSelfDelegation: minSelfDelegation.toString(),
        // Empty, as SDK v0.50 sends it: the operator's own account delegates.
        delegatorAddress: '',
        validatorAddress,
        pubkey: { typeUrl: ED25519, value: Ed25519PubKey.encode({ key }).finish() },
        value,
      });
      await ctx.submit(signer, [encoded(MsgCreateValidator, msg)]);
    },
  },
  {
    usage: 'edit-validator',
    description: "change the --from account's validator: description fields, commission rate (at most once a day), min self delegation (only up)",
    options: [
      { flags: '--moniker <name>', description: "the validator's name" },
      ...DESCRIPTION_OPTIONS,
      { flags: '--commission-rate <rate>', description: 'the new commission rate' },
      { flags: '--min-self-delegation <amount>', description: 'the new minimum self delegation (higher than now)' },
    ],
    async run(ctx, _args, options) {
      const signer = from(options);
      const field = (name: string) => text(options, name) ?? DO_NOT_MODIFY;
      const description = {
        moniker: field('moniker'),
        identity: field('identity'),
        website: field('website'),
        securityContact: field('securityContact'),
        details: field('details'),
      };
      const commissionRate = text(options, 'commissionRate');
      const minSelfDelegation = text(options, 'minSelfDelegation');
      if (Object.values(description).every((v) => v === DO_NOT_MODIFY) && commissionRate === undefined && minSelfDelegation === undefined) {
        throw new CliError('nothing to change', 'pass --moniker, --identity, --website, --security-contact, --details, --commission-rate or --min-self-delegation');
      }
      const msg = MsgEditValidator.fromPartial({
        description,
        validatorAddress: valoperOf(await ctx.address(signer)),
        commissionRate: commissionRate === undefined ? '' : rate(commissionRate, '--commission-rate').toString(),
        minSelfDelegation: minSelfDelegation === undefined ? '' : positiveInt(minSelfDelegation, '--min-self-delegation').toString(),
      });
      await ctx.submit(signer, [encoded(MsgEditValidator, msg)]);
    },
  },
  {
    usage: 'delegate <validator> <amount>',
    description: 'delegate --from account tokens to a validator (operator address or its key name), e.g. `delegate cosmosvaloper1... 1000stake`',
    async run(ctx, [arg, amount], options) {
      const signer = from(options);
      const msg = MsgDelegate.fromPartial({ delegatorAddress: await ctx.address(signer), validatorAddress: await validator(ctx, arg!), amount: oneCoin(ctx, amount!, '<amount>') });
      await ctx.submit(signer, [encoded(MsgDelegate, msg)]);
    },
  },
  {
    usage: 'unbond <validator> <amount>',
    description: 'undelegate tokens from a validator; they are free after the unbonding time (see `query staking params`)',
    async run(ctx, [arg, amount], options) {
      const signer = from(options);
      const msg = MsgUndelegate.fromPartial({ delegatorAddress: await ctx.address(signer), validatorAddress: await validator(ctx, arg!), amount: oneCoin(ctx, amount!, '<amount>') });
      await ctx.submit(signer, [encoded(MsgUndelegate, msg)]);
    },
  },
  {
    usage: 'redelegate <src_validator> <dst_validator> <amount>',
    description: 'move delegated tokens from one validator to another at once',
    async run(ctx, [src, dst, amount], options) {
      const signer = from(options);
      const msg = MsgBeginRedelegate.fromPartial({
        delegatorAddress: await ctx.address(signer),
        validatorSrcAddress: await validator(ctx, src!),
        validatorDstAddress: await validator(ctx, dst!),
        amount: oneCoin(ctx, amount!, '<amount>'),
      });
      await ctx.submit(signer, [encoded(MsgBeginRedelegate, msg)]);
    },
  },
  {
    usage: 'cancel-unbond <validator> <amount> <creation_height>',
    description: 'delegate back tokens still unbonding; <creation_height> is the entry\'s (see `query staking unbonding-delegation`)',
    async run(ctx, [arg, amount, height], options) {
      const signer = from(options);
      const msg = MsgCancelUnbondingDelegation.fromPartial({
        delegatorAddress: await ctx.address(signer),
        validatorAddress: await validator(ctx, arg!),
        amount: oneCoin(ctx, amount!, '<amount>'),
        creationHeight: positiveInt(height!, '<creation_height>'),
      });
      await ctx.submit(signer, [encoded(MsgCancelUnbondingDelegation, msg)]);
    },
  },
];

export const stakingCli: ModuleCli = { tx, query };
