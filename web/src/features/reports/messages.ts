/**
 * UI text of the academy reports page (/academie/rapportage), Dutch first, English typed against
 * it. Loaded with that page only.
 */
import { lang } from '../../i18n';

const nl = {
  title: 'Rapportage academie',
  intro: 'Inschrijvingen, afrondingen, evaluaties en accreditatiepunten per maand (Nederlandse tijd), per module, leerpad en netwerk; en de naleving van verplichte scholing per afdeling. Alleen aantallen, geen namen.',
  back: 'Naar beheer academie',
  filters: 'Periode en filters',
  from: 'Van maand',
  to: 'Tot en met maand',
  monthHint: 'jjjj-mm, hoogstens 24 maanden',
  module: 'Module',
  path: 'Leerpad',
  network: 'Netwerk',
  all: 'Alle',
  show: 'Toon',
  loading: 'Rapportage laden…',
  loaded: (from: string, to: string) => `Rapportage van ${from} tot en met ${to} geladen.`,
  period: (from: string, to: string) => `Periode: ${from} tot en met ${to}.`,
  csv: (what: string) => `Download ${what} als CSV`,
  table: 'Tabel',
  noData: 'Geen activiteit in deze periode.',
  noNetwork: 'Zonder netwerk',
  cols: {
    month: 'Maand',
    module: 'Module',
    path: 'Leerpad',
    network: 'Netwerk',
    modules: 'Modules',
    moduleEnrolments: 'Inschrijvingen modules',
    moduleCompletions: 'Afrondingen modules',
    pathEnrolments: 'Inschrijvingen leerpaden',
    pathCompletions: 'Afrondingen leerpaden',
    enrolments: 'Inschrijvingen',
    completions: 'Afrondingen',
    evaluations: 'Evaluaties',
    average: 'Gemiddelde beoordeling',
    points: 'Punten',
    register: 'Register',
    department: 'Afdeling',
    members: 'Medewerkers',
    compliant: 'Op orde',
    dueSoon: 'Binnenkort',
    due: 'Nu nodig',
    overdue: 'Te laat',
    percent: '% op orde',
  },
  activity: {
    title: 'Inschrijvingen en afrondingen per maand',
    desc: (months: number, enrolments: number, completions: number) => `Lijngrafiek over ${months} maanden: ${enrolments} inschrijvingen en ${completions} afrondingen van modules, en die van leerpaden. De tabel eronder geeft alle getallen.`,
    what: 'de maandtabel',
  },
  scores: {
    title: 'Gemiddelde evaluatiescore per maand',
    desc: (evaluations: number) => `Staafdiagram van de gemiddelde beoordeling (1 tot 5) per maand, over ${evaluations} evaluaties. Maanden zonder evaluaties hebben geen staaf.`,
  },
  points: {
    title: 'Toegekende accreditatiepunten per register',
    desc: (registers: number, total: string) => `Staafdiagram van de punten per register (${registers} registers, samen ${total} punten). Punten van leerpaden zijn die van hun modules en tellen één keer.`,
    what: 'de punten per register',
  },
  modules: {
    title: 'Per module',
    desc: (n: number, shown: number) => `Staafdiagram van de afrondingen per module: de ${shown} modules met de meeste inschrijvingen van ${n}. De tabel eronder geeft alle modules.`,
    what: 'de moduletabel',
  },
  paths: {
    title: 'Per leerpad',
    desc: (n: number) => `Staafdiagram van de afrondingen per leerpad (${n} leerpaden).`,
    what: 'de leerpadtabel',
  },
  networks: {
    title: 'Per netwerk',
    desc: (n: number) => `Staafdiagram van de afrondingen per netwerk (${n}), opgeteld uit hun modules.`,
    what: 'de netwerktabel',
  },
  compliance: {
    title: 'Naleving verplichte scholing per afdeling',
    desc: (n: number) => `Staafdiagram van het percentage medewerkers per afdeling bij wie alle verplichte scholing op orde is (${n} afdelingen).`,
    what: 'de nalevingstabel',
    none: 'Er is nog geen verplichte scholing vastgelegd, of er zijn geen afdelingen.',
    asOf: (date: string) => `Stand van ${date}.`,
  },
  legend: { moduleEnrolments: 'Inschrijvingen modules', moduleCompletions: 'Afrondingen modules', pathEnrolments: 'Inschrijvingen leerpaden', pathCompletions: 'Afrondingen leerpaden' },
};

export type ReportMessages = typeof nl;

const en: ReportMessages = {
  title: 'Academy reports',
  intro: 'Enrolments, completions, evaluations and accreditation points per month (Dutch time), per module, learning path and network; and mandatory-training compliance per department. Counts only, no names.',
  back: 'Go to academy management',
  filters: 'Period and filters',
  from: 'From month',
  to: 'Up to and including month',
  monthHint: 'yyyy-mm, at most 24 months',
  module: 'Module',
  path: 'Learning path',
  network: 'Network',
  all: 'All',
  show: 'Show',
  loading: 'Loading reports…',
  loaded: (from: string, to: string) => `Reports from ${from} to ${to} loaded.`,
  period: (from: string, to: string) => `Period: ${from} to ${to} inclusive.`,
  csv: (what: string) => `Download ${what} as CSV`,
  table: 'Table',
  noData: 'No activity in this period.',
  noNetwork: 'No network',
  cols: {
    month: 'Month',
    module: 'Module',
    path: 'Learning path',
    network: 'Network',
    modules: 'Modules',
    moduleEnrolments: 'Module enrolments',
    moduleCompletions: 'Module completions',
    pathEnrolments: 'Path enrolments',
    pathCompletions: 'Path completions',
    enrolments: 'Enrolments',
    completions: 'Completions',
    evaluations: 'Evaluations',
    average: 'Average rating',
    points: 'Points',
    register: 'Register',
    department: 'Department',
    members: 'Employees',
    compliant: 'In order',
    dueSoon: 'Due soon',
    due: 'Due now',
    overdue: 'Overdue',
    percent: '% in order',
  },
  activity: {
    title: 'Enrolments and completions per month',
    desc: (months: number, enrolments: number, completions: number) => `Line chart over ${months} months: ${enrolments} module enrolments and ${completions} module completions, and those of learning paths. The table below gives every number.`,
    what: 'the month table',
  },
  scores: {
    title: 'Average evaluation score per month',
    desc: (evaluations: number) => `Bar chart of the average rating (1 to 5) per month, over ${evaluations} evaluations. Months without evaluations have no bar.`,
  },
  points: {
    title: 'Accreditation points awarded per register',
    desc: (registers: number, total: string) => `Bar chart of the points per register (${registers} registers, ${total} points in all). A learning path's points are its modules' and count once.`,
    what: 'the points per register',
  },
  modules: {
    title: 'Per module',
    desc: (n: number, shown: number) => `Bar chart of the completions per module: the ${shown} modules with the most enrolments of ${n}. The table below gives every module.`,
    what: 'the module table',
  },
  paths: {
    title: 'Per learning path',
    desc: (n: number) => `Bar chart of the completions per learning path (${n} paths).`,
    what: 'the learning path table',
  },
  networks: {
    title: 'Per network',
    desc: (n: number) => `Bar chart of the completions per network (${n}), summed from their modules.`,
    what: 'the network table',
  },
  compliance: {
    title: 'Mandatory-training compliance per department',
    desc: (n: number) => `Bar chart of the share of employees per department whose mandatory training is all in order (${n} departments).`,
    what: 'the compliance table',
    none: 'No mandatory training has been set yet, or there are no departments.',
    asOf: (date: string) => `As of ${date}.`,
  },
  legend: { moduleEnrolments: 'Module enrolments', moduleCompletions: 'Module completions', pathEnrolments: 'Path enrolments', pathCompletions: 'Path completions' },
};

/** Exposed for a parity test: both catalogues must have the same shape. */
export const __reportCatalogues = { nl, en };

export function rt(): ReportMessages {
  return lang() === 'en' ? en : nl;
}
