/**
 * An FTS5 trigram query for a name key: every word of three letters or more must occur in the name (in any order, as
 * part of a word). Null when no word is long enough for a trigram index: such a query reads no name index at all.
 */
export function nameMatch(nameKeyPart: string): string | null {
  const words = nameKeyPart.split(' ').filter((w) => [...w].length >= 3);
  return words.length === 0 ? null : words.map((w) => `"${w.replace(/"/g, '""')}"`).join(' AND ');
}
