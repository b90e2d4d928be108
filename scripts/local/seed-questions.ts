/**
 * Demo consultation questions: open and answered questions in several networks, asked by members
 * and answered by lead experts, through the same use cases as the API with the clock set to the
 * moment (relative to today), so the network pages, Mijn vragen and the activity view have
 * something to show. No client-identifying data (the use case would refuse it anyway).
 * Idempotent: a question the asker already asked (same title) is not asked again.
 */
import type { StoreClients } from '../../functions/src/platform/store/clients';
import type { Principal } from '../../functions/src/platform/auth/principal';
import type { SearchIndexStore } from '../../functions/src/knowledge/search/index-store';
import { getUser } from '../../functions/src/identity/users-store';
import { answer, ask } from '../../functions/src/knowledge/questions/service';
import { questionsOfAsker } from '../../functions/src/knowledge/questions/store';

const hour = 3_600_000;
const day = 24 * hour;

interface DemoQuestion {
  networkId: string;
  asker: string;
  daysAgo: number;
  visibility: 'network' | 'organisation';
  title: string;
  body: string;
  answer?: { by: string; afterHours: number; text: string };
}

export const demoQuestions: DemoQuestion[] = [
  {
    networkId: 'suicidepreventie',
    asker: 'u-noor-hendriks',
    daysAgo: 40,
    visibility: 'organisation',
    title: 'Veiligheidsplan als een cliënt de naasten er niet bij wil hebben',
    body: 'Een cliënt van middelbare leeftijd wil wel een veiligheidsplan maken, maar wil niet dat zijn partner of kinderen ervan weten. Hoe ga je daarmee om? Hoe ver ga je in het overtuigen, en wat mag je delen als het misgaat?',
    answer: {
      by: 'u-fatima-el-amrani',
      afterHours: 20,
      text: 'Begin met de reden: vaak speelt schaamte of de angst de naasten te belasten. Maak het plan eerst samen met de cliënt en bespreek per onderdeel wie er iets van mag weten; soms is één contactpersoon wel bespreekbaar. Leg vast wat er is afgesproken. Bij acuut gevaar mag je op grond van het conflict van plichten informatie delen die nodig is om de cliënt te beschermen; bespreek dat vooraf eerlijk. Zie ook het artikel over het veiligheidsplan en de module Suïcidepreventie in de praktijk.',
    },
  },
  {
    networkId: 'suicidepreventie',
    asker: 'u-daan-smit',
    daysAgo: 3,
    visibility: 'network',
    title: 'Nazorg na ontslag uit de kliniek: binnen welke termijn bellen?',
    body: 'In ons team lopen de afspraken uiteen over het eerste contact na ontslag na een opname in verband met suïcidaliteit. Sommigen bellen binnen 24 uur, anderen binnen een week. Wat adviseert het netwerk, en hoe borgen jullie dat dit ook in het weekend gebeurt?',
  },
  {
    networkId: 'psychose',
    asker: 'u-noor-hendriks',
    daysAgo: 70,
    visibility: 'organisation',
    title: 'Signaleringsplan bij een eerste psychose: wanneer maak je het?',
    body: 'Bij een jongvolwassene die herstelt van een eerste psychose twijfel ik over het moment om een signaleringsplan te maken. Te vroeg voelt belastend, te laat is het plan er niet als het nodig is. Hoe pakken jullie dit aan, en betrek je ouders daar direct bij?',
    answer: {
      by: 'u-daan-smit',
      afterHours: 30,
      text: 'Wij maken het plan zodra de cliënt weer enige afstand kan nemen tot de psychose, meestal enkele weken na het begin van het herstel. Begin klein: drie vroege signalen en wat de cliënt dan zelf kan doen. Vraag de cliënt wie er mag meekijken; ouders zien signalen vaak eerder en zijn bij jongvolwassenen een belangrijke bondgenoot. Het plan groeit mee en wordt bij elke evaluatie aangevuld.',
    },
  },
  {
    networkId: 'familie-en-naasten',
    asker: 'u-ingrid-jansen',
    daysAgo: 20,
    visibility: 'network',
    title: 'Familiegesprek zonder toestemming van de cliënt',
    body: 'Een moeder belt ongerust over haar volwassen zoon, die geen toestemming geeft om informatie te delen. Mag ik wel naar haar luisteren en algemene informatie geven? Hoe leg ik dat uit zonder haar af te wijzen?',
    answer: {
      by: 'u-noor-hendriks',
      afterHours: 52,
      text: 'Ja: luisteren mag altijd, en algemene informatie over het ziektebeeld, de behandeling en steun voor naasten ook. Je deelt geen informatie over de zoon zelf. Zeg dat eerlijk en bied iets aan: de familievertrouwenspersoon, lotgenotencontact of een naastengroep. Vertel de zoon dat zijn moeder contact zocht en vraag opnieuw naar toestemming; dat verandert in de loop van een behandeling vaak.',
    },
  },
  {
    networkId: 'angst-en-depressie',
    asker: 'u-fatima-el-amrani',
    daysAgo: 6,
    visibility: 'network',
    title: 'Gedragsactivatie bij ouderen met beperkte mobiliteit',
    body: 'Welke ervaringen hebben jullie met gedragsactivatie bij oudere cliënten met een depressie die slecht ter been zijn? De standaardlijsten met activiteiten passen vaak niet. Zijn er aangepaste materialen?',
  },
  {
    networkId: 'eetstoornissen',
    asker: 'u-anouk-willems',
    daysAgo: 100,
    visibility: 'organisation',
    title: 'Wegen in de behandeling: open of blind?',
    body: 'In de ambulante behandeling van volwassenen met anorexia wegen sommige collega’s open en anderen blind. Wat is de huidige opvatting in het netwerk en waarom?',
    answer: {
      by: 'u-priya-ramdin',
      afterHours: 8,
      text: 'Het netwerk adviseert open wegen als uitgangspunt: samen kijken naar het gewicht helpt vermijding te doorbreken en maakt het gesprek over angst concreet. Bereid het voor en bespreek de reactie direct na. Blind wegen kan tijdelijk als de spanning de behandeling blokkeert, met een afspraak wanneer je weer overstapt.',
    },
  },
  {
    networkId: 'autisme',
    asker: 'u-bram-de-boer',
    daysAgo: 1,
    visibility: 'organisation',
    title: 'Prikkelarme ruimte op een algemene opnameafdeling',
    body: 'Onze afdeling wil een prikkelarme ruimte inrichten voor cliënten met autisme. Heeft iemand ervaring met wat werkt (licht, geluid, inrichting) en hoe je voorkomt dat de ruimte een separeerruimte-gevoel krijgt?',
  },
  {
    networkId: 'ketensamenwerking',
    asker: 'u-joost-bakker',
    daysAgo: 15,
    visibility: 'network',
    title: 'Wie belt de wijkagent bij zorgen over verward gedrag?',
    body: 'Bij zorgen over iemand met verward gedrag in de wijk is in ons team onduidelijk wie contact opneemt met de wijkagent en wat we mogen vertellen. Zijn er regionale afspraken?',
    answer: {
      by: 'u-mark-visser',
      afterHours: 4,
      text: 'Ja: in onze regio loopt dit via het zorg- en veiligheidsoverleg. De behandelaar of de regiebehandelaar belt, na overleg in het team. Deel alleen wat nodig is om de situatie veilig te maken; gebruik het afwegingskader uit het artikel over privacy en beroepsgeheim bij ketensamenwerking. Leg vast wat je deelde en waarom.',
    },
  },
];

/** Asks and answers the demo questions; returns how many were asked now (0 on a second run). */
export async function seedQuestions(store: StoreClients, search: SearchIndexStore, today = new Date()): Promise<{ questions: number; asked: number }> {
  let asked = 0;
  const principal = async (id: string): Promise<Principal> => {
    const u = await getUser(store, id);
    if (!u) throw new Error(`seed-questions: no user ${id}`);
    return { id: u.id, name: u.name, roles: u.roles };
  };
  for (const q of demoQuestions) {
    const asker = await principal(q.asker);
    if ((await questionsOfAsker(store, asker.id)).some((x) => x.title === q.title && x.networkId === q.networkId)) continue;
    const askedAt = new Date(today.getTime() - q.daysAgo * day).toISOString();
    const created = await ask({ store, search, principal: asker, now: () => askedAt }, q.networkId, { title: q.title, body: q.body, visibility: q.visibility });
    asked++;
    if (q.answer) {
      const at = new Date(Date.parse(askedAt) + q.answer.afterHours * hour).toISOString();
      await answer({ store, search, principal: await principal(q.answer.by), now: () => at }, q.networkId, created.id, q.answer.text);
    }
  }
  return { questions: demoQuestions.length, asked };
}
