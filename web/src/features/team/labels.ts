/**
 * Mandatory training's words, shared by the pages that show it: Mijn leren's section, the team
 * page and the academy's requirements page (public to other features, like learning's labels).
 * Dutch first, English typed against it.
 */
import { lang } from '../../i18n';
import type { MandatoryStatus } from './api';

const nl = {
  status: { overdue: 'Te laat', 'in-grace': 'Verlopen', due: 'Nog te doen', 'due-soon': 'Verloopt binnenkort', valid: 'Geldig' } as Record<MandatoryStatus, string>,
  section: 'Verplichte scholing',
  intro: 'Scholing die voor jouw functie verplicht is, met wanneer je die (opnieuw) moet doen.',
  none: 'Er is geen verplichte scholing voor jou.',
  allValid: 'Al je verplichte scholing is geldig.',
  module: 'Scholing',
  statusCol: 'Status',
  validUntil: 'Geldig tot',
  dueBy: 'Uiterlijk',
  next: 'Inschrijven',
  nextSession: (when: string, seats: number) => `Eerstvolgende bijeenkomst: ${when} (${seats === 1 ? 'nog 1 plaats' : `nog ${seats} plaatsen`})`,
  booked: (when: string) => `Je bent ingeschreven voor ${when}`,
  waitlisted: (when: string) => `Je staat op de wachtlijst voor ${when}`,
  noSession: 'Geen bijeenkomst gepland; bekijk de module.',
  toModule: 'Naar de module',
  overdueSince: (date: string) => `te laat sinds ${date}`,
  dueOn: (date: string) => `uiterlijk ${date}`,
  expiresOn: (date: string) => `verloopt op ${date}`,
  validTill: (date: string) => `geldig tot ${date}`,
};

const en: typeof nl = {
  status: { overdue: 'Overdue', 'in-grace': 'Expired', due: 'To do', 'due-soon': 'Expires soon', valid: 'Valid' },
  section: 'Mandatory training',
  intro: 'Training that is mandatory for your role, with when you must (re)do it.',
  none: 'There is no mandatory training for you.',
  allValid: 'All your mandatory training is valid.',
  module: 'Training',
  statusCol: 'Status',
  validUntil: 'Valid until',
  dueBy: 'Due by',
  next: 'Enrol',
  nextSession: (when: string, seats: number) => `Next session: ${when} (${seats === 1 ? '1 seat left' : `${seats} seats left`})`,
  booked: (when: string) => `You are enrolled for ${when}`,
  waitlisted: (when: string) => `You are on the waiting list for ${when}`,
  noSession: 'No session planned; see the module.',
  toModule: 'Go to the module',
  overdueSince: (date: string) => `overdue since ${date}`,
  dueOn: (date: string) => `due by ${date}`,
  expiresOn: (date: string) => `expires on ${date}`,
  validTill: (date: string) => `valid until ${date}`,
};

export const mandatoryLabels = () => (lang() === 'en' ? en : nl);

/** The last valid day: the day before `expiresOn` (a calendar date). */
export function lastValidDay(expiresOn: string): string {
  const [y, m, d] = expiresOn.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

const adminNl = {
  title: 'Verplichte scholing beheren',
  intro: 'Maak modules verplicht voor rollen, beroepen of afdelingen, met een geldigheid en een coulancetermijn. Een afgeronde module is geldig tot de geldigheid verstrijkt; herhalen verlengt haar.',
  list: 'Verplichte modules',
  none: 'Er is nog geen verplichte scholing.',
  module: 'Module',
  appliesTo: 'Voor wie',
  everyone: 'Iedereen (medewerkers)',
  validity: 'Geldigheid',
  months: (n: number) => (n === 1 ? '1 maand' : `${n} maanden`),
  grace: (n: number) => `coulance ${n} ${n === 1 ? 'dag' : 'dagen'}`,
  since: (date: string) => `vanaf ${date}`,
  actions: 'Acties',
  edit: (title: string) => `Wijzigen: ${title}`,
  remove: (title: string) => `Schrappen: ${title}`,
  removed: (title: string) => `${title} is niet meer verplicht.`,
  saved: (title: string) => `${title} is opgeslagen als verplichte scholing.`,
  formNew: 'Module verplicht maken',
  formEdit: (title: string) => `Verplichting wijzigen: ${title}`,
  chooseModule: 'Kies een module',
  validityMonths: 'Geldigheid (maanden)',
  validityHint: 'Bijvoorbeeld 12 (jaarlijks) of 24.',
  graceDays: 'Coulancetermijn (dagen)',
  graceHint: 'Zo lang na het verlopen staat iemand nog niet op "te laat".',
  dueSoonDays: 'Melding vooraf (dagen)',
  dueSoonHint: 'Zo lang voor het verlopen heet het "verloopt binnenkort".',
  sinceLabel: 'Verplicht vanaf',
  rolesLabel: 'Rollen',
  professions: 'Beroepen',
  departments: 'Afdelingen',
  listHint: 'Gescheiden door komma’s; leeg is iedereen.',
  save: 'Opslaan',
  cancel: 'Annuleren',
  compliance: 'Naleving per afdeling',
  department: 'Afdeling',
  members: 'Medewerkers',
  compliant: 'In orde',
  dueSoonCol: 'Verloopt binnenkort',
  dueCol: 'Nog te doen',
  overdueCol: 'Te laat',
};

const adminEn: typeof adminNl = {
  title: 'Manage mandatory training',
  intro: 'Make modules mandatory for roles, professions or departments, with a validity and a grace period. A completed module is valid until its validity runs out; repeating it renews it.',
  list: 'Mandatory modules',
  none: 'There is no mandatory training yet.',
  module: 'Module',
  appliesTo: 'For whom',
  everyone: 'Everyone (employees)',
  validity: 'Validity',
  months: (n: number) => (n === 1 ? '1 month' : `${n} months`),
  grace: (n: number) => `grace ${n} ${n === 1 ? 'day' : 'days'}`,
  since: (date: string) => `from ${date}`,
  actions: 'Actions',
  edit: (title: string) => `Change: ${title}`,
  remove: (title: string) => `Drop: ${title}`,
  removed: (title: string) => `${title} is no longer mandatory.`,
  saved: (title: string) => `${title} has been saved as mandatory training.`,
  formNew: 'Make a module mandatory',
  formEdit: (title: string) => `Change requirement: ${title}`,
  chooseModule: 'Choose a module',
  validityMonths: 'Validity (months)',
  validityHint: 'For example 12 (yearly) or 24.',
  graceDays: 'Grace period (days)',
  graceHint: 'For this long after expiry someone is not yet "overdue".',
  dueSoonDays: 'Notice beforehand (days)',
  dueSoonHint: 'For this long before expiry it is "expires soon".',
  sinceLabel: 'Mandatory from',
  rolesLabel: 'Roles',
  professions: 'Professions',
  departments: 'Departments',
  listHint: 'Separated by commas; empty means everyone.',
  save: 'Save',
  cancel: 'Cancel',
  compliance: 'Compliance per department',
  department: 'Department',
  members: 'Employees',
  compliant: 'In order',
  dueSoonCol: 'Expires soon',
  dueCol: 'To do',
  overdueCol: 'Overdue',
};

/** The academy's requirements page (/academie/verplicht). */
export const mandatoryAdminLabels = () => (lang() === 'en' ? adminEn : adminNl);
