import type { Node, NodeKey } from './node.js';

/**
 * A bounded cache of persisted nodes with two generations: lookups promote entries into the
 * young map, and when it fills up the old generation is dropped whole. Close to LRU at the cost
 * of two map operations, and memory stays under 2 × capacity nodes whatever the state size.
 */
export class NodeCache {
  private young = new Map<NodeKey, Node>();
  private old = new Map<NodeKey, Node>();

  constructor(private readonly capacity: number) {}

  get(key: NodeKey): Node | undefined {
    const hit = this.young.get(key);
    if (hit !== undefined) return hit;
    const aged = this.old.get(key);
    if (aged !== undefined) this.set(key, aged);
    return aged;
  }

  set(key: NodeKey, node: Node): void {
    if (this.young.size >= this.capacity) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, node);
  }

  delete(key: NodeKey): void {
    this.young.delete(key);
    this.old.delete(key);
  }

  get size(): number {
    return this.young.size + this.old.size;
  }
}
