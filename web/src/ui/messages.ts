/**
 * Text of the shared UI pieces that only feature pages use (page shells for sign-in and failure,
 * language names, the pager). Kept out of the shell's `i18n.ts` so the first load does not carry
 * it; it travels in the shared chunk with `ui/page.ts` and friends.
 */
import { lang } from '../i18n';

const nl = {
  signInRequired: {
    title: 'Aanmelden vereist',
    page: 'Meld je aan om deze pagina te bekijken.',
    cta: 'Meld je aan',
  },
  noAccessTitle: 'Geen toegang',
  languages: { nl: 'Nederlands', en: 'Engels' } as Record<string, string>,
  pager: {
    label: 'Paginering',
    previous: 'Vorige',
    next: 'Volgende',
    pageOf: (page: number, pages: number) => `Pagina ${page} van ${pages}`,
  },
  withCount: (label: string, n: number) => `${label} (${n})`,
  upload: {
    failed: 'Uploaden mislukt',
    failedDetail: (status: number) => `De opslag nam het bestand niet aan (status ${status}). Probeer het opnieuw.`,
  },
};

export type UiMessages = typeof nl;

const en: UiMessages = {
  signInRequired: {
    title: 'Sign-in required',
    page: 'Sign in to view this page.',
    cta: 'Log in',
  },
  noAccessTitle: 'No access',
  languages: { nl: 'Dutch', en: 'English' },
  pager: {
    label: 'Pagination',
    previous: 'Previous',
    next: 'Next',
    pageOf: (page: number, pages: number) => `Page ${page} of ${pages}`,
  },
  withCount: (label: string, n: number) => `${label} (${n})`,
  upload: {
    failed: 'Upload failed',
    failedDetail: (status: number) => `The storage did not accept the file (status ${status}). Please try again.`,
  },
};

/** Exposed for a parity test: both catalogues must have the same shape. */
export const __uiCatalogues = { nl, en };

export function ut(): UiMessages {
  return lang() === 'en' ? en : nl;
}
