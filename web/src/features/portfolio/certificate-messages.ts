/**
 * UI text of the certificate pages (/portfolio/certificaten, /verify/:code), Dutch first, English
 * typed against it. Loaded with those pages only.
 */
import { lang } from '../../i18n';

const nl = {
  mine: {
    title: 'Mijn certificaten',
    intro: 'Een certificaat voor elke module en elk leerpad dat je hebt afgerond. Iedereen met de verificatiecode of de QR-code kan controleren dat het echt is; ze zien dan alleen je naam, de titel en de datum.',
    empty: 'Je hebt nog niets afgerond. Zodra je een module of leerpad afrondt, kun je hier het certificaat downloaden.',
    caption: 'Afgeronde modules en leerpaden met hun certificaat',
    titleCol: 'Titel',
    kindCol: 'Soort',
    dateCol: 'Afgerond op',
    pointsCol: 'Accreditatie',
    codeCol: 'Verificatiecode',
    downloadCol: 'Certificaat',
    kinds: { module: 'Module', path: 'Leerpad' } as Record<string, string>,
    points: (n: number) => `${String(n).replace('.', ',')} ${n === 1 ? 'punt' : 'punten'}`,
    notIssued: 'Nog niet uitgegeven',
    revoked: (date: string) => `Ingetrokken op ${date}`,
    download: 'Download PDF',
    downloadOf: (title: string) => `certificaat van ${title}`,
    check: 'Controleren',
    issued: 'Het certificaat is gedownload.',
  },
  verify: {
    title: 'Certificaat controleren',
    intro: 'Controleer of een certificaat van de GGZ Academie echt is.',
    valid: 'Geldig certificaat',
    validText: 'Dit certificaat is uitgegeven door de GGZ Academie.',
    revoked: 'Ingetrokken certificaat',
    revokedText: (date: string) => `De academie heeft dit certificaat ingetrokken op ${date}. Het is niet meer geldig.`,
    notFound: 'Certificaat niet gevonden',
    notFoundText: 'Er is geen certificaat met deze code. Controleer de code, of het certificaat is ingetrokken en verwijderd.',
    name: 'Naam',
    course: 'Titel',
    date: 'Afgerond op',
    code: 'Verificatiecode',
    another: 'Een andere code controleren',
    codeLabel: 'Verificatiecode',
    codeHint: 'Vijftien tekens, zoals 7K2QD-M9XTA-4PZ1R.',
    submit: 'Controleren',
  },
};

export type CertificateMessages = typeof nl;

const en: CertificateMessages = {
  mine: {
    title: 'My certificates',
    intro: 'A certificate for every module and learning path you completed. Anyone with the verification code or the QR code can check that it is genuine; they then see only your name, the title and the date.',
    empty: 'You have not completed anything yet. Once you complete a module or learning path, you can download its certificate here.',
    caption: 'Completed modules and learning paths with their certificate',
    titleCol: 'Title',
    kindCol: 'Type',
    dateCol: 'Completed on',
    pointsCol: 'Accreditation',
    codeCol: 'Verification code',
    downloadCol: 'Certificate',
    kinds: { module: 'Module', path: 'Learning path' },
    points: (n: number) => `${n} ${n === 1 ? 'point' : 'points'}`,
    notIssued: 'Not issued yet',
    revoked: (date: string) => `Revoked on ${date}`,
    download: 'Download PDF',
    downloadOf: (title: string) => `certificate of ${title}`,
    check: 'Verify',
    issued: 'The certificate has been downloaded.',
  },
  verify: {
    title: 'Verify a certificate',
    intro: 'Check whether a certificate of the GGZ Academie is genuine.',
    valid: 'Valid certificate',
    validText: 'This certificate was issued by the GGZ Academie.',
    revoked: 'Revoked certificate',
    revokedText: (date: string) => `The academy revoked this certificate on ${date}. It is no longer valid.`,
    notFound: 'Certificate not found',
    notFoundText: 'There is no certificate with this code. Check the code; or the certificate was revoked and removed.',
    name: 'Name',
    course: 'Title',
    date: 'Completed on',
    code: 'Verification code',
    another: 'Verify another code',
    codeLabel: 'Verification code',
    codeHint: 'Fifteen characters, such as 7K2QD-M9XTA-4PZ1R.',
    submit: 'Verify',
  },
};

/** Exposed for a parity test: both catalogues must have the same shape. */
export const __certificateCatalogues = { nl, en };

export function ct(): CertificateMessages {
  return lang() === 'en' ? en : nl;
}
