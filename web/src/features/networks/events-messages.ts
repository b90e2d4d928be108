/** UI text of a network's events (the network page's section). Dutch first, English typed against it. */
import { lang } from '../../i18n';

const nl = {
  title: 'Bijeenkomsten',
  none: 'Er zijn geen komende bijeenkomsten.',
  types: { 'regional-meeting': 'Regiobijeenkomst', kenniscafe: 'Kenniscafé', symposium: 'Symposium', 'case-discussion': 'Casusbespreking' } as Record<string, string>,
  online: 'Online',
  places: (enrolled: number, capacity: number) => `${enrolled} van ${capacity} plaatsen bezet`,
  enrol: 'Bekijk en schrijf je in',
  plan: 'Bijeenkomst plannen',
  planIntro: 'Als leidend expert plan je een bijeenkomst van een evenementmodule van het netwerk. Inschrijven, wachtlijst, aanwezigheid en agenda-uitnodiging werken zoals bij elke sessie; jij registreert de aanwezigheid.',
  noModules: 'Dit netwerk heeft nog geen evenementmodule. Vraag de academie er een aan te maken.',
  module: 'Evenementmodule',
  type: 'Soort bijeenkomst',
  sameAsModule: 'Zoals de module',
  start: 'Begin',
  end: 'Einde',
  location: 'Locatie',
  locationHint: 'Zaal en plaats; leeg laten voor een online bijeenkomst met een link.',
  meetingUrl: 'Link voor online deelname (https)',
  capacity: 'Aantal plaatsen',
  submit: 'Plannen',
  busy: 'Bezig…',
  planned: 'De bijeenkomst is gepland.',
  required: 'Vul dit in.',
  myTitle: 'Netwerkbijeenkomsten',
  myIntro: 'Komende bijeenkomsten van je netwerken waarvoor je je nog niet hebt ingeschreven.',
};
export type EventMessages = typeof nl;

const en: EventMessages = {
  title: 'Events',
  none: 'There are no upcoming events.',
  types: { 'regional-meeting': 'Regional meeting', kenniscafe: 'Knowledge café', symposium: 'Symposium', 'case-discussion': 'Case discussion' },
  online: 'Online',
  places: (enrolled: number, capacity: number) => `${enrolled} of ${capacity} places taken`,
  enrol: 'View and enrol',
  plan: 'Plan an event',
  planIntro: "As a lead expert you plan an event of one of the network's event modules. Enrolment, the waiting list, attendance and the calendar invitation work as for any session; you record attendance.",
  noModules: 'This network has no event module yet. Ask the academy to create one.',
  module: 'Event module',
  type: 'Kind of event',
  sameAsModule: 'As the module',
  start: 'Start',
  end: 'End',
  location: 'Location',
  locationHint: 'Room and place; leave empty for an online event with a link.',
  meetingUrl: 'Link to join online (https)',
  capacity: 'Number of places',
  submit: 'Plan',
  busy: 'Working…',
  planned: 'The event has been planned.',
  required: 'Fill this in.',
  myTitle: 'Network events',
  myIntro: 'Upcoming events of your networks you have not enrolled in yet.',
};

/** Exposed for a parity test: both catalogues must have the same shape. */
export const __eventCatalogues = { nl, en };

export function et(): EventMessages {
  return lang() === 'en' ? en : nl;
}
