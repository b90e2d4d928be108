/** The player's own text: Dutch first, English when the browser prefers it (navigator.language). */
const nl = {
  title: 'E-learning',
  toc: 'Inhoud',
  tocLabel: 'Inhoud van de e-learning',
  previous: 'Vorige',
  next: 'Volgende',
  frameTitle: (title: string) => `Lesinhoud: ${title}`,
  completed: 'afgerond',
  loading: 'De e-learning wordt geladen…',
  saving: 'Bezig met opslaan…',
  saved: 'Alles is opgeslagen',
  ready: 'Je voortgang wordt automatisch opgeslagen',
  pending: 'Nog niet opgeslagen — we proberen het opnieuw',
  offline: 'Geen verbinding: nog niet opgeslagen. Sluit dit venster niet; we slaan op zodra je weer online bent.',
  rejected: (reason: string) => `Niet opgeslagen: ${reason}`,
  expired: 'Je sessie voor deze e-learning is verlopen. Sluit dit venster en start de e-learning opnieuw vanuit je leeromgeving.',
  noLaunch: 'Deze pagina opent de e-learning vanuit je leeromgeving. Start de e-learning daar opnieuw.',
  loadFailed: 'De e-learning kon niet worden geladen. Probeer het later opnieuw.',
  finished: 'Je hebt deze e-learning afgesloten. Je kunt dit venster sluiten.',
};

type Messages = typeof nl;

const en: Messages = {
  title: 'E-learning',
  toc: 'Contents',
  tocLabel: 'Contents of the e-learning',
  previous: 'Previous',
  next: 'Next',
  frameTitle: (title: string) => `Lesson content: ${title}`,
  completed: 'completed',
  loading: 'Loading the e-learning…',
  saving: 'Saving…',
  saved: 'Everything is saved',
  ready: 'Your progress is saved automatically',
  pending: 'Not saved yet — we are trying again',
  offline: 'No connection: not saved yet. Do not close this window; we save as soon as you are back online.',
  rejected: (reason: string) => `Not saved: ${reason}`,
  expired: 'Your session for this e-learning has expired. Close this window and start the e-learning again from your learning environment.',
  noLaunch: 'This page opens the e-learning from your learning environment. Start the e-learning there again.',
  loadFailed: 'The e-learning could not be loaded. Please try again later.',
  finished: 'You have closed this e-learning. You can close this window.',
};

export const lang: 'nl' | 'en' = /^en\b/i.test(globalThis.navigator?.language ?? '') ? 'en' : 'nl';
export const t: Messages = lang === 'en' ? en : nl;
export const catalogues = { nl, en };
