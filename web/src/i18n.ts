/**
 * All UI text, Dutch first. `en` is typed against `nl`, so a missing translation is a
 * type error rather than a blank label. Role keys come from the API's role list
 * (type-only import, no runtime coupling), so a new role fails the type check here.
 */
import type { Role } from '../../functions/src/auth/roles';

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
    catalogue: 'Aanbod',
    paths: 'Leerpaden',
    myLearning: 'Mijn leren',
    academy: 'Beheer academie',
  },
  account: {
    signIn: 'Aanmelden',
    signOut: 'Afmelden',
    signedInAs: 'Aangemeld als',
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
    loading: 'Laden…',
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
    quickIntro: 'Je startpunten in de academie. Onderdelen met ‘Binnenkort’ volgen nog.',
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
      team: {
        title: 'Mijn team',
        text: 'Zie hoe je team ervoor staat met de verplichte scholing en lopende leerlijnen.',
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
  signInRequired: {
    title: 'Aanmelden vereist',
    page: 'Meld je aan om deze pagina te bekijken.',
    cta: 'Meld je aan',
  },
  knowledge: {
    title: 'Kennisbank',
    intro:
      'Artikelen van onze expertnetwerken over diagnoses en thema’s: getoetst door leidend experts en regelmatig herzien.',
    audience: { internal: 'Medewerkers', partners: 'Ketenpartners', public: 'Iedereen' },
    audienceLabel: 'Doelgroep:',
    languages: { nl: 'Nederlands', en: 'Engels' },
    states: { editing: 'Concept', 'in-review': 'In review', returned: 'Teruggestuurd', published: 'Gepubliceerd' },
    noAccessTitle: 'Geen toegang',
    search: {
      label: 'Zoek in de kennisbank',
      submit: 'Zoeken',
      filters: 'Verfijnen',
      network: 'Netwerk',
      allNetworks: 'Alle netwerken',
      theme: 'Thema',
      allThemes: 'Alle thema’s',
      audience: 'Doelgroep',
      allAudiences: 'Alle doelgroepen',
      language: 'Taal',
      allLanguages: 'Alle talen',
      withCount: (label: string, n: number) => `${label} (${n})`,
      clear: 'Alles wissen',
      resultsTitle: 'Zoekresultaten',
      count: (n: number) => (n === 1 ? '1 artikel' : `${n} artikelen`),
      none: 'Geen artikelen gevonden. Probeer een ander zoekwoord of minder filters.',
      busy: 'Zoeken…',
      pagination: 'Paginering',
      previous: 'Vorige',
      next: 'Volgende',
      pageOf: (page: number, pages: number) => `Pagina ${page} van ${pages}`,
      published: 'Gepubliceerd',
    },
    article: {
      authors: 'Auteurs',
      network: 'Netwerk',
      reviewed: (date: string, name: string) => `Laatst beoordeeld ${date} door ${name}`,
      reviewBy: (date: string) => `Herzien vóór ${date}`,
      themes: 'Thema’s',
      tags: 'Trefwoorden',
      details: 'Over dit artikel',
      related: 'Gerelateerde artikelen',
      relatedModules: 'Scholing over dit onderwerp',
      edit: 'Bewerken',
      history: 'Geschiedenis',
      signInTitle: 'Aanmelden vereist',
      signIn: 'Meld je aan om dit artikel te lezen',
      notFoundTitle: 'Artikel niet gevonden',
      notFound: 'Dit artikel bestaat niet (meer) of is niet voor jou beschikbaar. Zoek verder in de kennisbank.',
      toKnowledge: 'Naar de kennisbank',
      feedbackTitle: 'Was dit artikel nuttig?',
      useful: 'Ja, nuttig',
      notUseful: 'Niet nuttig',
      remark: 'Opmerking of vraag (optioneel)',
      remarkHint: 'Je opmerking of vraag gaat naar de auteurs van het netwerk. Hun antwoord vind je bij Mijn signalen.',
      sending: 'Versturen…',
      thanks: 'Bedankt voor je feedback',
      followUp: 'Het antwoord op je vraag vind je later bij',
      mySignals: 'Mijn signalen',
      signInForFeedback: 'Meld je aan om feedback te geven',
    },
    editor: {
      newTitle: 'Nieuw artikel',
      editTitle: (title: string) => `Bewerken: ${title}`,
      fields: 'Artikel',
      title: 'Titel',
      summary: 'Samenvatting',
      summaryHint: 'Eén of twee zinnen. Verschijnt als inleiding en in de zoekresultaten.',
      network: 'Netwerk',
      audience: 'Doelgroep',
      audienceHints: {
        internal: 'alleen aangemelde medewerkers',
        partners: 'medewerkers en ketenpartners',
        public: 'iedereen, ook zonder aanmelden',
      },
      language: 'Taal',
      tags: 'Trefwoorden',
      themes: 'Thema’s',
      listHint: 'Scheid met komma’s, bijvoorbeeld: veiligheid, naasten',
      coAuthors: 'Co-auteurs',
      coAuthorsHint: 'Leden van het netwerk die met je meeschrijven; zij staan als auteur bij het artikel.',
      noCoAuthors: 'Dit netwerk heeft nog geen andere leden.',
      slug: 'Slug (optioneel)',
      slugHint: 'Het laatste deel van de link, alleen kleine letters, cijfers en koppeltekens. Oude links blijven werken na een wijziging.',
      markdown: 'Tekst (Markdown)',
      markdownHint: 'Gebruik ## voor tussenkoppen, - voor opsommingen en > [!TIP] voor een kader.',
      preview: 'Voorbeeld',
      previewEmpty: 'Het voorbeeld verschijnt hier zodra je tekst typt.',
      save: 'Concept opslaan',
      submit: 'Ter review aanbieden',
      saving: 'Bezig met opslaan…',
      saved: (revision: number) => `Concept opgeslagen (revisie ${revision}).`,
      submitted: 'Het concept ligt nu ter review bij de leidend experts van het netwerk.',
      state: 'Status',
      basedOn: (version: number) => `Gebaseerd op gepubliceerde versie ${version}`,
      lastSaved: (name: string, date: string) => `Laatst opgeslagen door ${name}, ${date}`,
      comments: 'Opmerkingen uit de review',
      commentBy: (name: string, date: string) => `${name}, ${date}`,
      locked: 'Dit concept ligt ter review en kan nu niet worden gewijzigd.',
      toReview: 'Naar de review',
      viewPublished: 'Gepubliceerde versie bekijken',
      reload: 'Nieuwste versie laden',
      reloadConfirm: 'De nieuwste versie laden? Wijzigingen die je nog niet hebt opgeslagen gaan verloren.',
      reloaded: 'De nieuwste versie is geladen.',
      required: 'Vul dit veld in.',
      noNetworks: 'Je bent nog geen auteur in een expertnetwerk. Vraag een leidend expert om je toe te voegen.',
      attachments: {
        title: 'Bijlagen',
        saveFirst: 'Sla eerst een concept op om bijlagen toe te voegen.',
        file: 'Afbeelding of PDF toevoegen',
        fileHint: (max: string) => `PNG, JPEG, GIF, WebP of PDF, maximaal ${max}. Het bestand wordt meteen geüpload.`,
        loading: 'Bijlagen laden…',
        none: 'Nog geen bijlagen.',
        insert: 'Invoegen in tekst',
        uploading: 'Bezig met uploaden…',
        added: (name: string) => `Toegevoegd: ${name}`,
        inserted: (name: string) => `Ingevoegd in de tekst: ${name}`,
        wrongType: (name: string) => `${name} is geen afbeelding of PDF. Kies een PNG-, JPEG-, GIF-, WebP- of PDF-bestand.`,
        tooLarge: (name: string, size: string, max: string) => `${name} is te groot (${size}). Een bijlage mag maximaal ${max} zijn.`,
        emptyFile: (name: string) => `${name} is leeg. Kies een ander bestand.`,
        storageFailed: 'Uploaden mislukt',
        storageFailedDetail: (status: number) => `De opslag nam het bestand niet aan (status ${status}). Probeer het opnieuw.`,
      },
    },
    work: {
      title: 'Mijn redactiewerk',
      queue: 'Te reviewen',
      queueEmpty: 'Er liggen geen concepten ter review.',
      submittedBy: (name: string, date: string) => `Aangeboden door ${name} op ${date}`,
      review: 'Beoordelen',
      overdue: 'Over de reviewdatum',
      overdueEmpty: 'Geen artikelen over hun reviewdatum.',
      drafts: 'Lopende concepten',
      draftsEmpty: 'Geen lopende concepten.',
      networks: 'Mijn netwerken',
      roles: { lead: 'Leidend expert', member: 'Lid' },
      signals: 'Open signalen',
      newArticle: 'Nieuw artikel schrijven',
      noNetworks: 'Je bent nog geen lid van een expertnetwerk.',
      articles: 'Artikelen',
    },
    networkArticles: {
      title: (network: string) => `Artikelen: ${network}`,
      intro: 'Alle artikelen van het netwerk met hun status en wat lezers ervan vinden. Archiveren haalt een artikel uit de kennisbank; de versies blijven bewaard.',
      none: 'Dit netwerk heeft nog geen artikelen.',
      article: 'Artikel',
      status: 'Status',
      audience: 'Doelgroep',
      reviewBy: 'Review vóór',
      useful: 'Nuttig',
      notUseful: 'Niet nuttig',
      open: 'Open signalen',
      actions: 'Acties',
      published: (version: number) => `Gepubliceerd (versie ${version})`,
      unpublished: 'Nog niet gepubliceerd',
      archived: 'Gearchiveerd',
      withDraft: (state: string) => ` + ${state.toLowerCase()}`,
      archive: 'Archiveren',
      confirm: (title: string) => `${title} archiveren? Lezers en zoeken vinden het daarna niet meer.`,
      confirmYes: 'Ja, archiveren',
      cancel: 'Annuleren',
      archivedNow: (title: string) => `${title} is gearchiveerd.`,
      caption: (network: string) => `Artikelen van ${network}`,
    },
    review: {
      title: (title: string) => `Review: ${title}`,
      draft: 'Concept',
      note: 'Toelichting bij deze versie',
      noteHint: 'Wat is er nieuw of veranderd? Dit komt in de versiegeschiedenis.',
      publishTitle: 'Publiceren',
      publish: 'Publiceren',
      comment: 'Opmerkingen voor de auteur',
      returnTitle: 'Terugsturen',
      return: 'Terugsturen',
      published: (version: number) => `Versie ${version} is gepubliceerd.`,
      viewArticle: 'Bekijk het artikel',
      returned: 'Het concept is teruggestuurd naar de auteur.',
      notInReview: 'Dit concept ligt niet (meer) ter review.',
      noDraft: 'Er is geen lopend concept voor dit artikel.',
      toWork: 'Naar mijn redactiewerk',
    },
    history: {
      title: (title: string) => `Geschiedenis: ${title}`,
      versions: 'Versies',
      version: 'Versie',
      date: 'Datum',
      by: 'Door',
      note: 'Toelichting',
      none: 'Dit artikel heeft nog geen gepubliceerde versies.',
      compare: 'Versies vergelijken',
      from: 'Van versie',
      to: 'Naar versie',
      show: 'Vergelijken',
      onlyOne: 'Er is pas één versie; vergelijken kan vanaf twee versies.',
      diffTitle: (from: number, to: number) => `Verschil tussen versie ${from} en ${to}`,
      added: 'Toegevoegd:',
      removed: 'Verwijderd:',
      skipped: (n: number) => (n === 1 ? '1 ongewijzigde regel' : `${n} ongewijzigde regels`),
      noChanges: 'De tekst van deze versies is gelijk.',
      toArticle: 'Naar het artikel',
    },
    signals: {
      networkTitle: (name: string) => `Open signalen: ${name}`,
      none: 'Er zijn geen open signalen.',
      from: (name: string, date: string) => `Van ${name}, ${date}`,
      useful: 'Vond het artikel nuttig',
      notUseful: 'Vond het artikel niet nuttig',
      answerLabel: (name: string) => `Antwoord aan ${name}`,
      send: 'Antwoord versturen',
      answered: 'Beantwoord en afgesloten.',
      mineTitle: 'Mijn signalen',
      mineIntro: 'Je feedback op artikelen en de antwoorden van de auteurs.',
      mineEmpty: 'Je hebt nog geen feedback gegeven.',
      yourRemark: 'Jouw opmerking',
      status: { open: 'Wacht op antwoord', answered: 'Beantwoord', received: 'Ontvangen' },
      statusLabel: 'Status:',
      answerBy: (name: string, date: string) => `Antwoord van ${name}, ${date}`,
    },
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
    catalogue: 'Catalogue',
    paths: 'Learning paths',
    myLearning: 'My learning',
    academy: 'Academy management',
  },
  account: {
    signIn: 'Sign in',
    signOut: 'Sign out',
    signedInAs: 'Signed in as',
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
    loading: 'Loading…',
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
    quickIntro: 'Your starting points in the academy. Parts marked ‘Coming soon’ will follow.',
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
      team: {
        title: 'My team',
        text: 'See how your team is doing with mandatory training and ongoing learning paths.',
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
  signInRequired: {
    title: 'Sign-in required',
    page: 'Sign in to view this page.',
    cta: 'Log in',
  },
  knowledge: {
    title: 'Knowledge base',
    intro: 'Articles from our expert networks on diagnoses and themes: reviewed by lead experts and revised regularly.',
    audience: { internal: 'Employees', partners: 'Regional partners', public: 'Everyone' },
    audienceLabel: 'Audience:',
    languages: { nl: 'Dutch', en: 'English' },
    states: { editing: 'Draft', 'in-review': 'In review', returned: 'Returned', published: 'Published' },
    noAccessTitle: 'No access',
    search: {
      label: 'Search the knowledge base',
      submit: 'Search',
      filters: 'Refine',
      network: 'Network',
      allNetworks: 'All networks',
      theme: 'Theme',
      allThemes: 'All themes',
      audience: 'Audience',
      allAudiences: 'All audiences',
      language: 'Language',
      allLanguages: 'All languages',
      withCount: (label: string, n: number) => `${label} (${n})`,
      clear: 'Clear all',
      resultsTitle: 'Search results',
      count: (n: number) => (n === 1 ? '1 article' : `${n} articles`),
      none: 'No articles found. Try another search term or fewer filters.',
      busy: 'Searching…',
      pagination: 'Pagination',
      previous: 'Previous',
      next: 'Next',
      pageOf: (page: number, pages: number) => `Page ${page} of ${pages}`,
      published: 'Published',
    },
    article: {
      authors: 'Authors',
      network: 'Network',
      reviewed: (date: string, name: string) => `Last reviewed ${date} by ${name}`,
      reviewBy: (date: string) => `Review before ${date}`,
      themes: 'Themes',
      tags: 'Keywords',
      details: 'About this article',
      related: 'Related articles',
      relatedModules: 'Training on this topic',
      edit: 'Edit',
      history: 'History',
      signInTitle: 'Sign-in required',
      signIn: 'Sign in to read this article',
      notFoundTitle: 'Article not found',
      notFound: 'This article does not exist (any more) or is not available to you. Continue in the knowledge base.',
      toKnowledge: 'Go to the knowledge base',
      feedbackTitle: 'Was this article useful?',
      useful: 'Yes, useful',
      notUseful: 'Not useful',
      remark: 'Comment or question (optional)',
      remarkHint: 'Your comment or question goes to the network’s authors. You will find their answer under My feedback.',
      sending: 'Sending…',
      thanks: 'Thank you for your feedback',
      followUp: 'You will find the answer to your question under',
      mySignals: 'My feedback',
      signInForFeedback: 'Sign in to give feedback',
    },
    editor: {
      newTitle: 'New article',
      editTitle: (title: string) => `Edit: ${title}`,
      fields: 'Article',
      title: 'Title',
      summary: 'Summary',
      summaryHint: 'One or two sentences. Shown as the introduction and in search results.',
      network: 'Network',
      audience: 'Audience',
      audienceHints: {
        internal: 'signed-in employees only',
        partners: 'employees and regional partners',
        public: 'everyone, without signing in',
      },
      language: 'Language',
      tags: 'Keywords',
      themes: 'Themes',
      listHint: 'Separate with commas, for example: safety, relatives',
      coAuthors: 'Co-authors',
      coAuthorsHint: 'Members of the network who write with you; they are listed as authors of the article.',
      noCoAuthors: 'This network has no other members yet.',
      slug: 'Slug (optional)',
      slugHint: 'The last part of the link: lowercase letters, digits and hyphens only. Old links keep working after a change.',
      markdown: 'Text (Markdown)',
      markdownHint: 'Use ## for subheadings, - for lists and > [!TIP] for a box.',
      preview: 'Preview',
      previewEmpty: 'The preview appears here as soon as you type.',
      save: 'Save draft',
      submit: 'Submit for review',
      saving: 'Saving…',
      saved: (revision: number) => `Draft saved (revision ${revision}).`,
      submitted: 'The draft is now with the network’s lead experts for review.',
      state: 'Status',
      basedOn: (version: number) => `Based on published version ${version}`,
      lastSaved: (name: string, date: string) => `Last saved by ${name}, ${date}`,
      comments: 'Review comments',
      commentBy: (name: string, date: string) => `${name}, ${date}`,
      locked: 'This draft is in review and cannot be changed now.',
      toReview: 'Go to the review',
      viewPublished: 'View the published version',
      reload: 'Load the latest version',
      reloadConfirm: 'Load the latest version? Changes you have not saved will be lost.',
      reloaded: 'The latest version has been loaded.',
      required: 'Fill in this field.',
      noNetworks: 'You are not an author in any expert network yet. Ask a lead expert to add you.',
      attachments: {
        title: 'Attachments',
        saveFirst: 'Save a draft first to add attachments.',
        file: 'Add an image or PDF',
        fileHint: (max: string) => `PNG, JPEG, GIF, WebP or PDF, at most ${max}. The file is uploaded straight away.`,
        loading: 'Loading attachments…',
        none: 'No attachments yet.',
        insert: 'Insert into text',
        uploading: 'Uploading…',
        added: (name: string) => `Added: ${name}`,
        inserted: (name: string) => `Inserted into the text: ${name}`,
        wrongType: (name: string) => `${name} is not an image or PDF. Choose a PNG, JPEG, GIF, WebP or PDF file.`,
        tooLarge: (name: string, size: string, max: string) => `${name} is too large (${size}). An attachment may be at most ${max}.`,
        emptyFile: (name: string) => `${name} is empty. Choose another file.`,
        storageFailed: 'Upload failed',
        storageFailedDetail: (status: number) => `The storage did not accept the file (status ${status}). Please try again.`,
      },
    },
    work: {
      title: 'My editorial work',
      queue: 'To review',
      queueEmpty: 'There are no drafts waiting for review.',
      submittedBy: (name: string, date: string) => `Submitted by ${name} on ${date}`,
      review: 'Review',
      overdue: 'Past the review date',
      overdueEmpty: 'No articles past their review date.',
      drafts: 'Open drafts',
      draftsEmpty: 'No open drafts.',
      networks: 'My networks',
      roles: { lead: 'Lead expert', member: 'Member' },
      signals: 'Open feedback',
      newArticle: 'Write a new article',
      noNetworks: 'You are not a member of any expert network yet.',
      articles: 'Articles',
    },
    networkArticles: {
      title: (network: string) => `Articles: ${network}`,
      intro: 'All articles of the network with their status and what readers think of them. Archiving takes an article out of the knowledge base; its versions are kept.',
      none: 'This network has no articles yet.',
      article: 'Article',
      status: 'Status',
      audience: 'Audience',
      reviewBy: 'Review by',
      useful: 'Useful',
      notUseful: 'Not useful',
      open: 'Open signals',
      actions: 'Actions',
      published: (version: number) => `Published (version ${version})`,
      unpublished: 'Not published yet',
      archived: 'Archived',
      withDraft: (state: string) => ` + ${state.toLowerCase()}`,
      archive: 'Archive',
      confirm: (title: string) => `Archive ${title}? Readers and search will no longer find it.`,
      confirmYes: 'Yes, archive',
      cancel: 'Cancel',
      archivedNow: (title: string) => `${title} is archived.`,
      caption: (network: string) => `Articles of ${network}`,
    },
    review: {
      title: (title: string) => `Review: ${title}`,
      draft: 'Draft',
      note: 'Note on this version',
      noteHint: 'What is new or changed? This goes into the version history.',
      publishTitle: 'Publish',
      publish: 'Publish',
      comment: 'Comments for the author',
      returnTitle: 'Return',
      return: 'Return to author',
      published: (version: number) => `Version ${version} has been published.`,
      viewArticle: 'View the article',
      returned: 'The draft has been returned to the author.',
      notInReview: 'This draft is not (or no longer) in review.',
      noDraft: 'There is no open draft for this article.',
      toWork: 'Go to my editorial work',
    },
    history: {
      title: (title: string) => `History: ${title}`,
      versions: 'Versions',
      version: 'Version',
      date: 'Date',
      by: 'By',
      note: 'Note',
      none: 'This article has no published versions yet.',
      compare: 'Compare versions',
      from: 'From version',
      to: 'To version',
      show: 'Compare',
      onlyOne: 'There is only one version; comparing needs at least two.',
      diffTitle: (from: number, to: number) => `Difference between version ${from} and ${to}`,
      added: 'Added:',
      removed: 'Removed:',
      skipped: (n: number) => (n === 1 ? '1 unchanged line' : `${n} unchanged lines`),
      noChanges: 'The text of these versions is the same.',
      toArticle: 'Go to the article',
    },
    signals: {
      networkTitle: (name: string) => `Open feedback: ${name}`,
      none: 'There is no open feedback.',
      from: (name: string, date: string) => `From ${name}, ${date}`,
      useful: 'Found the article useful',
      notUseful: 'Did not find the article useful',
      answerLabel: (name: string) => `Answer to ${name}`,
      send: 'Send answer',
      answered: 'Answered and closed.',
      mineTitle: 'My feedback',
      mineIntro: 'Your feedback on articles and the authors’ answers.',
      mineEmpty: 'You have not given any feedback yet.',
      yourRemark: 'Your comment',
      status: { open: 'Awaiting answer', answered: 'Answered', received: 'Received' },
      statusLabel: 'Status:',
      answerBy: (name: string, date: string) => `Answer from ${name}, ${date}`,
    },
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
