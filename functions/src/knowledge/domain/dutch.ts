/**
 * Dutch-aware text processing for the knowledge-base search.
 *
 * The same `processTerm` is used when indexing and when querying, so every rule here only has
 * to be *consistent*, not linguistically perfect: a stem is an internal key, never shown.
 *
 * Pipeline per token: tokenize → fold (case + diacritics) → stopword check → light stem.
 */

/** Lowercase with Dutch rules and strip diacritics (platform/domain/fold.ts, shared with the networks overview). */
import { foldText } from '../../platform/domain/fold';
export { foldText };

/**
 * Snowball's Dutch stopword list (plus a few pronouns), minus `tegen`, `zonder` and `onder`, which
 * change the meaning of a care text ("zonder medicatie", "onder toezicht"). Folded form, so
 * `één` is caught as `een`.
 */
export const DUTCH_STOPWORDS: ReadonlySet<string> = new Set([
  'aan', 'al', 'alle', 'alles', 'als', 'altijd', 'andere', 'ben', 'bij', 'daar', 'dan', 'dat',
  'de', 'der', 'deze', 'die', 'dit', 'doch', 'doen', 'door', 'dus', 'een', 'eens', 'en', 'er',
  'ge', 'geen', 'geweest', 'haar', 'had', 'heb', 'hebben', 'heeft', 'hem', 'het', 'hier', 'hij', 'hoe',
  'hun', 'iemand', 'iets', 'ik', 'in', 'is', 'ja', 'je', 'kan', 'kon', 'kunnen', 'maar', 'me',
  'meer', 'men', 'met', 'mij', 'mijn', 'moet', 'na', 'naar', 'niet', 'niets', 'nog', 'nu', 'of',
  'om', 'omdat', 'ons', 'onze', 'ook', 'op', 'over', 'reeds', 'te', 'toch', 'toen', 'tot', 'u',
  'uit', 'uw', 'van', 'veel', 'voor', 'want', 'waren', 'was', 'wat', 'we', 'wel', 'werd',
  'wezen', 'wie', 'wij', 'wil', 'worden', 'wordt', 'zal', 'ze', 'zei', 'zelf', 'zich', 'zij',
  'zijn', 'zo', 'zou',
]);

/** Characters that may appear inside a word: letters, combining marks (for NFD input), digits. */
const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}]';
/** Apostrophes inside a word (`auto's`, `cliënt’s`) and hyphens joining compound parts. */
const APOSTROPHE = "['’ʼ]";
const HYPHEN = '[\\-‐‑]';
const CHUNK_RE = new RegExp(`${WORD_CHAR}+(?:(?:${APOSTROPHE}|${HYPHEN})${WORD_CHAR}+)*`, 'gu');
const HYPHEN_RE = new RegExp(HYPHEN, 'u');
const HYPHEN_GLOBAL_RE = new RegExp(HYPHEN, 'gu');
const APOSTROPHE_RE = new RegExp(APOSTROPHE, 'gu');
const SEPARATOR_RE = new RegExp(`${APOSTROPHE}|${HYPHEN}`, 'u');

export interface WordSpan {
  /** Offsets into the original text (UTF-16), so callers can highlight in place. */
  start: number;
  end: number;
  text: string;
}

export interface WordChunk extends WordSpan {
  /** The hyphen-separated parts; a single element for an ordinary word. */
  parts: WordSpan[];
  /** The compound written without hyphens (`e-health` → `ehealth`); equals `text` for plain words. */
  joined: string;
}

/**
 * Words with their positions. A chunk is a run of word characters, possibly joined by
 * apostrophes (kept inside the word so the stemmer can treat `'s` as a plural) or hyphens
 * (compounds such as `ggz-instelling`, `e-health`, `DSM-5`).
 */
export function wordChunks(text: string): WordChunk[] {
  return [...iterateWordChunks(text)];
}

/** Lazy `wordChunks`, for callers that stop at the first interesting word. */
export function* iterateWordChunks(text: string): Generator<WordChunk> {
  for (const match of text.matchAll(CHUNK_RE)) {
    const start = match.index;
    const raw = match[0];
    const end = start + raw.length;
    if (!SEPARATOR_RE.test(raw)) {
      // The common case, kept allocation-light: this runs for every word of every snippet.
      yield { start, end, text: raw, parts: [{ start, end, text: raw }], joined: raw };
      continue;
    }
    const parts: WordSpan[] = [];
    let offset = 0;
    for (const piece of raw.split(HYPHEN_RE)) {
      parts.push({ start: start + offset, end: start + offset + piece.length, text: normaliseApostrophes(piece) });
      offset += piece.length + 1; // every hyphen variant is one UTF-16 unit
    }
    yield { start, end, text: raw, parts, joined: parts.map((p) => p.text).join('') };
  }
}

function normaliseApostrophes(word: string): string {
  return word.replace(APOSTROPHE_RE, "'");
}

/**
 * Split text into index tokens (not yet folded or stemmed).
 *
 * Hyphenated compounds yield their parts *and* the joined whole: `ggz-instelling` →
 * `ggz`, `instelling`, `ggzinstelling`. Dutch writes many compounds both ways
 * (`e-health`/`ehealth`), and a reader searching for one part should still find the article.
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const match of text.matchAll(CHUNK_RE)) {
    const raw = match[0];
    if (!SEPARATOR_RE.test(raw)) {
      tokens.push(raw);
      continue;
    }
    const parts = raw.split(HYPHEN_RE).map(normaliseApostrophes);
    if (parts.length > 1) tokens.push(...parts);
    tokens.push(parts.join(''));
  }
  return tokens;
}

/**
 * Split a search query into tokens. A hyphenated compound in a query becomes only its joined
 * form: with AND semantics, requiring the separate parts as well would miss articles that
 * write the compound as one word, while the joined form is indexed for both spellings.
 */
export function tokenizeQuery(text: string): string[] {
  return Array.from(text.matchAll(CHUNK_RE), (m) => normaliseApostrophes(m[0]).replace(HYPHEN_GLOBAL_RE, ''));
}

const VOWELS = 'aeiouy';
const isVowel = (ch: string | undefined): boolean => ch !== undefined && VOWELS.includes(ch);
const MIN_STEM = 3;

/** Singular nouns that merely look like an `-es` plural. */
const PROTECTED_ES = new Set(['proces', 'succes', 'adres', 'congres', 'exces', 'fles']);

/**
 * Adjective endings whose inflectional `-e` is dropped (`suïcidale` → `suicidal`).
 * A table rather than "drop every final -e" so nouns ending in `-e` (`depressie`, `psychose`,
 * `ziekte`) keep their form and stay equal to their `-s`/`-n` plurals.
 */
const ADJECTIVE_E_ENDINGS = ['ische', 'lijke', 'ieve', 'bare', 'ale', 'ele', 'ige'];

/**
 * A light Dutch stemmer: strips plural and common inflection endings so that singular/plural and
 * adjective forms meet. Deliberately much less aggressive than Snowball (no -heid/-ing/-lijk
 * derivation removal), because over-stemming hurts precision in a specialist vocabulary.
 *
 * Expects folded input (lowercase, no diacritics). Words of ≤ 3 characters and words containing
 * digits are returned unchanged; no rule may leave a stem shorter than 3 characters.
 *
 * Step 1 — one suffix rule, the first that applies:
 *   1. `'s`             → removed            (`risico's` → `risico`, `collega's` → `collega`)
 *   2. `-heden`         → `-heid`            (`vaardigheden` → `vaardigheid`)
 *   3. `-ieen`          → `-ie`              (`therapieën` → `therapie`)
 *   4. `-eren`          → removed            (`kinderen` → `kind`; also verbs: `accepteren` → `accept`),
 *                                             but not `-ieren` (`manieren` → rule 6 → `manier`)
 *   5. C + V + `sen`    → drop the `n`       (`psychosen` → `psychose`, `diagnosen` → `diagnose`)
 *   6. `-en` after a consonant → removed     (`cliënten` → `client`, `behandelingen` → `behandeling`)
 *   7. `-ies`           → `-ie`              (`depressies` → `depressie`)
 *   8. `-ers` / `-els`  → `-er` / `-el`      (`medewerkers` → `medewerker`, `regels` → `regel`)
 *   9. `-es` after a consonant → `-e`        (`psychoses` → `psychose`, `ziektes` → `ziekte`),
 *                                             except singulars like `proces`, `succes`, `adres`
 *  10. adjective `-e` after ische/lijke/ieve/bare/ale/ele/ige → removed (`suicidale` → `suicidal`,
 *      `effectieve` → `effectief` via ieve → ief)
 * Step 2 — spelling normalisation of the result (always):
 *   a. a final double consonant is undoubled  (`gesprekk` → `gesprek`, `stoorniss` → `stoornis`)
 *   b. a doubled vowel before one final consonant is undoubled (`suicidaal` → `suicidal`,
 *      `vraag` → `vrag` = `vragen`, `probleem` → `problem` = `problemen`, `psycholoog` = `psychologen`)
 * Then any remaining apostrophe is removed.
 *
 * Not handled (on purpose, to stay predictable): `-s` after n/m/t (`mens`, `kans`, `arts` must not
 * lose their `s`), past participles, f/v and s/z alternation (`brief`/`brieven`), `-e` nouns with an `-n` plural (`ziekte`/`ziekten`).
 * Fuzzy matching in the search covers most of those.
 */
export function stemDutch(word: string): string {
  if (word.length <= MIN_STEM || /\p{N}/u.test(word)) return word.replace(/'/g, '');
  const stem = normaliseSpelling(stripSuffix(word));
  return stem.replace(/'/g, '');
}

function stripSuffix(word: string): string {
  const cut = (suffixLength: number, replacement = ''): string | null => {
    const base = word.slice(0, word.length - suffixLength);
    return base.length >= MIN_STEM ? base + replacement : null;
  };
  const ends = (suffix: string): boolean => word.endsWith(suffix);

  if (ends("'s")) return cut(2) ?? word;
  if (ends('heden')) return cut(5, 'heid') ?? word;
  if (ends('ieen')) return cut(4, 'ie') ?? word;
  // `-ieren` is usually the plural of an `-ier` noun (`manieren`, `dieren`); rule 6 handles it.
  if (ends('eren') && word[word.length - 5] !== 'i') {
    const stem = cut(4);
    if (stem !== null) return stem;
  }
  if (ends('sen') && isOpenSyllableBefore(word, word.length - 3)) return cut(1) ?? word;
  if (ends('en') && !isVowel(word[word.length - 3])) return cut(2) ?? word;
  if (ends('ies')) return cut(1) ?? word;
  if (ends('ers') || ends('els')) return cut(1) ?? word;
  // After a vowel `-es` is part of the word (`poes`), not a plural.
  if (ends('es') && !isVowel(word[word.length - 3]) && !PROTECTED_ES.has(word)) return cut(1) ?? word;
  for (const ending of ADJECTIVE_E_ENDINGS) {
    if (ends(ending)) {
      const stem = cut(1);
      if (stem === null) return word;
      return ending === 'ieve' ? `${stem.slice(0, -1)}f` : stem;
    }
  }
  return word;
}

/** True when `word[index-1]` is a single vowel preceded by a consonant (`…h-o|sen`). */
function isOpenSyllableBefore(word: string, index: number): boolean {
  return isVowel(word[index - 1]) && word[index - 2] !== undefined && !isVowel(word[index - 2]);
}

function normaliseSpelling(stem: string): string {
  let s = stem;
  const last = s[s.length - 1];
  if (s.length > MIN_STEM && last !== undefined && last === s[s.length - 2] && !isVowel(last) && /\p{L}/u.test(last)) {
    s = s.slice(0, -1);
  }
  const doubled = /(aa|ee|oo|uu)([^aeiouy'])$/.exec(s);
  if (doubled && s.length - 1 >= MIN_STEM) {
    s = s.slice(0, doubled.index) + doubled[1]!.charAt(0) + doubled[2];
  }
  return s;
}

/**
 * The term pipeline shared by indexing and querying: fold → stopword check → stem.
 * Returns null for terms that must not be indexed or searched (stopwords, single letters).
 */
export function processTerm(term: string): string | null {
  // Pure and called for every token of every document and snippet: memoise. The vocabulary of a
  // corpus is small next to its token count; the cap bounds memory on adversarial input.
  const cached = termCache.get(term);
  if (cached !== undefined) return cached;
  const result = computeTerm(term);
  if (termCache.size >= TERM_CACHE_LIMIT) termCache.clear();
  termCache.set(term, result);
  return result;
}

const TERM_CACHE_LIMIT = 200_000;
const termCache = new Map<string, string | null>();

function computeTerm(term: string): string | null {
  const folded = foldText(term).replace(APOSTROPHE_RE, "'");
  const bare = folded.replace(/'/g, '');
  if (bare.length === 0) return null;
  if (bare.length === 1 && !/\p{N}/u.test(bare)) return null;
  if (DUTCH_STOPWORDS.has(bare)) return null;
  return stemDutch(folded);
}
