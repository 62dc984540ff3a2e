// The files a source's text is read from, apart from the readers so the API contract (which checks a
// file's name against them) and the command line (which picks the operation by them) load nothing else.
export const sourceFileTypes = ['.txt', '.md', '.markdown', '.html', '.htm', '.pdf'];
