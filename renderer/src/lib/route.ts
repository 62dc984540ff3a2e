// Parsing the hash into a route: the dashboard, the list (filters in the query), the scorecard (the same
// filters, the day to compare with), one commitment,
// the new-commitment form, sources and their reader, reference data, the trash, the backups and the
// team's members, and the reading inbox.

export type Route =
  | { name: 'dashboard' }
  | { name: 'list'; query: URLSearchParams }
  | { name: 'scorecard'; query: URLSearchParams }
  | { name: 'commitment'; id: number }
  | { name: 'new'; query: URLSearchParams }
  | { name: 'sources' }
  | { name: 'source'; id: number }
  | { name: 'reference' }
  | { name: 'trash' }
  | { name: 'backups' }
  | { name: 'team' }
  | { name: 'inbox' };

export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#/, '').split('?');
  const query = new URLSearchParams(search);
  const commitment = /^\/commitments\/(\d+)$/.exec(path);
  if (commitment) return { name: 'commitment', id: Number(commitment[1]) };
  if (path === '/commitments') return { name: 'list', query };
  if (path === '/scorecard') return { name: 'scorecard', query };
  if (path === '/new') return { name: 'new', query };
  const source = /^\/sources\/(\d+)$/.exec(path);
  if (source) return { name: 'source', id: Number(source[1]) };
  if (path === '/sources') return { name: 'sources' };
  if (path === '/reference') return { name: 'reference' };
  if (path === '/trash') return { name: 'trash' };
  if (path === '/backups') return { name: 'backups' };
  if (path === '/team') return { name: 'team' };
  if (path === '/inbox') return { name: 'inbox' };
  return { name: 'dashboard' };
}
