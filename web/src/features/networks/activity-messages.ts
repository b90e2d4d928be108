/** UI text of the network activity section (lead experts and the academy). Dutch first, English typed against it. */
import { lang } from '../../i18n';

const nl = {
  title: 'Activiteit per kwartaal',
  intro: (year: number) => `Hoe het netwerk leeft in ${year}: alleen aantallen, geen namen. Alleen zichtbaar voor leidend experts en de academie.`,
  caption: (year: number) => `Activiteit van het netwerk per kwartaal in ${year}`,
  quarter: 'Kwartaal',
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
  members: (n: number) => `${n} leden nu.`,
};
export type ActivityMessages = typeof nl;

const en: ActivityMessages = {
  title: 'Activity per quarter',
  intro: (year: number) => `How the network lives in ${year}: counts only, no names. Visible to lead experts and the academy only.`,
  caption: (year: number) => `The network's activity per quarter in ${year}`,
  quarter: 'Quarter',
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
  members: (n: number) => `${n} members now.`,
};

/** Exposed for a parity test: both catalogues must have the same shape. */
export const __activityCatalogues = { nl, en };

export function at(): ActivityMessages {
  return lang() === 'en' ? en : nl;
}
