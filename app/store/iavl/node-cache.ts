import { NONCE_LIMIT, type Node, type NodeKey } from './node.js';

/**
 * A bounded cache of persisted nodes: a direct-mapped table indexed by a hash of the node
 * key. A lookup is one array read and a key check, with no allocation and no map hashing of
 * node keys (which outgrow small integers); a collision simply evicts. Memory stays at
 * `capacity` nodes whatever the size of the state.
 */
export class NodeCache {
  private readonly slots: Array<Node | undefined>;
  private readonly mask: number;

  constructor(capacity: number) {
    let size = 1024;
    while (size < capacity) size *= 2;
    this.slots = new Array<Node | undefined>(size).fill(undefined);
    this.mask = size - 1;
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
    this.slots[this.slot(key)] = node;
  }

  delete(key: NodeKey): void {
    const i = this.slot(key);
    if (this.slots[i]?.nodeKey === key) this.slots[i] = undefined;
  }
}
