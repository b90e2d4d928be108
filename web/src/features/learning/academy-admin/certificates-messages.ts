/**
 * UI text of the academy's certificates page (/academie/certificaten): the list with revocation
 * and the PE-online attendance export. Dutch first, English typed against it; loaded with the page.
 */
import { lang } from '../../../i18n';

const nl = {
  title: 'Certificaten en presentie',
  intro: 'Alle uitgegeven certificaten, nieuwste eerst. Trek een certificaat in als het ten onrechte is uitgegeven: de verificatiepagina zegt dat daarna. Daaronder de presentielijst voor PE-online.',
  list: 'Uitgegeven certificaten',
  caption: 'Uitgegeven certificaten, nieuwste eerst',
  none: 'Er zijn nog geen certificaten uitgegeven.',
  nameCol: 'Naam',
  titleCol: 'Titel',
  dateCol: 'Afgerond op',
  issuedCol: 'Uitgegeven op',
  codeCol: 'Verificatiecode',
  statusCol: 'Status',
  valid: 'Geldig',
  revoked: (date: string, by: string) => `Ingetrokken op ${date} door ${by}`,
  reasonShown: (reason: string) => `Reden: ${reason}`,
  revoke: 'Intrekken',
  revokeOf: (name: string, title: string) => `certificaat van ${name} voor ${title}`,
  reason: 'Reden van intrekken',
  reasonHint: 'Minstens 3 tekens; de academie ziet de reden, de verificatiepagina niet.',
  confirm: 'Certificaat intrekken',
  cancel: 'Annuleren',
  revokedDone: (code: string) => `Certificaat ${code} is ingetrokken.`,
  more: 'Meer laden',
  export: 'Presentielijst voor PE-online',
  exportIntro: 'Per geaccrediteerde cursus en editie: één regel per deelnemer die de module heeft afgerond, met registratienummer, naam, datum van afronding (dd-mm-jjjj), cursus-id, editie-id en punten. Deelnemers zonder registratienummer bij het register staan erin met een markering in de laatste kolom.',
  register: 'Register',
  chooseRegister: 'Kies een register',
  course: 'Cursus-id (accreditatienummer)',
  courseHint: 'Zoals in PE-online, bijvoorbeeld VVN-2026-48213.',
  edition: 'Editie-id',
  editionHint: 'Leeg laten voor alle edities van de cursus.',
  from: 'Afgerond vanaf',
  to: 'Afgerond tot en met',
  download: 'Download CSV',
  downloadAgain: 'Presentielijst (CSV)',
  required: 'Vul dit in',
};

export type CertificateAdminMessages = typeof nl;

const en: CertificateAdminMessages = {
  title: 'Certificates and attendance',
  intro: 'Every certificate issued, newest first. Revoke a certificate that was issued wrongly: the verify page says so afterwards. Below, the attendance list for PE-online.',
  list: 'Certificates issued',
  caption: 'Certificates issued, newest first',
  none: 'No certificates have been issued yet.',
  nameCol: 'Name',
  titleCol: 'Title',
  dateCol: 'Completed on',
  issuedCol: 'Issued on',
  codeCol: 'Verification code',
  statusCol: 'Status',
  valid: 'Valid',
  revoked: (date: string, by: string) => `Revoked on ${date} by ${by}`,
  reasonShown: (reason: string) => `Reason: ${reason}`,
  revoke: 'Revoke',
  revokeOf: (name: string, title: string) => `certificate of ${name} for ${title}`,
  reason: 'Reason for revoking',
  reasonHint: 'At least 3 characters; the academy sees the reason, the verify page does not.',
  confirm: 'Revoke certificate',
  cancel: 'Cancel',
  revokedDone: (code: string) => `Certificate ${code} has been revoked.`,
  more: 'Load more',
  export: 'Attendance list for PE-online',
  exportIntro: 'Per accredited course and edition: one row per participant who completed the module, with registration number, name, date of completion (dd-mm-yyyy), course id, edition id and points. Participants without a registration number at the register are included with a flag in the last column.',
  register: 'Register',
  chooseRegister: 'Choose a register',
  course: 'Course id (accreditation number)',
  courseHint: 'As in PE-online, for example VVN-2026-48213.',
  edition: 'Edition id',
  editionHint: 'Leave empty for every edition of the course.',
  from: 'Completed from',
  to: 'Completed up to and including',
  download: 'Download CSV',
  downloadAgain: 'Attendance list (CSV)',
  required: 'Fill this in',
};

/** Exposed for a parity test: both catalogues must have the same shape. */
export const __certificateAdminCatalogues = { nl, en };

export function cat(): CertificateAdminMessages {
  return lang() === 'en' ? en : nl;
}
