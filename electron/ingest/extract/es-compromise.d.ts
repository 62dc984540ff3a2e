// The part of es-compromise's API the extractor uses. The package ships its types as .ts sources that do
// not compile under this project's strict settings, so tsconfig's `paths` points here instead.
export interface CompromiseView {
  compute(method: string): CompromiseView;
  json(options?: { offset?: boolean }): unknown;
}

export default function es(text: string): CompromiseView;
