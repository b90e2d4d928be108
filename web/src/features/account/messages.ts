/**
 * Text of the account pages (two-step verification), Dutch first, English typed against it.
 * Loaded with the page, never with the shell; follows the shell's language (`lang()`).
 */
import { lang } from '../../i18n';

const nl = {
  twoStep: {
    title: 'Tweestapsverificatie',
    intro:
      'Met tweestapsverificatie vraagt de academie bij het aanmelden, naast je wachtwoord, om een code uit een authenticator-app op je telefoon. ' +
      'Zo kan niemand met alleen je wachtwoord bij je account.',
    adminNote: 'Voor academiebeheer is tweestapsverificatie verplicht: zonder krijg je die rechten niet.',
    local:
      'Tweestapsverificatie stel je in de academie zelf in, via de aanmelding van de organisatie. ' +
      'In deze lokale demo-omgeving meld je je aan zonder wachtwoord en zonder tweede stap, dus hier is niets in te stellen.',
    loading: 'Bezig met ophalen…',
    isOn: 'Tweestapsverificatie staat aan. Bij het aanmelden vragen we om een code uit je authenticator-app.',
    isOff: 'Tweestapsverificatie staat nog niet aan.',
    start: 'Authenticator-app koppelen',
    replace: 'Een andere app koppelen',
    replaceHint: 'Bijvoorbeeld na het wisselen van telefoon. De oude app werkt niet meer zodra de nieuwe is gekoppeld.',
    starting: 'Even geduld…',
    step1: 'Stap 1: scan de QR-code',
    step1Text: 'Open je authenticator-app (bijvoorbeeld Microsoft Authenticator of Google Authenticator), kies een account toevoegen en scan deze code.',
    qrLabel: 'QR-code om de academie aan je authenticator-app toe te voegen',
    manual: 'Scannen lukt niet? Voer dan deze sleutel in (tijdgebaseerd, 6 cijfers):',
    secretLabel: 'Sleutel',
    step2: 'Stap 2: voer de code uit de app in',
    codeLabel: 'Code uit de app (6 cijfers)',
    codeHint: 'De code verandert elke 30 seconden. Gebruik de nieuwste.',
    codeInvalid: 'Vul de 6 cijfers uit je authenticator-app in.',
    verify: 'Controleren en aanzetten',
    verifying: 'Bezig met controleren…',
    cancel: 'Annuleren',
    deviceName: 'Authenticator-app',
    doneTitle: 'Tweestapsverificatie staat aan',
    doneText: 'Je authenticator-app is gekoppeld. Vanaf nu vragen we bij het aanmelden om een code uit de app.',
    signInAgain: 'Meld je af en opnieuw aan: pas dan krijg je de rechten die tweestapsverificatie vereisen, zoals academiebeheer.',
    signOut: 'Afmelden',
    needsSignIn: 'Meld je opnieuw aan om tweestapsverificatie in te stellen. Je komt daarna terug op deze pagina.',
    signInCta: 'Opnieuw aanmelden',
  },
  errors: {
    'wrong-code': { title: 'De code klopt niet', detail: 'Controleer of de tijd op je telefoon goed staat en vul de nieuwste code uit de app in.' },
    session: { title: 'Opnieuw aanmelden nodig', detail: 'Je sessie is verlopen of geeft geen toegang tot deze instelling. Meld je opnieuw aan.' },
    'too-many': { title: 'Te veel pogingen', detail: 'Wacht een paar minuten en probeer het dan opnieuw.' },
    restart: { title: 'Begin opnieuw', detail: 'Deze koppeling is niet meer geldig. Start het koppelen opnieuw.' },
    network: { title: 'Geen verbinding', detail: 'De aanmeldservice is niet bereikbaar. Controleer je internetverbinding en probeer het opnieuw.' },
    other: { title: 'Er ging iets mis', detail: 'Tweestapsverificatie kon niet worden ingesteld. Probeer het later opnieuw.' },
  },
};

export type AccountMessages = typeof nl;

const en: AccountMessages = {
  twoStep: {
    title: 'Two-step verification',
    intro:
      'With two-step verification the academy asks, when you sign in, for a code from an authenticator app on your phone as well as your password. ' +
      'Nobody can get into your account with your password alone.',
    adminNote: 'Two-step verification is required for academy management: without it you do not get those rights.',
    local:
      'In the academy itself you set up two-step verification through the organisation’s sign-in. ' +
      'In this local demo environment you sign in without a password or a second step, so there is nothing to set up here.',
    loading: 'Loading…',
    isOn: 'Two-step verification is on. When you sign in we ask for a code from your authenticator app.',
    isOff: 'Two-step verification is not on yet.',
    start: 'Link an authenticator app',
    replace: 'Link a different app',
    replaceHint: 'For example after changing phones. The old app stops working once the new one is linked.',
    starting: 'One moment…',
    step1: 'Step 1: scan the QR code',
    step1Text: 'Open your authenticator app (for example Microsoft Authenticator or Google Authenticator), choose to add an account and scan this code.',
    qrLabel: 'QR code to add the academy to your authenticator app',
    manual: 'Cannot scan? Enter this key instead (time-based, 6 digits):',
    secretLabel: 'Key',
    step2: 'Step 2: enter the code from the app',
    codeLabel: 'Code from the app (6 digits)',
    codeHint: 'The code changes every 30 seconds. Use the latest one.',
    codeInvalid: 'Enter the 6 digits from your authenticator app.',
    verify: 'Check and turn on',
    verifying: 'Checking…',
    cancel: 'Cancel',
    deviceName: 'Authenticator app',
    doneTitle: 'Two-step verification is on',
    doneText: 'Your authenticator app is linked. From now on we ask for a code from the app when you sign in.',
    signInAgain: 'Sign out and sign in again: only then do you get the rights that require two-step verification, such as academy management.',
    signOut: 'Sign out',
    needsSignIn: 'Sign in again to set up two-step verification. You will come back to this page afterwards.',
    signInCta: 'Sign in again',
  },
  errors: {
    'wrong-code': { title: 'The code is not right', detail: 'Check that the time on your phone is correct and enter the latest code from the app.' },
    session: { title: 'Please sign in again', detail: 'Your session has expired or does not give access to this setting. Sign in again.' },
    'too-many': { title: 'Too many attempts', detail: 'Wait a few minutes and try again.' },
    restart: { title: 'Start again', detail: 'This link is no longer valid. Start linking again.' },
    network: { title: 'No connection', detail: 'The sign-in service cannot be reached. Check your internet connection and try again.' },
    other: { title: 'Something went wrong', detail: 'Two-step verification could not be set up. Please try again later.' },
  },
};

export function act(): AccountMessages {
  return lang() === 'en' ? en : nl;
}

/** Both catalogues, for the parity test. */
export const __accountCatalogues = { nl, en };
