/**
 * UI text of consultation questions (a network's questions, asking and answering, Mijn vragen at
 * /mijn-vragen). Dutch first, English typed against it; loaded with those pages.
 */
import { lang } from '../../i18n';

const nl = {
  title: 'Vragen aan het netwerk',
  myTitle: 'Mijn vragen',
  myIntro: 'Vragen die je aan expertnetwerken stelde, met het antwoord zodra een leidend expert of netwerkauteur het gaf.',
  myNone: 'Je hebt nog geen vragen gesteld. Stel een vraag op de pagina van een netwerk waarvan je lid bent.',
  none: 'Nog geen vragen die jij kunt zien.',
  ask: 'Stel een vraag',
  askIntro: 'Leden stellen het netwerk een vraag uit de praktijk; leidend experts en netwerkauteurs antwoorden.',
  warningTitle: 'Geen gegevens waarmee een cliënt herkenbaar is',
  warning: 'Noem geen naam, BSN, geboortedatum, adres, telefoonnummer of e-mailadres van een cliënt of naaste, en geen details die samen iemand herkenbaar maken. Beschrijf de situatie algemeen (bijvoorbeeld "een vrouw van rond de 40"). Een BSN, datum, telefoonnummer, e-mailadres of postcode met huisnummer wordt geweigerd; namen herkent de controle niet, let daar zelf op.',
  questionTitle: 'Titel',
  questionTitleHint: 'Kort en algemeen, bijvoorbeeld "Veiligheidsplan bij weigering van naasten".',
  body: 'Je vraag',
  bodyHint: 'Beschrijf de situatie algemeen en wat je wilt weten.',
  visibility: 'Wie mag de vraag lezen?',
  visibilityNetwork: 'Alleen leden van het netwerk',
  visibilityOrganisation: 'Alle medewerkers van de organisatie',
  submit: 'Vraag versturen',
  busy: 'Bezig…',
  asked: 'Je vraag is verstuurd. Het antwoord zie je hier en bij Mijn vragen.',
  required: 'Vul dit in.',
  onlyMembers: 'Alleen leden van dit netwerk kunnen een vraag stellen.',
  open: 'Open',
  answered: 'Beantwoord',
  askedBy: (name: string, date: string) => `Gesteld door ${name} op ${date}`,
  answeredBy: (name: string, date: string) => `Beantwoord door ${name} op ${date}`,
  shared: { network: 'Binnen het netwerk', organisation: 'Hele organisatie' } as Record<string, string>,
  answer: 'Antwoord',
  answerLabel: (title: string) => `Je antwoord op "${title}"`,
  answerSubmit: 'Antwoord versturen',
  answerSaved: 'Je antwoord is opgeslagen.',
  draft: 'Maak er een concept-artikel van',
  drafted: 'Concept-artikel gemaakt.',
  openDraft: 'Open het concept-artikel',
  draftExists: 'Hiervan is een concept-artikel gemaakt.',
  network: (name: string) => `Netwerk: ${name}`,
  toNetwork: 'Naar de netwerkpagina',
  myLink: 'Mijn vragen aan netwerken',
};
export type QuestionMessages = typeof nl;

const en: QuestionMessages = {
  title: 'Questions to the network',
  myTitle: 'My questions',
  myIntro: 'Questions you asked expert networks, with the answer once a lead expert or network author gave it.',
  myNone: 'You have not asked any questions yet. Ask one on the page of a network you belong to.',
  none: 'No questions you can see yet.',
  ask: 'Ask a question',
  askIntro: 'Members ask the network a question from practice; lead experts and network authors answer.',
  warningTitle: 'No details that identify a client',
  warning: 'Do not mention the name, citizen service number (BSN), date of birth, address, phone number or e-mail address of a client or relative, nor details that together identify someone. Describe the situation in general terms (for example "a woman of about 40"). A BSN, date, phone number, e-mail address or postcode with house number is refused; the check does not recognise names, so watch for those yourself.',
  questionTitle: 'Title',
  questionTitleHint: 'Short and general, for example "Safety plan when relatives are refused".',
  body: 'Your question',
  bodyHint: 'Describe the situation in general terms and what you want to know.',
  visibility: 'Who may read the question?',
  visibilityNetwork: 'Only members of the network',
  visibilityOrganisation: 'All staff of the organisation',
  submit: 'Send question',
  busy: 'Working…',
  asked: 'Your question has been sent. You will see the answer here and under My questions.',
  required: 'Fill this in.',
  onlyMembers: 'Only members of this network can ask a question.',
  open: 'Open',
  answered: 'Answered',
  askedBy: (name: string, date: string) => `Asked by ${name} on ${date}`,
  answeredBy: (name: string, date: string) => `Answered by ${name} on ${date}`,
  shared: { network: 'Within the network', organisation: 'Whole organisation' },
  answer: 'Answer',
  answerLabel: (title: string) => `Your answer to "${title}"`,
  answerSubmit: 'Send answer',
  answerSaved: 'Your answer has been saved.',
  draft: 'Turn it into a draft article',
  drafted: 'Draft article created.',
  openDraft: 'Open the draft article',
  draftExists: 'A draft article has been made from this.',
  network: (name: string) => `Network: ${name}`,
  toNetwork: 'To the network page',
  myLink: 'My questions to networks',
};

/** Exposed for a parity test: both catalogues must have the same shape. */
export const __questionCatalogues = { nl, en };

export function qt(): QuestionMessages {
  return lang() === 'en' ? en : nl;
}
