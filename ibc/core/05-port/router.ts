// 05-port: which application owns which port. Bound once, when the app is composed.
import type { IBCModule } from './ibc-module.js';
import { ErrInvalidRoute, ErrPortExists } from './errors.js';
import { validatePortId } from '../24-host/identifiers.js';

export class PortRouter {
  private readonly routes = new Map<string, IBCModule>();
  /** Port families, longest prefix first, so the most specific family wins. */
  private readonly prefixRoutes: Array<{ prefix: string; module: IBCModule }> = [];

  bind(portId: string, module: IBCModule): void {
    validatePortId(portId);
    if (this.routes.has(portId)) throw ErrPortExists.wrap(`port ${portId} is already bound`);
    this.routes.set(portId, module);
  }

  /**
   * Routes every port that starts with `prefix` (and is not bound exactly) to `module`. ICS-27
   * opens one port per owner (`icacontroller-{owner}`) at run time, where ibc-go binds each
   * with a capability; here the application keeps its own record of the ports it opened and
   * refuses the others in its callbacks, so routing by family changes no state at run time.
   */
  bindPrefix(prefix: string, module: IBCModule): void {
    validatePortId(prefix);
    if (this.prefixRoutes.some((r) => r.prefix === prefix)) throw ErrPortExists.wrap(`port prefix ${prefix} is already bound`);
    this.prefixRoutes.push({ prefix, module });
    this.prefixRoutes.sort((a, b) => b.prefix.length - a.prefix.length);
  }

  private lookup(portId: string): IBCModule | undefined {
    return this.routes.get(portId) ?? this.prefixRoutes.find((r) => portId.startsWith(r.prefix) && portId.length > r.prefix.length)?.module;
  }

  has(portId: string): boolean {
    return this.lookup(portId) !== undefined;
  }

  /** The module bound to `portId`; throws ibc-go's `route not found`. */
  route(portId: string): IBCModule {
    const module = this.lookup(portId);
    if (module === undefined) throw ErrInvalidRoute.wrap(`route not found to module: ${portId}`);
    return module;
  }

  /** The ports bound exactly (port families are not listed). */
  ports(): string[] {
    return [...this.routes.keys()];
  }
}
