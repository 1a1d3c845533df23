// One in-process node of the simulation: the default zone over its own LMDB store in a temp
// folder, driven through its ABCI methods; it can restart (close and reopen its store) as a
// real node does, which must not change a single byte of what it computes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BaseApp } from '../../../app/baseapp.js';
import { buildZone, type Zone } from '../../../zone/zone.js';

export class SimNode {
  readonly zone: Zone = buildZone();
  app: BaseApp;
  private readonly dir = mkdtempSync(join(tmpdir(), 'zonekit-sim-'));

  constructor(readonly chainId: string) {
    this.app = this.open();
  }

  private open(): BaseApp {
    return new BaseApp({ app: this.zone.app, dataDir: this.dir, chainId: this.chainId });
  }

  async restart(): Promise<void> {
    await this.app.close();
    this.app = this.open();
  }

  async close(): Promise<void> {
    await this.app.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
