/**
 * What the manifest parser tells an author, in Dutch and English. Errors refuse the package;
 * warnings are kept with the package model (something was ignored, the package still plays).
 * All texts are plain text: the consumer escapes them like any other text.
 */

export type ManifestErrorCode =
  | 'empty'
  | 'xml-invalid'
  | 'xml-dtd'
  | 'not-a-manifest'
  | 'unsupported-schema'
  | 'no-organizations'
  | 'no-resources'
  | 'duplicate-identifier'
  | 'unknown-resource'
  | 'resource-without-href'
  | 'unsafe-href'
  | 'unknown-sequencing-ref'
  | 'no-launchable';

export interface ManifestError {
  code: ManifestErrorCode;
  /** Dutch message for the author. */
  nl: string;
  /** English message for the author. */
  en: string;
  /** Line in imsmanifest.xml, when the XML parser knows it. */
  line?: number;
}

export type ManifestWarningCode =
  | 'unknown-default-organization'
  | 'invalid-value'
  | 'unknown-sequencing-vocabulary'
  | 'missing-scorm-type'
  | 'unsupported-by-runtime';

export interface ManifestWarning {
  code: ManifestWarningCode;
  nl: string;
  en: string;
}

/** Quote a value from the manifest in a message (shortened: messages stay readable). */
const q = (value: string) => `"${value.length > 120 ? `${value.slice(0, 117)}...` : value}"`;

export const manifestErrors = {
  empty: (): ManifestError => ({ code: 'empty', nl: 'imsmanifest.xml is leeg', en: 'imsmanifest.xml is empty' }),
  xmlInvalid: (line?: number, reason?: string): ManifestError => ({
    code: 'xml-invalid',
    nl: `imsmanifest.xml is geen geldige XML${line ? ` (regel ${line})` : ''}`,
    en: `imsmanifest.xml is not valid XML${line ? ` (line ${line})` : ''}${reason ? `: ${reason}` : ''}`,
    ...(line ? { line } : {}),
  }),
  xmlDtd: (): ManifestError => ({
    code: 'xml-dtd',
    nl: 'imsmanifest.xml bevat een DOCTYPE met eigen declaraties (zoals ENTITY); die verwerken we om veiligheidsredenen niet. Verwijder de DOCTYPE.',
    en: 'imsmanifest.xml contains a DOCTYPE with its own declarations (such as ENTITY), which are not processed for security reasons. Remove the DOCTYPE.',
  }),
  notAManifest: (root: string): ManifestError => ({
    code: 'not-a-manifest',
    nl: `imsmanifest.xml is geen IMS/SCORM-manifest (het hoofdelement is ${q(root)} in plaats van "manifest")`,
    en: `imsmanifest.xml is not an IMS/SCORM manifest (its root element is ${q(root)} instead of "manifest")`,
  }),
  unsupportedSchema: (value: string): ManifestError => ({
    code: 'unsupported-schema',
    nl: `Deze SCORM-versie wordt niet ondersteund (${q(value)}). Exporteer het pakket als SCORM 1.2 of SCORM 2004 (2e, 3e of 4e editie).`,
    en: `This SCORM version is not supported (${q(value)}). Export the package as SCORM 1.2 or SCORM 2004 (2nd, 3rd or 4th edition).`,
  }),
  noOrganizations: (): ManifestError => ({
    code: 'no-organizations',
    nl: 'imsmanifest.xml bevat geen organisatie (<organizations> met een <organization>): er is niets om af te spelen',
    en: 'imsmanifest.xml has no organization (<organizations> with an <organization>): there is nothing to play',
  }),
  noResources: (): ManifestError => ({
    code: 'no-resources',
    nl: 'imsmanifest.xml bevat geen bronnen (<resources> met een <resource>)',
    en: 'imsmanifest.xml has no resources (<resources> with a <resource>)',
  }),
  duplicateIdentifier: (id: string): ManifestError => ({
    code: 'duplicate-identifier',
    nl: `De identifier ${q(id)} komt meer dan één keer voor in imsmanifest.xml`,
    en: `The identifier ${q(id)} occurs more than once in imsmanifest.xml`,
  }),
  unknownResource: (itemId: string, ref: string): ManifestError => ({
    code: 'unknown-resource',
    nl: `Onderdeel ${q(itemId)} verwijst naar bron ${q(ref)}, maar die bron staat niet in imsmanifest.xml`,
    en: `Item ${q(itemId)} refers to resource ${q(ref)}, which is not in imsmanifest.xml`,
  }),
  resourceWithoutHref: (resourceId: string): ManifestError => ({
    code: 'resource-without-href',
    nl: `Bron ${q(resourceId)} wordt gestart vanuit de inhoudsopgave maar heeft geen href (startbestand)`,
    en: `Resource ${q(resourceId)} is launched from the table of contents but has no href (launch file)`,
  }),
  unsafeHref: (where: string, href: string): ManifestError => ({
    code: 'unsafe-href',
    nl: `Het startadres ${q(href)} van ${q(where)} wijst buiten het pakket (absoluut pad, "..", of een adres met schema zoals http:). Alle bestanden moeten in het pakket zelf staan.`,
    en: `The launch address ${q(href)} of ${q(where)} points outside the package (absolute path, "..", or an address with a scheme such as http:). Every file must be inside the package.`,
  }),
  unknownSequencingRef: (owner: string, ref: string): ManifestError => ({
    code: 'unknown-sequencing-ref',
    nl: `${q(owner)} verwijst naar sequencing-definitie ${q(ref)} (IDRef), maar die staat niet in <sequencingCollection>`,
    en: `${q(owner)} refers to sequencing definition ${q(ref)} (IDRef), which is not in <sequencingCollection>`,
  }),
  noLaunchable: (): ManifestError => ({
    code: 'no-launchable',
    nl: 'De standaardorganisatie in imsmanifest.xml bevat geen enkel onderdeel dat gestart kan worden',
    en: 'The default organization in imsmanifest.xml has no item that can be launched',
  }),
};

export const manifestWarnings = {
  unknownDefaultOrganization: (ref: string): ManifestWarning => ({
    code: 'unknown-default-organization',
    nl: `De standaardorganisatie ${q(ref)} bestaat niet; de eerste organisatie wordt gebruikt`,
    en: `The default organization ${q(ref)} does not exist; the first organization is used`,
  }),
  invalidValue: (where: string, name: string, value: string): ManifestWarning => ({
    code: 'invalid-value',
    nl: `Ongeldige waarde ${q(value)} voor ${name} bij ${q(where)}; genegeerd`,
    en: `Invalid value ${q(value)} for ${name} at ${q(where)}; ignored`,
  }),
  unknownVocabulary: (where: string, name: string, value: string): ManifestWarning => ({
    code: 'unknown-sequencing-vocabulary',
    nl: `Onbekende ${name} ${q(value)} in de sequencing van ${q(where)}; de regel is genegeerd`,
    en: `Unknown ${name} ${q(value)} in the sequencing of ${q(where)}; the rule is ignored`,
  }),
  missingScormType: (resourceId: string): ManifestWarning => ({
    code: 'missing-scorm-type',
    nl: `Bron ${q(resourceId)} heeft geen adlcp:scormType; behandeld als asset (geen SCORM-communicatie)`,
    en: `Resource ${q(resourceId)} has no adlcp:scormType; treated as an asset (no SCORM communication)`,
  }),
  unsupportedByRuntime: (where: string, what: string): ManifestWarning => ({
    code: 'unsupported-by-runtime',
    nl: `${what} bij ${q(where)} wordt door de speler (scorm-again) niet ondersteund en telt als "niet waar"`,
    en: `${what} at ${q(where)} is not supported by the player (scorm-again) and evaluates as "false"`,
  }),
};
