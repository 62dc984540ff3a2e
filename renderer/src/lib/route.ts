// Parsing the hash into a route: the dashboard, the list (filters in the query), one commitment,
// the new-commitment form, reference data and the trash.

export type Route =
  | { name: 'dashboard' }
  | { name: 'list'; query: URLSearchParams }
  | { name: 'commitment'; id: number }
  | { name: 'new'; query: URLSearchParams }
  | { name: 'reference' }
  | { name: 'trash' };

export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#/, '').split('?');
  const query = new URLSearchParams(search);
  const commitment = /^\/commitments\/(\d+)$/.exec(path);
  if (commitment) return { name: 'commitment', id: Number(commitment[1]) };
  if (path === '/commitments') return { name: 'list', query };
  if (path === '/new') return { name: 'new', query };
  if (path === '/reference') return { name: 'reference' };
  if (path === '/trash') return { name: 'trash' };
  return { name: 'dashboard' };
}
