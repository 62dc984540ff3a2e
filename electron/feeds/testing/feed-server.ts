// A small web server for the feed tests, on 127.0.0.1 only: fixture feeds (RSS 2.0 in English that can
// change and answers 304 to a matching ETag, Atom in Spanish, a JSON Feed), their article pages, and the
// ways a feed goes wrong (one that never answers, one that is not a feed, one far too large, a redirect
// loop). It closes itself after a set number of requests or a set time, so a test that forgets it
// cannot leave it running.
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { startLoopbackServer } from './loopback-server.ts';

export interface FeedServer {
  origin: string;
  /** Publishes the second item of the English feed: its ETag changes. */
  publishMore(): void;
  /** How many requests each path has had. */
  hits(path: string): number;
  close(): Promise<void>;
}

const fixtures = join(import.meta.dirname, '..', 'fixtures');
const page = (name: string) => readFileSync(join(fixtures, name), 'utf8');

function rss(origin: string, more: boolean): string {
  const item = (path: string, title: string, day: string) =>
    `<item><title>${title}</title><link>${origin}${path}</link><guid>${origin}${path}</guid>` +
    `<pubDate>${day}</pubDate></item>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>State Department press releases</title><link>${origin}/</link>
<description>Press releases</description>
${more ? item('/pages/en-review.html', 'Security group sets its next meeting', 'Tue, 21 Oct 2025 12:00:00 GMT') : ''}
${item('/pages/en-firearms.html', 'Border inspections begin under Mission Firewall', 'Tue, 14 Oct 2025 15:00:00 GMT')}
</channel></rss>`;
}

function atom(origin: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="es"><title>Secretaría de Economía: comunicados</title>
<id>${origin}/es/atom.xml</id><updated>2025-10-20T18:00:00Z</updated>
<entry><id>urn:se:comunicado:2025-118</id><title>México y Estados Unidos acuerdan revisar los aranceles</title>
<link rel="alternate" href="${origin}/pages/es-aranceles.html"/><updated>2025-10-20T18:00:00Z</updated></entry>
</feed>`;
}

function jsonFeed(origin: string): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Security group notices',
    items: [
      {
        id: 'notice-7',
        url: `${origin}/pages/en-review.html`,
        title: 'Security group sets its next meeting',
        date_published: '2025-10-21T12:00:00Z',
      },
    ],
  });
}

export async function startFeedServer(limits = { requests: 200, seconds: 60 }): Promise<FeedServer> {
  let more = false;
  let served = 0;
  const counts = new Map<string, number>();
  let origin = '';

  function answer(request: IncomingMessage, response: ServerResponse): void {
    const path = new URL(request.url ?? '/', origin).pathname;
    counts.set(path, (counts.get(path) ?? 0) + 1);
    served += 1;
    if (served > limits.requests) {
      response.writeHead(503).end('This test server has answered all the requests it takes.');
      return;
    }
    const send = (type: string, body: string, headers: Record<string, string> = {}): void => {
      response.writeHead(200, { 'Content-Type': type, ...headers }).end(body);
    };
    if (path === '/en/feed.xml') {
      const etag = more ? '"en-2"' : '"en-1"';
      if (request.headers['if-none-match'] === etag)
        return void response.writeHead(304, { ETag: etag }).end();
      return send('application/rss+xml; charset=utf-8', rss(origin, more), {
        ETag: etag,
        'Last-Modified': more ? 'Tue, 21 Oct 2025 12:00:00 GMT' : 'Tue, 14 Oct 2025 15:00:00 GMT',
      });
    }
    if (path === '/half-broken.xml') {
      // The first page is fine, the second is missing: the check must store neither.
      return send(
        'application/rss+xml',
        rss(origin, false).replace(
          '</channel>',
          `<item><title>Gone</title><link>${origin}/pages/missing.html</link></item></channel>`,
        ),
      );
    }
    if (path === '/es/atom.xml') return send('application/atom+xml', atom(origin));
    if (path === '/json/feed.json') return send('application/feed+json', jsonFeed(origin));
    if (path.startsWith('/pages/') && /^(en|es)-[a-z]+\.html$/.test(path.slice(7))) {
      return send('text/html; charset=utf-8', page(path.slice(7)));
    }
    if (path === '/moved.xml') return void response.writeHead(301, { Location: '/en/feed.xml' }).end();
    if (path === '/loop/a') return void response.writeHead(302, { Location: '/loop/b' }).end();
    if (path === '/loop/b') return void response.writeHead(302, { Location: '/loop/a' }).end();
    if (path === '/to-file') return void response.writeHead(302, { Location: 'file:///etc/passwd' }).end();
    if (path === '/not-a-feed')
      return send('text/html', '<html><body><p>Welcome to our site!</p></body></html>');
    if (path === '/huge.xml') {
      // No length announced: the cap has to be counted as the body arrives.
      response.writeHead(200, { 'Content-Type': 'application/rss+xml' });
      const chunk = `<!-- ${'x'.repeat(16_000)} -->\n`;
      let sent = 0;
      const more = (): void => {
        while (sent < 400 && response.write(chunk)) sent += 1;
        if (sent >= 400) response.end();
        else response.once('drain', more);
      };
      response.write('<?xml version="1.0"?><rss version="2.0"><channel><title>Huge</title>');
      return more();
    }
    if (path === '/slow.xml') {
      // Headers at once, then nothing: only the client's deadline ends it.
      response.writeHead(200, { 'Content-Type': 'application/rss+xml' });
      response.write('<?xml version="1.0"?>');
      server.hold(response);
      return;
    }
    response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
  }

  const server = await startLoopbackServer(answer, limits.seconds);
  origin = server.origin;
  return {
    origin,
    publishMore: () => (more = true),
    hits: (path) => counts.get(path) ?? 0,
    close: server.close,
  };
}
