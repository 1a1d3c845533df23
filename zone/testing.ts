// An app driven through its ABCI methods in-process, without CometBFT: for tests of the
// whole pipeline (ante, messages, queries, commit) that run in milliseconds. The default zone
// unless `app` names another factory (a chain builder's own zone).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CheckTxType, type Event, type ExecTxResult, type Misbehavior, type RequestInitChain, type ResponseCheckTx, type ResponseFinalizeBlock, type ResponseQuery } from 'cosmjs-types/tendermint/abci/types';
import type { AppFactory, ComposedApp } from '../app/app.js';
import { BaseApp } from '../app/baseapp.js';
import { buildZone, zoneGenesis, type GenesisAccount, type Zone, type ZoneOptions } from './zone.js';

export interface TestChainOptions<Z extends ComposedApp = Zone> {
  /** Composes the app under test; default: the default zone (`buildZone(zone)`). */
  app?: AppFactory<Z>;
  chainId?: string;
  /** Funded at genesis: a BaseAccount each (auth) and its balance (bank). */
  accounts: readonly GenesisAccount[];
  minGasPrices?: string;
  initialHeight?: bigint;
  /** Extra or replaced `app_state` entries. */
  appState?: Record<string, unknown>;
  maxBlockGas?: bigint;
  /** How the default zone is built (e.g. extra IBC applications for tests), when `app` is not given. */
  zone?: ZoneOptions;
}

export class TestChain<Z extends ComposedApp = Zone> {
  /** What the factory composed: the app definition and its keepers, for assertions on state. */
  readonly zone: Z;
  app: BaseApp;
  readonly chainId: string;
  private readonly dir: string;
  private readonly minGasPrices: string | undefined;
  height = 0n;
  private seconds = 1_700_000_000n;

  private constructor(options: TestChainOptions<Z>) {
    this.chainId = options.chainId ?? 'zonekit-test-1';
    this.dir = mkdtempSync(join(tmpdir(), 'zonekit-chain-'));
    this.zone = options.app ? options.app() : (buildZone(options.zone) as unknown as Z);
    this.minGasPrices = options.minGasPrices;
    this.app = this.open();
  }

  private open(): BaseApp {
    return new BaseApp({
      app: this.zone.app,
      dataDir: this.dir,
      chainId: this.chainId,
      ...(this.minGasPrices ? { minGasPrices: this.minGasPrices } : {}),
    });
  }

  /** Closes the app and opens it again on the same data, as a restarted node would. */
  async restart(): Promise<void> {
    await this.app.close();
    this.app = this.open();
    this.height = BigInt(this.app.lastCommitId.version);
  }

  private initChainRequest?: RequestInitChain;

  static async start<Z extends ComposedApp = Zone>(options: TestChainOptions<Z>): Promise<TestChain<Z>> {
    const chain = new TestChain<Z>(options);
    // An app without auth or bank can still start, as long as no account asks to be funded.
    const modules = new Set(chain.zone.app.modules.map((m) => m.name));
    const funding = Object.entries(zoneGenesis(options.accounts)).filter(([name]) => modules.has(name) || options.accounts.length > 0);
    const appState = { ...Object.fromEntries(funding), ...options.appState };
    const initialHeight = options.initialHeight ?? 1n;
    chain.initChainRequest = {
      time: { seconds: chain.seconds, nanos: 0 },
      chainId: chain.chainId,
      consensusParams: {
        block: { maxBytes: 22020096n, maxGas: options.maxBlockGas ?? -1n },
      },
      validators: [],
      appStateBytes: Buffer.from(JSON.stringify(appState)),
      initialHeight,
    };
    await chain.app.initChain(chain.initChainRequest);
    chain.height = initialHeight - 1n;
    return chain;
  }

  /** InitChain once more, as a CometBFT restarted before the first Commit sends it. */
  async initChainAgain(): Promise<void> {
    await this.app.initChain(this.initChainRequest!);
  }

  checkTx(tx: Uint8Array, recheck = false): ResponseCheckTx {
    return this.app.checkTx({ tx, type: recheck ? CheckTxType.RECHECK : CheckTxType.NEW });
  }

  /**
   * Finalizes and commits one block with `txs` (and CometBFT's `misbehavior`, for the court);
   * returns the tx results, the block's own events and the app hash.
   */
  async deliver(txs: Uint8Array[], misbehavior: Misbehavior[] = []): Promise<{ results: ExecTxResult[]; events: Event[]; appHash: Uint8Array }> {
    const response = this.finalize(txs, misbehavior);
    await this.app.commit();
    return { results: response.txResults, events: response.events, appHash: response.appHash };
  }

  /** FinalizeBlock for the next height, without Commit. */
  finalize(txs: Uint8Array[], misbehavior: Misbehavior[] = []): ResponseFinalizeBlock {
    this.height += 1n;
    this.seconds += 5n;
    return this.finalizeAgain(txs, misbehavior);
  }

  /** FinalizeBlock once more at the last finalized height and time (a restarted CometBFT's replay), without Commit. */
  finalizeAgain(txs: Uint8Array[], misbehavior: Misbehavior[] = []): ResponseFinalizeBlock {
    return this.app.finalizeBlock({
      txs,
      decidedLastCommit: { round: 0, votes: [] },
      misbehavior,
      hash: new Uint8Array(32),
      height: this.height,
      time: { seconds: this.seconds, nanos: 0 },
      nextValidatorsHash: new Uint8Array(32),
      proposerAddress: new Uint8Array(20),
    });
  }

  query(path: string, data: Uint8Array, height = 0n, prove = false): ResponseQuery {
    return this.app.query({ path, data, height, prove });
  }

  async close(): Promise<void> {
    await this.app.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export { eventLines, memoryStore, testContext, type TestContextOptions } from '../app/testing.js';
export { zoneGenesis, type GenesisAccount } from './zone.js';
