// Why a running Zotero could not be read, as the API says it: Zotero not running or not answering
// (unavailable), its local API or Pledgewatch's setting off (forbidden), a collection it does not have
// (not_found), an answer that is not what its local API sends (conflict). Kept apart from the reading
// so the API's error mapping does not load the reader.

export type ZoteroErrorCode = 'unavailable' | 'forbidden' | 'not_found' | 'conflict';

export class ZoteroError extends Error {
  override name = 'ZoteroError';
  readonly code: ZoteroErrorCode;

  constructor(code: ZoteroErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
