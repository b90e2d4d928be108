import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DUTCH_STOPWORDS, foldText, processTerm, stemDutch, tokenize, tokenizeQuery, wordChunks } from '../../../functions/src/knowledge/domain/dutch';

describe('foldText', () => {
  it.each([
    ['cliënt', 'client'],
    ['Ééntje', 'eentje'],
    ['coördinatie', 'coordinatie'],
    ['SUÏCIDE', 'suicide'],
    ['Ĳsselmeer', 'ijsselmeer'],
    ['café crème', 'cafe creme'],
    ['cli\u0065\u0308nt', 'client'], // already decomposed input
  ])('%s → %s', (input, expected) => {
    expect(foldText(input)).toBe(expected);
  });
});

describe('stemDutch', () => {
  const stem = (w: string): string => stemDutch(foldText(w));

  it.each([
    ['depressies', 'depressie'],
    ['depressie', 'depressie'],
    ['cliënten', 'client'],
    ['clienten', 'client'],
    ['behandelingen', 'behandeling'],
    ['angsten', 'angst'],
    ['medewerkers', 'medewerker'],
    ['psychosen', 'psychose'],
    ['psychoses', 'psychose'],
    ['gesprekken', 'gesprek'],
    ['kinderen', 'kind'],
    ['suïcidale', 'suicidal'],
    ['suicidaal', 'suicidal'],
    ['therapieën', 'therapie'],
    ["risico's", 'risico'],
    ['vaardigheden', 'vaardigheid'],
    ['stoornissen', 'stoornis'],
    ['effectieve', 'effectief'],
    ['arts', 'arts'],
    ['kennis', 'kennis'],
    ['proces', 'proces'],
  ])('%s → %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it.each([
    ['depressie', 'depressies'],
    ['cliënt', 'cliënten'],
    ['client', 'cliënten'],
    ['behandeling', 'behandelingen'],
    ['angst', 'angsten'],
    ['medewerker', 'medewerkers'],
    ['psychose', 'psychosen'],
    ['psychose', 'psychoses'],
    ['diagnose', 'diagnosen'],
    ['gesprek', 'gesprekken'],
    ['kind', 'kinderen'],
    ['suïcidale', 'suicidaal'],
    ['sociale', 'sociaal'],
    ['emotionele', 'emotioneel'],
    ['haalbare', 'haalbaar'],
    ['zorgvuldige', 'zorgvuldig'],
    ['psychische', 'psychisch'],
    ['moeilijke', 'moeilijk'],
    ['zorg', 'zorgen'],
    ['arts', 'artsen'],
    ['huisarts', 'huisartsen'],
    ['mens', 'mensen'],
    ['kans', 'kansen'],
    ['stoornis', 'stoornissen'],
    ['proces', 'processen'],
    ['therapie', 'therapieën'],
    ['interventie', 'interventies'],
    ['richtlijn', 'richtlijnen'],
    ['probleem', 'problemen'],
    ['vraag', 'vragen'],
    ['psycholoog', 'psychologen'],
    ['ervaringsdeskundige', 'ervaringsdeskundigen'],
    ['verpleegkundige', 'verpleegkundigen'],
    ['vaardigheid', 'vaardigheden'],
    ['manier', 'manieren'],
    ['ziekte', 'ziektes'],
    ['risico', "risico's"],
    ['collega', "collega's"],
  ])('%s and %s conflate', (a, b) => {
    expect(stem(a)).toBe(stem(b));
  });

  it.each([
    ['arts', 'art'],
    ['mens', 'men'],
    ['kans', 'kan'],
    ['kennis', 'kenni'],
    ['zorg', 'zorgvuldig'],
    ['depressie', 'depressief'],
    ['ouders', 'ouderen'],
    ['behandeling', 'behandelaar'],
    ['crisis', 'crisi'],
    ['status', 'statu'],
    ['poes', 'poe'],
    ['angst', 'angstig'],
    ['psychose', 'psychotisch'],
  ])('%s and %s stay apart', (a, b) => {
    expect(stem(a)).not.toBe(stem(b));
  });

  it('leaves short words and words with digits alone', () => {
    for (const w of ['ggz', 'uur', 'les', 'wet', 'dsm5', 'covid19', 'ab12en']) expect(stemDutch(w)).toBe(w);
  });

  it('never produces a stem shorter than three characters', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{4,14}$/), (word) => {
        expect(stemDutch(word).length).toBeGreaterThanOrEqual(3);
      }),
      { numRuns: 2_000 },
    );
    for (const w of ['ogen', 'eren', 'heren', 'leren', 'ieen', 'eses', 'ales']) expect(stemDutch(w).length).toBeGreaterThanOrEqual(3);
  });
});

describe('tokenize', () => {
  it('splits on anything that is not a letter or digit, Unicode-aware', () => {
    expect(tokenize('Cliënt (18 jr.) — ‘ángst’, coördinatie; 112!')).toEqual(['Cliënt', '18', 'jr', 'ángst', 'coördinatie', '112']);
  });

  it('keeps hyphenated compounds as parts and as the joined whole', () => {
    expect(tokenize('ggz-instelling e-health DSM-5')).toEqual(['ggz', 'instelling', 'ggzinstelling', 'e', 'health', 'ehealth', 'DSM', '5', 'DSM5']);
  });

  it('does not join across a dangling hyphen ("zorg- en welzijn")', () => {
    expect(tokenize('zorg- en welzijn')).toEqual(['zorg', 'en', 'welzijn']);
  });

  it("keeps an apostrophe inside a word so `'s` plurals can be stemmed", () => {
    expect(tokenize("risico’s en auto's")).toEqual(["risico's", 'en', "auto's"]);
  });

  it('queries use only the joined form of a compound', () => {
    expect(tokenizeQuery('e-health ggz')).toEqual(['ehealth', 'ggz']);
  });

  it('reports offsets into the original text', () => {
    const text = 'De ggz-instelling';
    const [, chunk] = wordChunks(text);
    expect(chunk).toMatchObject({ start: 3, end: 17, joined: 'ggzinstelling' });
    expect(chunk!.parts.map((p) => text.slice(p.start, p.end))).toEqual(['ggz', 'instelling']);
  });
});

describe('processTerm', () => {
  it('folds, drops stopwords and stems', () => {
    expect(processTerm('Cliënten')).toBe('client');
    expect(processTerm('DE')).toBeNull();
    expect(processTerm('één')).toBeNull(); // folds to the stopword "een"
    expect(processTerm('e')).toBeNull();
    expect(processTerm('5')).toBe('5');
    expect(processTerm('Depressies')).toBe('depressie');
  });

  it('has a small stopword list in folded form', () => {
    for (const w of ['de', 'het', 'een', 'en', 'van', 'ik', 'te', 'dat', 'die', 'in']) expect(DUTCH_STOPWORDS.has(w)).toBe(true);
    for (const w of DUTCH_STOPWORDS) expect(foldText(w)).toBe(w);
    expect(DUTCH_STOPWORDS.has('zorg')).toBe(false);
  });

  it('is insensitive to case and diacritics', () => {
    fc.assert(
      fc.property(fc.constantFrom('cliënt', 'coördinatie', 'suïcidaal', 'ernstige', 'psychosen', 'ééntje'), (w) => {
        expect(processTerm(w.toUpperCase())).toBe(processTerm(foldText(w)));
      }),
    );
  });
});
