import { NONCE_LIMIT, type Node, type NodeKey } from './node.js';

const INITIAL_SLOTS = 1024;

/**
 * A bounded cache of persisted nodes: a direct-mapped table indexed by a hash of the node
 * key. A lookup is one array read and a key check, with no allocation and no map hashing of
 * node keys (which outgrow small integers); a collision simply evicts. The table starts small
 * and doubles while a store keeps loading nodes, up to `capacity` slots, so small stores cost
 * little and memory stays bounded whatever the size of the state.
 */
export class NodeCache {
  private slots: Array<Node | undefined> = new Array<Node | undefined>(INITIAL_SLOTS).fill(undefined);
  private mask = INITIAL_SLOTS - 1;
  private insertsSinceGrowth = 0;
  private readonly maxSlots: number;

  constructor(capacity: number) {
    let max = INITIAL_SLOTS;
    while (max < capacity) max *= 2;
    this.maxSlots = max;
  }

  private slot(key: NodeKey): number {
    const version = Math.floor(key / NONCE_LIMIT);
    return ((key - version * NONCE_LIMIT) ^ Math.imul(version, 0x9e3779b1)) & this.mask;
  }

  get(key: NodeKey): Node | undefined {
    const node = this.slots[this.slot(key)];
    return node !== undefined && node.nodeKey === key ? node : undefined;
  }

  set(key: NodeKey, node: Node): void {
    if (++this.insertsSinceGrowth > this.slots.length && this.slots.length < this.maxSlots) this.grow();
    this.slots[this.slot(key)] = node;
  }

  delete(key: NodeKey): void {
    const i = this.slot(key);
    if (this.slots[i]?.nodeKey === key) this.slots[i] = undefined;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Array<Node | undefined>(old.length * 2).fill(undefined);
    this.mask = this.slots.length - 1;
    this.insertsSinceGrowth = 0;
    for (const node of old) if (node !== undefined) this.slots[this.slot(node.nodeKey!)] = node;
  }
}
