/**
 * UI text of the trainer's pages (/trainer, /trainer/sessies/…, /trainer/opdrachten), Dutch first,
 * English typed against it. Loaded with those pages only.
 */
import { lang } from '../../../i18n';

const nl = {
  trainer: {
    title: 'Mijn trainingen',
    intro: 'De bijeenkomsten die jij geeft. Open een bijeenkomst om de aanwezigheid te registreren.',
    upcoming: 'Komende bijeenkomsten',
    past: 'Afgelopen bijeenkomsten',
    none: 'Geen bijeenkomsten.',
    occupancy: (enrolled: number, capacity: number) => `${enrolled} van ${capacity} plaatsen bezet`,
    sessionTitle: (title: string) => `Aanwezigheid: ${title}`,
    participants: 'Deelnemers',
    name: 'Naam',
    status: 'Inschrijving',
    present: 'Aanwezig',
    presentHint: 'Vink aan wie er was; elke wijziging wordt meteen opgeslagen.',
    noParticipants: 'Er zijn nog geen deelnemers.',
    savedPresent: (name: string) => `${name}: aanwezig opgeslagen.`,
    savedAbsent: (name: string) => `${name}: afwezig opgeslagen.`,
    toSessions: 'Naar mijn trainingen',
    toModule: 'Bekijk het onderdeel',
    toAssignments: 'Ingeleverde opdrachten beoordelen',
    allModules: 'Alle modules',
    filterModule: 'Toon bijeenkomsten van',
    weekOf: (monday: string) => `Week van maandag ${monday}`,
  },
  assignments: {
    title: 'Opdrachten beoordelen',
    intro: 'Ingeleverde opdrachten, de oudste eerst. Goedkeuren rondt de stap af voor de deelnemer; terugsturen vraagt om een nieuwe versie. Je feedback is altijd zichtbaar voor de deelnemer.',
    waiting: (n: number) => (n === 1 ? '1 opdracht wacht op beoordeling' : `${n} opdrachten wachten op beoordeling`),
    none: 'Er wachten geen opdrachten op beoordeling.',
    submittedOn: (date: string) => `Ingeleverd op ${date}`,
    toModule: 'Bekijk de opdracht',
    feedback: (name: string) => `Feedback aan ${name}`,
    feedbackRequired: 'Schrijf feedback voor de deelnemer.',
    approve: 'Goedkeuren',
    giveBack: 'Terugsturen',
    approved: (name: string) => `De opdracht van ${name} is goedgekeurd.`,
    returned: (name: string) => `De opdracht van ${name} is teruggestuurd met je feedback.`,
  },
};

export type TrainerMessages = typeof nl;

const en: TrainerMessages = {
  trainer: {
    title: 'My sessions',
    intro: 'The sessions you teach. Open a session to record attendance.',
    upcoming: 'Upcoming sessions',
    past: 'Past sessions',
    none: 'No sessions.',
    occupancy: (enrolled: number, capacity: number) => `${enrolled} of ${capacity} places taken`,
    sessionTitle: (title: string) => `Attendance: ${title}`,
    participants: 'Participants',
    name: 'Name',
    status: 'Enrolment',
    present: 'Present',
    presentHint: 'Tick who was there; every change is saved immediately.',
    noParticipants: 'There are no participants yet.',
    savedPresent: (name: string) => `${name}: saved as present.`,
    savedAbsent: (name: string) => `${name}: saved as absent.`,
    toSessions: 'Go to my sessions',
    toModule: 'View the item',
    toAssignments: 'Review handed-in assignments',
    allModules: 'All modules',
    filterModule: 'Show sessions of',
    weekOf: (monday: string) => `Week of Monday ${monday}`,
  },
  assignments: {
    title: 'Review assignments',
    intro: 'Assignments handed in, oldest first. Approving completes the step for the learner; returning asks for a new version. Your feedback is always shown to the learner.',
    waiting: (n: number) => (n === 1 ? '1 assignment waiting for review' : `${n} assignments waiting for review`),
    none: 'No assignments are waiting for review.',
    submittedOn: (date: string) => `Handed in on ${date}`,
    toModule: 'View the assignment',
    feedback: (name: string) => `Feedback for ${name}`,
    feedbackRequired: 'Write feedback for the learner.',
    approve: 'Approve',
    giveBack: 'Return',
    approved: (name: string) => `${name}'s assignment is approved.`,
    returned: (name: string) => `${name}'s assignment is returned with your feedback.`,
  },
};

/** Exposed for a parity test: both catalogues must have the same shape. */
export const __trainerCatalogues = { nl, en };

export function tt(): TrainerMessages {
  return lang() === 'en' ? en : nl;
}
