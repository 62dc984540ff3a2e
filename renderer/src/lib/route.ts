// Parsing the hash into a route: the list (filters in the query), one commitment, or the new form.

export type Route =
  | { name: 'list'; query: URLSearchParams }
  | { name: 'commitment'; id: number }
  | { name: 'new'; query: URLSearchParams };

export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#/, '').split('?');
  const query = new URLSearchParams(search);
  const commitment = /^\/commitments\/(\d+)$/.exec(path);
  if (commitment) return { name: 'commitment', id: Number(commitment[1]) };
  if (path === '/new') return { name: 'new', query };
  return { name: 'list', query };
}
