/**
 * TF-IDF after scikit-learn's TfidfVectorizer with `smooth_idf=True, norm="l2"` and
 * `max_features=k`: the vocabulary is the k terms found in the most training documents (ties in
 * alphabetical order), idf(t) = ln((1 + n) / (1 + df(t))) + 1, and each row's raw term counts
 * times idf are scaled to unit length over the vocabulary (an empty row stays all zero).
 * Tokens are runs of letters and digits in the lower-cased text, unlike scikit-learn's default
 * pattern, one-character tokens count.
 */

const WORD = /[\p{L}\p{N}]+/gu;

/** The lower-cased word tokens of a text. */
export function tokenize(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** Terms kept, with their smooth idf, in column order. */
export interface Vocabulary {
  terms: string[];
  idf: number[];
}

/** The top-k vocabulary by document frequency (at least `minDf` documents) with smooth idf. */
export function fitVocabulary(docs: string[][], k: number, minDf = 1): Vocabulary {
  const df = new Map<string, number>();
  for (const doc of docs) for (const t of new Set(doc)) df.set(t, (df.get(t) ?? 0) + 1);
  const ranked = [...df.entries()]
    .filter(([, d]) => d >= minDf)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, k);
  const n = docs.length;
  return { terms: ranked.map(([t]) => t), idf: ranked.map(([, d]) => Math.log((1 + n) / (1 + d)) + 1) };
}

/** The l2-normalised tf-idf vector of one document's tokens over the vocabulary. */
export function tfidfRow(tokens: string[], vocab: Vocabulary, index: Map<string, number>): Float64Array {
  const row = new Float64Array(vocab.terms.length);
  for (const t of tokens) {
    const j = index.get(t);
    if (j !== undefined) row[j] += 1;
  }
  let norm = 0;
  for (let j = 0; j < row.length; j++) {
    row[j] *= vocab.idf[j];
    norm += row[j] * row[j];
  }
  if (norm > 0) {
    norm = Math.sqrt(norm);
    for (let j = 0; j < row.length; j++) row[j] /= norm;
  }
  return row;
}
