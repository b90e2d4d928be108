/**
 * Deterministic synthetic knowledge articles for benchmarks and load tests. Plausible Dutch
 * mental-health vocabulary so that stemming, fuzzy matching and facet distributions behave
 * roughly as they would on the real corpus. Not for seeding the demo (that uses real content).
 */
import type { Audience, SearchDoc } from './search';

export const SYNTHETIC_NETWORKS: ReadonlyArray<{ id: string; name: string }> = [
  { id: 'angst-depressie', name: 'Angst en depressie' },
  { id: 'psychose', name: 'Psychose' },
  { id: 'verslaving', name: 'Verslavingszorg' },
  { id: 'suicidepreventie', name: 'Suïcidepreventie' },
  { id: 'trauma', name: 'Trauma en PTSS' },
  { id: 'persoonlijkheid', name: 'Persoonlijkheidsstoornissen' },
  { id: 'eetstoornissen', name: 'Eetstoornissen' },
  { id: 'ouderen', name: 'Ouderenpsychiatrie' },
  { id: 'jeugd', name: 'Jeugd en gezin' },
  { id: 'adhd-autisme', name: 'ADHD en autisme' },
  { id: 'bipolair', name: 'Bipolaire stoornissen' },
  { id: 'epa', name: 'Ernstige psychiatrische aandoeningen' },
  { id: 'lvb', name: 'Licht verstandelijke beperking' },
  { id: 'forensisch', name: 'Forensische psychiatrie' },
  { id: 'somatiek', name: 'Lichamelijke gezondheid' },
  { id: 'herstel', name: 'Herstel en ervaringsdeskundigheid' },
  { id: 'naasten', name: 'Familie en naasten' },
  { id: 'crisis', name: 'Acute psychiatrie en crisisdienst' },
  { id: 'slaap', name: 'Slaap' },
  { id: 'farmacotherapie', name: 'Farmacotherapie' },
  { id: 'e-health', name: 'E-health' },
  { id: 'dwang', name: 'Verplichte zorg' },
  { id: 'agressie', name: 'Agressie en veiligheid' },
  { id: 'cultuur', name: 'Cultuursensitieve zorg' },
  { id: 'werk', name: 'Werk en participatie' },
  { id: 'solk', name: 'Somatisch onvoldoende verklaarde klachten' },
];

const THEMES = ['Diagnostiek', 'Behandeling', 'Preventie', 'Samenwerking', 'Veiligheid', 'Herstel', 'Medicatie', 'Wet- en regelgeving', 'Scholing', 'Naasten'];

const TOPICS = [
  'depressie', 'angststoornis', 'paniekstoornis', 'psychose', 'schizofrenie', 'bipolaire stoornis',
  'verslaving', 'alcoholgebruik', 'suïcidaliteit', 'zelfbeschadiging', 'PTSS', 'trauma', 'borderline',
  'anorexia', 'boulimia', 'eetbuistoornis', 'dementie', 'delier', 'ADHD', 'autisme', 'slapeloosheid',
  'agressie', 'rouw', 'burn-out', 'dwangstoornis', 'somatisatie', 'middelengebruik', 'gokverslaving',
];
const DOC_TYPES = ['Handreiking', 'Factsheet', 'Werkwijze', 'Richtlijn in het kort', 'Praktijkvoorbeeld', 'Kennisdossier', 'Stappenplan', 'Veelgestelde vragen'];
const ASPECTS = [
  'signalering in de wijk', 'behandeling bij jongeren', 'samenwerking met de huisarts', 'medicatie en bijwerkingen',
  'het gesprek met naasten', 'veiligheidsplan opstellen', 'terugvalpreventie', 'diagnostiek bij ouderen',
  'ervaringsdeskundigheid inzetten', 'crisisinterventie', 'psycho-educatie', 'e-health modules',
  'cultuursensitief werken', 'zorgmijding', 'herstelgerichte zorg', 'verwijzen en overdragen',
];
const GROUPS = ['cliënten', 'patiënten', 'jongeren', 'ouderen', 'naasten', 'huisartsen', 'wijkteams', 'verpleegkundigen', 'psychiaters', 'psychologen', 'ervaringsdeskundigen', 'medewerkers', 'kinderen', 'gezinnen'];
const NOUNS = [
  'behandeling', 'behandelingen', 'gesprek', 'gesprekken', 'richtlijn', 'interventie', 'interventies', 'diagnose',
  'klachten', 'symptomen', 'risicotaxatie', 'veiligheidsplan', 'zorgstandaard', 'medicatie', 'therapie',
  'cognitieve gedragstherapie', 'EMDR', 'signaleringsplan', 'crisiskaart', 'terugval', 'herstel', 'stoornis',
  'stoornissen', 'depressies', 'psychosen', 'angsten', 'netwerk', 'multidisciplinair overleg', 'indicatie',
];
const ADJECTIVES = ['ernstige', 'lichte', 'chronische', 'acute', 'suïcidale', 'psychische', 'sociale', 'effectieve', 'zorgvuldige', 'vroegtijdige', 'persoonlijke', 'emotionele'];
const VERBS = ['bespreekt', 'signaleert', 'onderzoekt', 'begeleidt', 'evalueert', 'ondersteunt', 'verwijst', 'monitort', 'betrekt', 'versterkt'];
const SENTENCES = [
  (w: Words) => `Bij ${w.adj} ${w.topic} is ${w.noun} vaak de eerste stap.`,
  (w: Words) => `De behandelaar ${w.verb} samen met ${w.group} welke ${w.noun} passend is.`,
  (w: Words) => `Onderzoek laat zien dat ${w.adj} klachten bij ${w.group} vaak samengaan met ${w.topic}.`,
  (w: Words) => `Besteed aandacht aan ${w.noun} en leg afspraken vast in het dossier.`,
  (w: Words) => `${cap(w.group)} geven aan dat ${w.noun} helpt om ${w.adj} situaties te voorkomen.`,
  (w: Words) => `Het netwerk ${w.verb} de ${w.noun} en deelt kennis met ${w.group}.`,
  (w: Words) => `Volgens de zorgstandaard ${w.topic} is ${w.noun} aangewezen bij ${w.adj} problematiek.`,
  (w: Words) => `Neem bij twijfel contact op met de crisisdienst of de huisarts.`,
  (w: Words) => `In de regio werken ${w.group} en wijkteams samen rond ${w.topic}.`,
  (w: Words) => `Een ${w.adj} aanpak vraagt om ${w.noun}, tijd en vertrouwen.`,
];
const EN_TITLES = ['Guide to', 'Factsheet on', 'Working with', 'Care pathway for'];
const EN_SENTENCES = [
  'This article summarises current guidance for professionals working with people with {topic}.',
  'Involve relatives early and agree on a safety plan.',
  'Refer to the crisis team when there is acute risk.',
  'Peer support workers add lived experience to the treatment team.',
  'Discuss medication and side effects at every review.',
];

interface Words {
  topic: string;
  noun: string;
  adj: string;
  verb: string;
  group: string;
}

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** mulberry32: tiny, fast, deterministic; quality is ample for test data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateSyntheticDocs(n: number, seed = 42): SearchDoc[] {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const between = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  const words = (topic: string): Words => ({ topic, noun: pick(NOUNS), adj: pick(ADJECTIVES), verb: pick(VERBS), group: pick(GROUPS) });
  const start = Date.UTC(2018, 0, 1);
  const span = Date.UTC(2025, 11, 31) - start;

  const docs: SearchDoc[] = [];
  for (let i = 0; i < n; i++) {
    const network = pick(SYNTHETIC_NETWORKS);
    const topic = pick(TOPICS);
    const english = random() < 0.08;
    const roll = random();
    const audience: Audience = roll < 0.5 ? 'internal' : roll < 0.8 ? 'partners' : 'public';
    const published = new Date(start + Math.floor(random() * span));
    const reviewBy = new Date(published);
    reviewBy.setUTCFullYear(reviewBy.getUTCFullYear() + 2);

    let title: string;
    let summary: string;
    let body: string;
    if (english) {
      title = `${pick(EN_TITLES)} ${topic}`;
      summary = EN_SENTENCES[0]!.replace('{topic}', topic);
      body = Array.from({ length: between(6, 14) }, () => pick(EN_SENTENCES).replace('{topic}', topic)).join(' ');
    } else {
      title = `${pick(DOC_TYPES)}: ${topic} – ${pick(ASPECTS)}`;
      summary = `${pick(SENTENCES)(words(topic))} ${pick(SENTENCES)(words(topic))}`;
      const paragraphs = between(3, 8);
      const sentences: string[] = [];
      for (let p = 0; p < paragraphs; p++) {
        for (let s = between(3, 6); s > 0; s--) sentences.push(pick(SENTENCES)(words(topic)));
      }
      body = sentences.join(' ');
    }

    const themes = [...new Set([pick(THEMES), ...(random() < 0.4 ? [pick(THEMES)] : [])])];
    const tags = [...new Set([topic, pick(NOUNS), pick(GROUPS), ...(random() < 0.5 ? [pick(ASPECTS)] : [])])];
    const id = `syn-${seed}-${i.toString().padStart(6, '0')}`;
    docs.push({
      id,
      slug: `${slugify(title)}-${i}`,
      title,
      summary,
      body,
      tags,
      themes,
      network: network.id,
      networkName: network.name,
      audience,
      language: english ? 'en' : 'nl',
      publishedAt: published.toISOString(),
      reviewBy: reviewBy.toISOString().slice(0, 10),
    });
  }
  return docs;
}

function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}
