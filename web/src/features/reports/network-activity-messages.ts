/** UI text of /academie/netwerken-activiteit (the networks side by side). Dutch first, English typed against it. */
import { lang } from '../../i18n';

const nl = {
  title: 'Activiteit van de netwerken',
  intro: 'Alle expertnetwerken naast elkaar in één kwartaal (Nederlandse tijd): nieuwe leden, gepubliceerde en herziene artikelen, gehouden bijeenkomsten met aanwezigen, gestelde en beantwoorde vragen en de mediaan tot een antwoord. Alleen aantallen, geen namen.',
  quarter: 'Kwartaal',
  quarterHint: 'jjjj-Kn, bijvoorbeeld 2026-Q4',
  show: 'Toon',
  loading: 'Laden…',
  back: 'Naar beheer academie',
  network: 'Netwerk',
  members: 'Leden',
  columns: {
    membersJoined: 'Nieuwe leden',
    articlesPublished: 'Artikelen gepubliceerd',
    articlesReviewed: 'Artikelen herzien',
    eventsHeld: 'Bijeenkomsten',
    attendance: 'Aanwezigen',
    questionsAsked: 'Vragen gesteld',
    questionsAnswered: 'Vragen beantwoord',
    medianHoursToAnswer: 'Mediaan tot antwoord (uren)',
  },
  caption: (q: string) => `Netwerken naast elkaar, ${q}`,
  chartTitle: (q: string) => `Activiteit per netwerk, ${q}`,
  chartDesc: (n: number) => `Staafdiagram van de activiteit per netwerk (${n} netwerken): nieuwe leden, artikelen, bijeenkomsten en vragen opgeteld. De getallen staan in de tabel.`,
  activity: 'Activiteit (opgeteld)',
};
export type NetworkActivityMessages = typeof nl;

const en: NetworkActivityMessages = {
  title: 'Activity of the networks',
  intro: 'All expert networks side by side in one quarter (Dutch time): new members, articles published and revised, events held with attendees, questions asked and answered and the median time to an answer. Counts only, no names.',
  quarter: 'Quarter',
  quarterHint: 'yyyy-Qn, for example 2026-Q4',
  show: 'Show',
  loading: 'Loading…',
  back: 'To academy management',
  network: 'Network',
  members: 'Members',
  columns: {
    membersJoined: 'New members',
    articlesPublished: 'Articles published',
    articlesReviewed: 'Articles revised',
    eventsHeld: 'Events',
    attendance: 'Attendees',
    questionsAsked: 'Questions asked',
    questionsAnswered: 'Questions answered',
    medianHoursToAnswer: 'Median to answer (hours)',
  },
  caption: (q: string) => `Networks side by side, ${q}`,
  chartTitle: (q: string) => `Activity per network, ${q}`,
  chartDesc: (n: number) => `Bar chart of the activity per network (${n} networks): new members, articles, events and questions added up. The numbers are in the table.`,
  activity: 'Activity (added up)',
};

/** Exposed for a parity test: both catalogues must have the same shape. */
export const __networkActivityCatalogues = { nl, en };

export function nat(): NetworkActivityMessages {
  return lang() === 'en' ? en : nl;
}
