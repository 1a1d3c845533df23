// `zonekit tx ...` and `zonekit query ...`: each module's subcommands (from its `cli`), plus
// the generic ones: tx sign|broadcast, query tx|txs|block.
import { fromHex, toHex } from '@cosmjs/encoding';
import type { comet38 } from '@cosmjs/tendermint-rpc';
import { Command, Option } from 'commander';
import type { CliCommand, CliContext } from '../../app/cli-types.js';
import { abciQuery, atNode, connectComet, DEFAULT_NODE, parseCoins, resolveAddress } from '../chain.js';
import { actionParts, globalOptions, openKeyring, theZone, txJson, type GlobalOptions } from '../context.js';
import { CliError, fields, print, toJson } from '../output.js';
import { txToBytes } from '../../app/tx/tx-json.js';
import { multisign, signForMultisig } from '../multisig.js';
import { validateSignatures } from '../validate-signatures.js';
import { BROADCAST_MODES, broadcastTxFile, readTxFile, simulateTxFile, type BroadcastMode, DEFAULT_GAS, DEFAULT_GAS_ADJUSTMENT, SIGN_MODES, signTxFile, submitTx, type SignFlags, type SignModeName, type TxFlags } from '../tx.js';

function addTxFlags(command: Command): Command {
  return command
    .option('--from <key_or_address>', 'the signer: a key name, or an address of a key in the keyring')
    .option('--chain-id <id>', "the chain id (checked against the node's)")
    .option('-n, --node <url>', 'CometBFT RPC', DEFAULT_NODE)
    .option('--fees <coins>', 'fees to pay, e.g. 5000uatom')
    .option('--gas <gas>', 'gas limit, or auto to simulate', DEFAULT_GAS)
    .option('--gas-adjustment <factor>', 'with --gas auto: the simulated gas times this', DEFAULT_GAS_ADJUSTMENT)
    .option('--gas-prices <price>', 'pay gas times this, e.g. 0.025uatom')
    .option('--memo <text>', 'a note in the tx', '')
    .option('-y, --yes', 'sign and broadcast without asking')
    .option('--generate-only', 'print the unsigned tx (for `tx sign`) instead of signing it')
    .option('--dry-run', 'simulate the tx and print the gas estimate; sign and send nothing')
    .option('--skip-simulate', 'with a numeric --gas: broadcast without simulating first (a tx that fails in its block still pays its fee)')
    .addOption(broadcastModeOption());
}

function broadcastModeOption(): Option {
  return new Option('-b, --broadcast-mode <mode>', 'sync: return after CheckTx; async: return at once; block: wait for the block').choices(BROADCAST_MODES).default('block');
}

function txFlags(options: Record<string, unknown>, g: GlobalOptions): TxFlags {
  return {
    ...(typeof options.chainId === 'string' ? { chainId: options.chainId } : {}),
    node: options.node as string,
    ...(typeof options.fees === 'string' ? { fees: options.fees } : {}),
    gas: options.gas as string,
    gasAdjustment: options.gasAdjustment as string,
    ...(typeof options.gasPrices === 'string' ? { gasPrices: options.gasPrices } : {}),
    memo: options.memo as string,
    yes: options.yes === true,
    generateOnly: options.generateOnly === true,
    dryRun: options.dryRun === true,
    skipSimulate: options.skipSimulate === true,
    output: g.output,
    broadcastMode: options.broadcastMode as BroadcastMode,
  };
}

/** The group a usage's leading plain words name (`controller register <id>` → group `controller`), made once; and the rest of the usage. */
function nestedGroup(parent: Command, usage: string): { group: Command; usage: string } {
  const words = usage.split(' ');
  let group = parent;
  while (words.length > 1 && /^[a-z][a-z0-9-]*$/.test(words[1]!)) {
    const name = words.shift()!;
    group = group.commands.find((c) => c.name() === name) ?? group.command(name).description(`${name} commands`);
  }
  return { group, usage: words.join(' ') };
}

function mount(parent: Command, spec: CliCommand, kind: 'tx' | 'query'): void {
  const { group, usage } = nestedGroup(parent, spec.usage);
  const command = group.command(usage).description(spec.description);
  for (const option of spec.options ?? []) command.option(option.flags, option.description, option.default as string | boolean | undefined);
  if (kind === 'tx') addTxFlags(command);
  else command.option('-n, --node <url>', 'CometBFT RPC', DEFAULT_NODE);
  command.action(async (...args: unknown[]) => {
    const { positional, options, command: self } = actionParts(args);
    const g = globalOptions(self);
    const keyring = openKeyring(g);
    const prefix = theZone().app.bech32Prefix;
    const node = options.node as string;
    const ctx: CliContext = {
      home: g.home,
      bech32Prefix: prefix,
      address: async (nameOrAddress) => resolveAddress(keyring, prefix, nameOrAddress),
      coins: parseCoins,
      query: (path, request) => abciQuery(node, path, request),
      print: (value, text) => print(g.output, value, text),
      msgFromJson: (json) => txJson().types.anyFromJson(json),
      jsonTypes: txJson().types,
      async submit(from, msgs) {
        const address = resolveAddress(keyring, prefix, from);
        const keyName = keyring.has(from) ? from : keyring.list().find((k) => k.address === address)?.name;
        await submitTx(keyring, keyName, address, msgs, txFlags(options, g));
      },
    };
    await spec.run(ctx, positional, options);
  });
}

interface SignOptions {
  chainId?: string;
  node: string;
  offline?: boolean;
  accountNumber?: string;
  sequence?: string;
  outputDocument?: string;
  signMode: SignModeName;
}

function signFlags(opts: SignOptions): SignFlags {
  return {
    node: opts.node,
    offline: opts.offline ?? false,
    signMode: opts.signMode,
    ...(opts.chainId !== undefined ? { chainId: opts.chainId } : {}),
    ...(opts.accountNumber !== undefined ? { accountNumber: opts.accountNumber } : {}),
    ...(opts.sequence !== undefined ? { sequence: opts.sequence } : {}),
    ...(opts.outputDocument !== undefined ? { outputDocument: opts.outputDocument } : {}),
  };
}

export function txCommand(): Command {
  const tx = new Command('tx').description('sign and broadcast transactions');
  for (const module of theZone().app.modules) {
    if (!module.cli?.tx) continue;
    const name = module.cli.name ?? module.name;
    const group = tx.command(name).description(`${name} transactions`);
    for (const spec of module.cli.tx) mount(group, spec, 'tx');
  }
  tx.command('sign <file>')
    .description("sign a tx file in the SDK's JSON (from --generate-only, here or simd's) as its signer; prints the signed tx")
    .requiredOption('--from <key>', 'the key that signs')
    .option('--chain-id <id>', 'the chain id (required with --offline)')
    .option('-n, --node <url>', 'CometBFT RPC (for the account number and sequence)', DEFAULT_NODE)
    .option('--offline', 'do not ask the node: take --account-number, --sequence and --chain-id')
    .option('--account-number <n>', 'with --offline: the signer account number')
    .option('--sequence <n>', 'with --offline: the signer sequence')
    .option('--output-document <file>', 'write the signed tx here instead of stdout')
    .option('--multisig <key_or_address>', 'sign for this multisig account (a multi key in the keyring) as one of its keys: writes only the signature, for tx multisign')
    .addOption(new Option('--sign-mode <mode>', 'direct (SIGN_MODE_DIRECT) or amino-json (SIGN_MODE_LEGACY_AMINO_JSON, as a Ledger signs)').choices(SIGN_MODES).default('direct'))
    .action(async (file: string, opts: SignOptions & { from: string; multisig?: string }, command: Command) => {
      const g = globalOptions(command);
      const keyring = openKeyring(g);
      const address = resolveAddress(keyring, theZone().app.bech32Prefix, opts.from);
      const keyName = keyring.has(opts.from) ? opts.from : keyring.list().find((k) => k.address === address)?.name;
      if (keyName === undefined) throw new CliError(`${opts.from} is not a key in the ${g.keyringBackend} keyring`);
      if (opts.multisig !== undefined) await signForMultisig(keyring, keyName, opts.multisig, file, signFlags(opts));
      else await signTxFile(keyring, keyName, file, signFlags(opts));
    });
  tx.command('multisign <file> <multisig_key> <signature_files...>')
    .description('combine the multisig members\' signatures (from tx sign --multisig) into the signed tx, each checked first; prints it for tx broadcast')
    .option('--chain-id <id>', 'the chain id (required with --offline)')
    .option('-n, --node <url>', 'CometBFT RPC (for the multisig account number and sequence)', DEFAULT_NODE)
    .option('--offline', 'do not ask the node: take --account-number, --sequence and --chain-id')
    .option('--account-number <n>', 'with --offline: the multisig account number')
    .option('--sequence <n>', 'with --offline: the multisig account sequence')
    .option('--output-document <file>', 'write the signed tx here instead of stdout')
    .action(async (file: string, multisig: string, signatureFiles: string[], opts: SignOptions, command: Command) => {
      await multisign(openKeyring(globalOptions(command)), file, multisig, signatureFiles, signFlags({ ...opts, signMode: 'amino-json' }));
    });
  tx.command('broadcast <file>')
    .description('broadcast a signed tx (from `tx sign` or `tx multisign`) and wait for its block (or not: --broadcast-mode)')
    .option('-n, --node <url>', 'CometBFT RPC', DEFAULT_NODE)
    .addOption(broadcastModeOption())
    .action(async (file: string, opts: { node: string; broadcastMode: BroadcastMode }, command: Command) => {
      await broadcastTxFile(file, { node: opts.node, output: globalOptions(command).output, broadcastMode: opts.broadcastMode });
    });
  tx.command('validate-signatures <file>')
    .description("check a signed tx file's signatures: each signer's key and, unless --offline, its signature against the account on chain (number, sequence, chain id)")
    .option('-n, --node <url>', 'CometBFT RPC (for the accounts and the chain id)', DEFAULT_NODE)
    .option('--offline', 'check only that each signature is by its signer')
    .option('--chain-id <id>', "the chain id (default: the node's)")
    .action(async (file: string, opts: { node: string; offline?: boolean; chainId?: string }, command: Command) => {
      await validateSignatures(file, { node: opts.node, offline: opts.offline === true, output: globalOptions(command).output, ...(opts.chainId !== undefined ? { chainId: opts.chainId } : {}) });
    });
  tx.command('simulate <file>')
    .description('the gas a tx file (signed, or unsigned from --generate-only) would use, from the node\'s simulation; sends nothing')
    .option('-n, --node <url>', 'CometBFT RPC', DEFAULT_NODE)
    .action(async (file: string, opts: { node: string }, command: Command) => {
      await simulateTxFile(file, { node: opts.node, output: globalOptions(command).output });
    });
  tx.command('encode <file>')
    .description("the base64 protobuf bytes (TxRaw) of a tx file in the SDK's JSON, as simd's `tx encode`")
    .action((file: string) => {
      process.stdout.write(`${Buffer.from(txToBytes(readTxFile(file))).toString('base64')}\n`);
    });
  tx.command('decode <encoded>')
    .description("a tx's protobuf bytes (base64, or hex with --hex) as the SDK's JSON, as simd's `tx decode`")
    .option('-x, --hex', 'the bytes are hex, not base64')
    .action((encoded: string, opts: { hex?: boolean }) => {
      const valid = opts.hex ? /^([0-9a-fA-F]{2})+$/ : /^[A-Za-z0-9+/]+={0,2}$/;
      if (!valid.test(encoded)) throw new CliError(`invalid ${opts.hex ? 'hex' : 'base64'} tx bytes`, opts.hex ? 'give the hex of the TxRaw bytes' : 'give the base64 of the TxRaw bytes, or hex with --hex');
      const bytes = opts.hex ? fromHex(encoded) : new Uint8Array(Buffer.from(encoded, 'base64'));
      let json;
      try {
        json = txJson().txBytesToJson(bytes);
      } catch (err) {
        throw new CliError(`the bytes are not a tx: ${err instanceof Error ? err.message : String(err)}`);
      }
      process.stdout.write(toJson(json) + '\n');
    });
  return tx;
}

/** A committed tx as `query tx|txs -o json` print it: the SDK's TxResponse fields (codespace included, as REST has it). */
function indexedTxJson(tx: comet38.TxResponse) {
  const r = tx.result;
  return {
    height: String(tx.height),
    txhash: toHex(tx.hash).toUpperCase(),
    codespace: r.codespace ?? '',
    code: r.code,
    raw_log: r.log ?? '',
    gas_wanted: String(r.gasWanted),
    gas_used: String(r.gasUsed),
    events: r.events,
    tx: Buffer.from(tx.tx).toString('base64'),
  };
}

/**
 * `--events` as a CometBFT query: `type.attribute=value` conditions joined by `&` (simd's
 * form), each value quoted. CometBFT's query language has no escape for a quote, so a value
 * holding one is refused here rather than sent as a query the node cannot parse.
 */
/** A whole number at least `min` from a flag, or a clear error. */
function wholeNumber(text: string, flag: string, min: number): number {
  if (!/^[0-9]{1,9}$/.test(text) || Number(text) < min) throw new CliError(`invalid ${flag} ${JSON.stringify(text)}: expected a whole number from ${min}`);
  return Number(text);
}

export function eventsQuery(events: string): string {
  return events
    .split('&')
    .map((part) => {
      const match = /^([\w.-]+\.[\w.-]+)=(.+)$/.exec(part.trim());
      if (!match) throw new CliError(`invalid event condition ${JSON.stringify(part)}: expected <type>.<attribute>=<value>, e.g. message.sender=cosmos1...`);
      const [, key, raw] = match as unknown as [string, string, string];
      const value = raw.replace(/^'(.*)'$/, '$1');
      if (value.includes("'")) throw new CliError(`invalid event condition ${JSON.stringify(part)}: a value cannot contain a single quote (CometBFT's query language has no escape for it)`, 'search by another attribute, or by a part of the value without the quote');
      if (key === 'tx.height' && /^[0-9]+$/.test(value)) return `${key}=${value}`;
      return `${key}='${value}'`;
    })
    .join(' AND ');
}

export function queryCommand(): Command {
  const query = new Command('query').alias('q').description('query the chain');
  for (const module of theZone().app.modules) {
    if (!module.cli?.query) continue;
    const name = module.cli.name ?? module.name;
    const group = query.command(name).description(`${name} queries`);
    for (const spec of module.cli.query) mount(group, spec, 'query');
  }
  query
    .command('tx <hash>')
    .description('a committed tx by its hash')
    .option('-n, --node <url>', 'CometBFT RPC', DEFAULT_NODE)
    .action(async (hash: string, opts: { node: string }, command: Command) => {
      const g = globalOptions(command);
      if (!/^[0-9a-fA-F]{64}$/.test(hash)) throw new CliError(`invalid tx hash ${JSON.stringify(hash)}: expected 64 hex characters`);
      const comet = await connectComet(opts.node);
      try {
        const notFound = () => new CliError(`tx ${hash} not found on ${opts.node}`, 'it may not be in a block yet, or the node does not index txs (config.toml [tx_index] indexer = "kv")');
        const tx = await atNode(opts.node, () => comet.tx({ hash: fromHex(hash) }), (text) => (/not found/.test(text) ? notFound() : new CliError(`the node at ${opts.node} cannot look up tx ${hash}: ${text}`)));
        const json = indexedTxJson(tx);
        print(g.output, json, () => fields([['txhash', json.txhash], ['height', json.height], ['code', json.code], ['gas used', `${json.gas_used} of ${json.gas_wanted}`], ['log', json.raw_log || '(none)']]));
      } finally {
        comet.disconnect();
      }
    });
  query
    .command('txs')
    // CometBFT 0.38's kv indexer matches each condition in any event of the tx; conditions on one event type are the reliable form.
    .description("committed txs matching events, e.g. --events 'message.sender=cosmos1...&message.module=bank' or --query \"transfer.recipient='cosmos1...'\"; one page at a time, as simd pages them")
    .option('--events <events>', "'<type>.<attribute>=<value>' conditions joined by &")
    .option('--query <query>', "a CometBFT query, as simd takes it: \"message.sender='cosmos1...' AND tx.height>5\"")
    .option('--page <n>', 'the page to show, from 1', '1')
    .option('--limit <n>', 'txs per page (at most 100)', '100')
    .addOption(new Option('--order_by <order>', 'by height').choices(['asc', 'desc']).default('asc'))
    .option('-n, --node <url>', 'CometBFT RPC', DEFAULT_NODE)
    .action(async (opts: { events?: string; query?: string; page: string; limit: string; order_by: 'asc' | 'desc'; node: string }, command: Command) => {
      const g = globalOptions(command);
      if ((opts.events === undefined) === (opts.query === undefined)) throw new CliError('give one of --events or --query', "e.g. --events 'message.sender=cosmos1...' or --query \"message.sender='cosmos1...'\"");
      const query = opts.query ?? eventsQuery(opts.events!);
      const page = wholeNumber(opts.page, '--page', 1);
      const limit = wholeNumber(opts.limit, '--limit', 1);
      if (limit > 100) throw new CliError(`--limit ${limit} is more than CometBFT returns in one page (100)`, 'use --limit 100 and --page to go through the rest');
      const comet = await connectComet(opts.node);
      try {
        const found = await atNode(opts.node, () => comet.txSearch({ query, page, per_page: limit, order_by: opts.order_by }), (text) =>
          /page should be within/.test(text)
            ? new CliError(`there is no page ${page} of ${limit} txs matching ${JSON.stringify(query)}`, 'give a smaller --page')
            : new CliError(`the node at ${opts.node} cannot search for ${JSON.stringify(opts.query ?? opts.events)}: ${text}`, "write --events as <type>.<attribute>=<value> conditions joined by &, e.g. --events 'message.sender=cosmos1...'"),
        );
        const txs = found.txs.map(indexedTxJson);
        // The SDK's SearchTxsResult.
        const json = { total_count: String(found.totalCount), count: String(txs.length), page_number: String(page), page_total: String(Math.max(1, Math.ceil(found.totalCount / limit))), limit: String(limit), txs };
        print(g.output, json, () => (txs.length === 0 ? 'no txs match' : [...txs.map((t) => `${t.txhash}  height ${t.height}  code ${t.code}`), `page ${page} of ${json.page_total} (${found.totalCount} txs)`].join('\n')));
      } finally {
        comet.disconnect();
      }
    });
  query
    .command('block [height]')
    .description('a committed block (default: the latest)')
    .option('-n, --node <url>', 'CometBFT RPC', DEFAULT_NODE)
    .action(async (height: string | undefined, opts: { node: string }, command: Command) => {
      const g = globalOptions(command);
      if (height !== undefined && !/^[1-9][0-9]*$/.test(height)) throw new CliError(`invalid height ${JSON.stringify(height)}: expected a positive whole number`);
      const comet = await connectComet(opts.node);
      try {
        const { blockId, block } = await atNode(opts.node, () => comet.block(height === undefined ? undefined : Number(height)), (text) => {
          const latest = /current blockchain height (\d+)/.exec(text)?.[1];
          if (latest !== undefined) return new CliError(`no block at height ${height} on ${opts.node}: the latest is ${latest}`, `give a height up to ${latest}, or none for the latest`);
          const lowest = /lowest height is (\d+)/.exec(text)?.[1];
          if (lowest !== undefined) return new CliError(`no block at height ${height} on ${opts.node}: it keeps blocks from height ${lowest} on (older ones were pruned)`, 'ask an archive node with --node');
          return new CliError(`the node at ${opts.node} has no block at height ${height}: ${text}`);
        });
        const h = block.header;
        const json = {
          block_id: { hash: toHex(blockId.hash).toUpperCase() },
          block: {
            header: { chain_id: h.chainId, height: String(h.height), time: h.time.toISOString(), app_hash: toHex(h.appHash).toUpperCase(), proposer_address: toHex(h.proposerAddress).toUpperCase() },
            data: { txs: block.txs.map((t) => Buffer.from(t).toString('base64')) },
          },
        };
        print(g.output, json, () =>
          fields([['height', json.block.header.height], ['hash', json.block_id.hash], ['time', json.block.header.time], ['chain id', h.chainId], ['txs', block.txs.length], ['app hash', json.block.header.app_hash], ['proposer', json.block.header.proposer_address]]),
        );
      } finally {
        comet.disconnect();
      }
    });
  return query;
}
