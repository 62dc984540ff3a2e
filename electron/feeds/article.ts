// An item's web page as a source draft: Mozilla's Readability (the Firefox reader view) finds the
// article in the page's DOM (linkedom), leaving out the navigation, footers and cookie banners around it.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { SourceDraft } from '../domain/model.ts';
import { detectLanguage } from '../ingest/extract/language.ts';
import { textOfHtml } from '../ingest/source-drafts.ts';
import type { FeedItem } from './feed-items.ts';

export class NoArticleError extends Error {
  override name = 'NoArticleError';
}

function languageOf(lang: string | null | undefined, text: string): 'en' | 'es' {
  const declared = lang?.toLowerCase().slice(0, 2);
  return declared === 'en' || declared === 'es' ? declared : detectLanguage(text);
}

function dayOf(time: string | null | undefined): string | null {
  if (!time) return null;
  const parsed = Date.parse(time);
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString().slice(0, 10);
}

/** The article of a page; the item's own title, link and day come first, the page's fill what they lack. */
export function articleOf(
  html: string,
  page: { url: string; item: FeedItem; feedTitle: string },
): SourceDraft {
  const { document } = parseHTML(html);
  const article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
  const fullText = article?.content ? textOfHtml(article.content) : '';
  if (!fullText) throw new NoArticleError(`${page.url}: no article text could be found on the page.`);
  return {
    title: (page.item.title !== page.item.url ? page.item.title : article?.title) || page.item.title,
    publisher: article?.siteName?.trim() || page.feedTitle,
    url: page.item.url,
    publishedOn: page.item.publishedOn ?? dayOf(article?.publishedTime),
    language: languageOf(article?.lang ?? document.documentElement.getAttribute('lang'), fullText),
    fullText,
  };
}
