/**
 * The language of the UI and the shell's own text (header, footer, home, sign-in, errors), Dutch
 * first. `en` is typed against `nl`, so a missing translation is a type error rather than a blank
 * label. Role keys come from the API's role list (type-only import, no runtime coupling), so a new
 * role fails the type check here.
 *
 * Feature text is NOT here: each feature has its own `messages.ts` (features/knowledge,
 * features/learning, …) and shared feature UI has `ui/messages.ts`; they load with their pages,
 * so the first load carries only what the shell shows. They all follow `lang()` below.
 */
import type { Role } from '../../functions/src/platform/auth/roles';

export type Lang = 'nl' | 'en';

const nl = {
  siteName: 'GGZ Academie',
  tagline: 'Samen leren in de ggz',
  skipLink: 'Naar hoofdinhoud',
  titleSuffix: 'GGZ Academie',
  nav: {
    label: 'Hoofdmenu',
    home: 'Home',
    knowledge: 'Kennisbank',
    networks: 'Netwerken',
    catalogue: 'Aanbod',
    paths: 'Leerpaden',
    myLearning: 'Mijn leren',
    portfolio: 'Portfolio',
    team: 'Mijn team',
    academy: 'Beheer academie',
  },
  account: {
    signIn: 'Aanmelden',
    signOut: 'Afmelden',
    signedInAs: 'Aangemeld als',
    twoStep: 'Tweestapsverificatie',
  },
  langSwitch: {
    // The button offers the *other* language, so it speaks that language.
    target: 'en' as Lang,
    text: 'English',
    label: 'Switch to English',
  },
  footer: {
    about: 'De GGZ Academie is een lerende organisatie: kennis van en voor iedereen.',
    demo: 'Lokale demo-omgeving',
  },
  common: {
    reference: (id: string) => `Referentie: ${id}`,
    toHome: 'Naar de startpagina',
    comingSoon: 'Binnenkort',
  },
  errors: {
    generic: 'Er ging iets mis',
    genericDetail: 'Probeer het later opnieuw.',
    network: 'Geen verbinding met de server',
    networkDetail: 'Controleer je internetverbinding en probeer het opnieuw.',
    startTitle: 'De academie kon niet worden gestart',
    config: 'De configuratie kon niet worden geladen. Probeer het later opnieuw.',
    session: 'We konden je gegevens niet ophalen',
  },
  roles: {
    'academy-admin': 'Academiebeheerder',
    author: 'Auteur',
    trainer: 'Trainer',
    'team-manager': 'Teamleider',
    employee: 'Medewerker',
    partner: 'Ketenpartner',
  } satisfies Record<Role, string>,
  rolesPlural: {
    'academy-admin': 'Academiebeheerders',
    author: 'Auteurs',
    trainer: 'Trainers',
    'team-manager': 'Teamleiders',
    employee: 'Medewerkers',
    partner: 'Ketenpartners',
  } satisfies Record<Role, string>,
  home: {
    title: 'Welkom bij de GGZ Academie',
    lead:
      'De GGZ Academie is de leeromgeving van onze organisatie. Hier delen we kennis, leren we van elkaar ' +
      'en houden we ons vak bij: samen met cliënten, naasten en partners in de regio.',
    sections: [
      {
        title: 'Een lerende organisatie',
        text:
          'Kennis is van iedereen. Verpleegkundigen, psychologen, psychiaters, ondersteunende collega’s en ' +
          'ervaringsdeskundigen schrijven, toetsen en delen wat in de praktijk werkt.',
      },
      {
        title: 'Expertnetwerken',
        text:
          'Zo’n 26 expertnetwerken bundelen kennis over een diagnose of een thema. Leidende experts houden die ' +
          'kennis actueel, organiseren regiobijeenkomsten, kenniscafés en casusbesprekingen en beantwoorden ' +
          'vragen van collega’s. Elk netwerk staat open voor iedere professional.',
      },
      {
        title: 'Blended leren',
        text:
          'Leerlijnen combineren e-learning, bijeenkomsten en leren op de werkvloer. Je houdt je eigen portfolio ' +
          'bij, verzamelt accreditatiepunten voor je beroepsregister en volgt je jaarlijkse verplichte scholing.',
      },
      {
        title: 'Open kennis voor partners en publiek',
        text:
          'Huisartsen, wijkverpleging, sociale teams, beschermd wonen, politie en scholen lezen de kennis die voor ' +
          'ketenpartners is opengesteld en doen mee aan open modules. Cliënten, naasten en andere belangstellenden ' +
          'lezen openbare kennis zonder aan te melden.',
      },
    ],
    signInTitle: 'Jouw leeromgeving',
    signInPrompt: 'Werk je bij ons of ben je ketenpartner? Meld je aan voor je persoonlijke leeromgeving.',
    signInCta: 'Meld je aan',
    welcome: (name: string) => `Welkom, ${name}`,
    rolesIntro: 'Je rollen in de academie:',
    organisation: 'Organisatie',
    quickTitle: 'Voor jou in de academie',
    quickIntro: 'Je startpunten in de academie.',
    today: {
      title: 'Wat nu telt',
      loading: 'Even kijken wat er voor je klaarstaat…',
      failed: 'Wat er voor je klaarstaat kon niet worden geladen.',
      nothing: 'Er staat vandaag niets voor je klaar.',
      status: { overdue: 'Te laat', 'in-grace': 'Verlopen', due: 'Nog te doen', 'due-soon': 'Verloopt binnenkort', valid: 'Geldig' } as Record<string, string>,
      mandatory: 'Verplichte scholing',
      dueBy: (date: string) => `uiterlijk ${date}`,
      overdueSince: (date: string) => `te laat sinds ${date}`,
      bookNext: (date: string) => `Schrijf je in voor ${date}`,
      booked: (date: string) => `ingeschreven voor ${date}`,
      nextSession: 'Je volgende bijeenkomst',
      continuePath: (path: string) => `Verder met ${path}`,
      registers: 'Je registers',
      missing: (name: string, missing: number, unit: string) => `${name}: nog ${missing} ${unit} nodig`,
      daysLeft: (n: number) => ` (nog ${n} dagen in deze cyclus)`,
      team: (team: string) => `${team}: te laat of verlopen`,
      teamNone: (team: string) => `${team}: niemand is te laat met verplichte scholing.`,
      teamLine: (name: string, module: string) => `${name} – ${module}`,
      toTeam: 'Naar mijn team',
      sessionsToday: 'Jouw bijeenkomsten vandaag',
      sessionsWeek: 'Later deze week',
      noSessions: 'Geen bijeenkomsten.',
      toReview: (n: number) => (n === 1 ? '1 opdracht wacht op beoordeling' : `${n} opdrachten wachten op beoordeling`),
      dashboard: 'Het dashboard van de academie: inschrijvingen, afronding, evaluaties en naleving van verplichte scholing.',
    },
    links: {
      knowledge: 'Naar de kennisbank',
      mySignals: 'Mijn signalen',
      myWork: 'Mijn redactiewerk',
      newArticle: 'Nieuw artikel schrijven',
      catalogue: 'Naar het aanbod',
      paths: 'Bekijk de leerpaden',
      myLearning: 'Naar mijn leren',
      trainer: 'Naar mijn trainingen',
      assignments: 'Opdrachten beoordelen',
      team: 'Naar mijn team',
      academy: 'Naar academiebeheer',
      dashboard: 'Naar de rapportage',
      mandatory: 'Verplichte scholing beheren',
    },
    cards: {
      knowledge: {
        title: 'Kennisbank',
        text: 'Artikelen van de expertnetwerken over diagnoses en thema’s, doorzoekbaar en altijd actueel.',
      },
      partnerKnowledge: {
        title: 'Kennis voor ketenpartners',
        text: 'Kennis die voor partners in de regio is opengesteld, met praktische handvatten voor samenwerking.',
      },
      catalogue: {
        title: 'Opleidingsaanbod',
        text: 'Leerlijnen, e-learning en bijeenkomsten waarvoor je je kunt inschrijven.',
      },
      openModules: {
        title: 'Open modules',
        text: 'Modules die openstaan voor ketenpartners, zoals signaleren en doorverwijzen.',
      },
      team: {
        title: 'Mijn team',
        text: 'Zie hoe je team ervoor staat met de verplichte scholing en lopende leerlijnen.',
      },
      myLearning: {
        title: 'Mijn leren',
        text: 'Je inschrijvingen, voortgang, verplichte scholing, portfolio en accreditatiepunten op één plek.',
      },
      authoring: {
        title: 'Schrijven en reviewen',
        text: 'Kennisartikelen schrijven, laten reviewen en publiceren voor je expertnetwerk.',
      },
      training: {
        title: 'Mijn trainingen',
        text: 'Je bijeenkomsten plannen, deelnemers zien en aanwezigheid registreren.',
      },
      admin: {
        title: 'Academiebeheer',
        text: 'Modules en leerlijnen publiceren, e-learningpakketten importeren en rapportages bekijken.',
      },
    },
  },
  signIn: {
    title: 'Aanmelden',
    localIntro: 'Dit is de lokale demo-omgeving. Kies een demogebruiker om de academie door diens ogen te bekijken.',
    localSwitch: (name: string) => `Je bent nu aangemeld als ${name}. Kies een andere gebruiker om te wisselen.`,
    loadingUsers: 'Demogebruikers laden…',
    noUsers: 'Er zijn geen demogebruikers gevonden.',
    signingIn: 'Bezig met aanmelden…',
    userLabel: (name: string, roles: string) => `${name} – ${roles}`,
    redirecting: 'Je wordt doorgestuurd naar de aanmeldpagina.',
    continue: 'Ga naar de aanmeldpagina',
    alreadySignedIn: (name: string) => `Je bent al aangemeld als ${name}.`,
  },
  callback: {
    busy: 'Bezig met aanmelden…',
    failedTitle: 'Aanmelden mislukt',
    invalidState: 'De aanmeldpoging is verlopen of ongeldig.',
    tokenFailed: 'De aanmeldgegevens konden niet worden opgehaald.',
    retry: 'Meld je opnieuw aan',
  },
  signOut: {
    title: 'Afgemeld',
    busy: 'Bezig met afmelden…',
    body: 'Je bent afgemeld. Tot ziens!',
    signInAgain: 'Meld je opnieuw aan',
  },
  notFound: {
    title: 'Pagina niet gevonden',
    body: 'De pagina die je zoekt bestaat niet (meer) of is verplaatst. Controleer het adres of ga verder vanaf de startpagina.',
  },
};

export type Messages = typeof nl;

const en: Messages = {
  siteName: 'GGZ Academie',
  tagline: 'Learning together in mental health care',
  skipLink: 'Skip to main content',
  titleSuffix: 'GGZ Academie',
  nav: {
    label: 'Main menu',
    home: 'Home',
    knowledge: 'Knowledge base',
    networks: 'Networks',
    catalogue: 'Catalogue',
    paths: 'Learning paths',
    myLearning: 'My learning',
    portfolio: 'Portfolio',
    team: 'My team',
    academy: 'Academy management',
  },
  account: {
    signIn: 'Sign in',
    signOut: 'Sign out',
    signedInAs: 'Signed in as',
    twoStep: 'Two-step verification',
  },
  langSwitch: {
    target: 'nl',
    text: 'Nederlands',
    label: 'Schakel over naar Nederlands',
  },
  footer: {
    about: 'GGZ Academie is a learning organisation: knowledge from and for everyone.',
    demo: 'Local demo environment',
  },
  common: {
    reference: (id: string) => `Reference: ${id}`,
    toHome: 'Go to the start page',
    comingSoon: 'Coming soon',
  },
  errors: {
    generic: 'Something went wrong',
    genericDetail: 'Please try again later.',
    network: 'Cannot reach the server',
    networkDetail: 'Check your internet connection and try again.',
    startTitle: 'The academy could not start',
    config: 'The configuration could not be loaded. Please try again later.',
    session: 'We could not load your details',
  },
  roles: {
    'academy-admin': 'Academy administrator',
    author: 'Author',
    trainer: 'Trainer',
    'team-manager': 'Team manager',
    employee: 'Employee',
    partner: 'Regional partner',
  },
  rolesPlural: {
    'academy-admin': 'Academy administrators',
    author: 'Authors',
    trainer: 'Trainers',
    'team-manager': 'Team managers',
    employee: 'Employees',
    partner: 'Regional partners',
  },
  home: {
    title: 'Welcome to GGZ Academie',
    lead:
      'GGZ Academie is our organisation’s learning environment. This is where we share knowledge, learn from ' +
      'each other and keep our skills up to date: together with clients, relatives and partners in the region.',
    sections: [
      {
        title: 'A learning organisation',
        text:
          'Knowledge belongs to everyone. Nurses, psychologists, psychiatrists, support staff and experts by ' +
          'experience write, review and share what works in practice.',
      },
      {
        title: 'Expert networks',
        text:
          'About 26 expert networks bring together knowledge on a diagnosis or a theme. Lead experts keep that ' +
          'knowledge current, organise regional meetings, knowledge cafés and case discussions, and answer ' +
          'colleagues’ questions. Every network is open to every professional.',
      },
      {
        title: 'Blended learning',
        text:
          'Learning paths combine e-learning, sessions and learning on the job. You keep your own portfolio, ' +
          'collect accreditation points for your professional register and complete your yearly mandatory training.',
      },
      {
        title: 'Open knowledge for partners and the public',
        text:
          'GPs, district nurses, social teams, sheltered housing, police and schools read the knowledge opened ' +
          'to regional partners and join open modules. Clients, relatives and anyone interested read public ' +
          'knowledge without signing in.',
      },
    ],
    signInTitle: 'Your learning environment',
    signInPrompt: 'Do you work with us or are you a regional partner? Sign in for your personal learning environment.',
    signInCta: 'Log in to the academy',
    welcome: (name: string) => `Welcome, ${name}`,
    rolesIntro: 'Your roles in the academy:',
    organisation: 'Organisation',
    quickTitle: 'For you in the academy',
    quickIntro: 'Your starting points in the academy.',
    today: {
      title: 'What matters now',
      loading: 'Checking what is waiting for you…',
      failed: 'What is waiting for you could not be loaded.',
      nothing: 'Nothing is waiting for you today.',
      status: { overdue: 'Overdue', 'in-grace': 'Expired', due: 'To do', 'due-soon': 'Expires soon', valid: 'Valid' },
      mandatory: 'Mandatory training',
      dueBy: (date: string) => `due by ${date}`,
      overdueSince: (date: string) => `overdue since ${date}`,
      bookNext: (date: string) => `Enrol for ${date}`,
      booked: (date: string) => `enrolled for ${date}`,
      nextSession: 'Your next session',
      continuePath: (path: string) => `Continue ${path}`,
      registers: 'Your registers',
      missing: (name: string, missing: number, unit: string) => `${name}: ${missing} ${unit} still needed`,
      daysLeft: (n: number) => ` (${n} days left in this cycle)`,
      team: (team: string) => `${team}: overdue or expired`,
      teamNone: (team: string) => `${team}: nobody is overdue with mandatory training.`,
      teamLine: (name: string, module: string) => `${name} – ${module}`,
      toTeam: 'Go to my team',
      sessionsToday: 'Your sessions today',
      sessionsWeek: 'Later this week',
      noSessions: 'No sessions.',
      toReview: (n: number) => (n === 1 ? '1 assignment waits for review' : `${n} assignments wait for review`),
      dashboard: 'The academy dashboard: enrolments, completions, evaluations and mandatory-training compliance.',
    },
    links: {
      knowledge: 'Go to the knowledge base',
      mySignals: 'My feedback',
      myWork: 'My editorial work',
      newArticle: 'Write a new article',
      catalogue: 'Go to the catalogue',
      paths: 'See the learning paths',
      myLearning: 'Go to my learning',
      trainer: 'Go to my sessions',
      assignments: 'Review assignments',
      team: 'Go to my team',
      academy: 'Go to academy management',
      dashboard: 'Go to the reports',
      mandatory: 'Manage mandatory training',
    },
    cards: {
      knowledge: {
        title: 'Knowledge base',
        text: 'Articles from the expert networks on diagnoses and themes, searchable and always current.',
      },
      partnerKnowledge: {
        title: 'Knowledge for partners',
        text: 'Knowledge opened to partners in the region, with practical guidance for working together.',
      },
      catalogue: {
        title: 'Course catalogue',
        text: 'Learning paths, e-learning and sessions you can enrol in.',
      },
      openModules: {
        title: 'Open modules',
        text: 'Modules open to regional partners, such as recognising problems and referring.',
      },
      team: {
        title: 'My team',
        text: 'See how your team is doing with mandatory training and ongoing learning paths.',
      },
      myLearning: {
        title: 'My learning',
        text: 'Your enrolments, progress, mandatory training, portfolio and accreditation points in one place.',
      },
      authoring: {
        title: 'Write and review',
        text: 'Write knowledge articles, have them reviewed and publish them for your expert network.',
      },
      training: {
        title: 'My sessions',
        text: 'Plan your sessions, see participants and record attendance.',
      },
      admin: {
        title: 'Academy administration',
        text: 'Publish modules and learning paths, import e-learning packages and view reports.',
      },
    },
  },
  signIn: {
    title: 'Sign in',
    localIntro: 'This is the local demo environment. Choose a demo user to see the academy through their eyes.',
    localSwitch: (name: string) => `You are signed in as ${name}. Choose another user to switch.`,
    loadingUsers: 'Loading demo users…',
    noUsers: 'No demo users were found.',
    signingIn: 'Signing in…',
    userLabel: (name: string, roles: string) => `${name} – ${roles}`,
    redirecting: 'You are being redirected to the sign-in page.',
    continue: 'Continue to the sign-in page',
    alreadySignedIn: (name: string) => `You are already signed in as ${name}.`,
  },
  callback: {
    busy: 'Signing in…',
    failedTitle: 'Sign-in failed',
    invalidState: 'The sign-in attempt has expired or is invalid.',
    tokenFailed: 'The sign-in details could not be retrieved.',
    retry: 'Try signing in again',
  },
  signOut: {
    title: 'Signed out',
    busy: 'Signing out…',
    body: 'You have been signed out. Goodbye!',
    signInAgain: 'Log in again',
  },
  notFound: {
    title: 'Page not found',
    body: 'The page you are looking for does not exist (any more) or has moved. Check the address or continue from the start page.',
  },
};

const catalogues: Record<Lang, Messages> = { nl, en };
const storageKey = 'ggz.lang';
let current: Lang = 'nl';
const listeners = new Set<() => void>();

export function t(): Messages {
  return catalogues[current];
}

export function lang(): Lang {
  return current;
}

export function isLang(value: unknown): value is Lang {
  return value === 'nl' || value === 'en';
}

/** Reads the stored choice; Dutch unless the reader explicitly chose English before. */
export function initLang(): void {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(storageKey);
  } catch {
    // Storage can be blocked (privacy settings); Dutch is a fine fallback.
  }
  current = isLang(stored) ? stored : 'nl';
  document.documentElement.lang = current;
}

export function setLang(next: Lang): void {
  current = next;
  document.documentElement.lang = next;
  try {
    localStorage.setItem(storageKey, next);
  } catch {
    // Not persisting is acceptable; the switch still applies to this page view.
  }
  for (const listener of listeners) listener();
}

export function onLangChange(listener: () => void): void {
  listeners.add(listener);
}

/** Label for a role name from the API; unknown roles fall back to the raw name rather than vanish. */
export function roleLabel(role: string, plural = false): string {
  const table: Record<string, string> = plural ? t().rolesPlural : t().roles;
  return table[role] ?? role;
}

/** Exposed for a parity test: both catalogues must have the same shape. */
export const __catalogues = catalogues;
