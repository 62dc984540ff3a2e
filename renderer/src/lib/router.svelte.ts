// Hash routing: the current route as state, following the address bar.
import { parseRoute, type Route } from './route.ts';

export type { Route };

export class Router {
  route = $state<Route>(parseRoute(window.location.hash));

  constructor() {
    window.addEventListener('hashchange', () => {
      this.route = parseRoute(window.location.hash);
    });
  }

  go(hash: string): void {
    if (window.location.hash === hash) this.route = parseRoute(hash);
    else window.location.hash = hash;
  }

  /** Changes the URL without adding a history entry (filters typed into the list). */
  replace(hash: string): void {
    history.replaceState(history.state, '', hash);
    this.route = parseRoute(hash);
  }
}

export const router = new Router();
