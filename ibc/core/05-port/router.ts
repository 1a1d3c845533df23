// 05-port: which application owns which port. Bound once, when the app is composed.
import type { IBCModule } from './ibc-module.js';
import { ErrInvalidRoute, ErrPortExists } from './errors.js';
import { validatePortId } from '../24-host/identifiers.js';

export class PortRouter {
  private readonly routes = new Map<string, IBCModule>();

  bind(portId: string, module: IBCModule): void {
    validatePortId(portId);
    if (this.routes.has(portId)) throw ErrPortExists.wrap(`port ${portId} is already bound`);
    this.routes.set(portId, module);
  }

  has(portId: string): boolean {
    return this.routes.has(portId);
  }

  /** The module bound to `portId`; throws ibc-go's `route not found`. */
  route(portId: string): IBCModule {
    const module = this.routes.get(portId);
    if (module === undefined) throw ErrInvalidRoute.wrap(`route not found to module: ${portId}`);
    return module;
  }

  ports(): string[] {
    return [...this.routes.keys()];
  }
}
