/**
 * The rules a SCORM package (a zip an authoring tool made) must meet before anything of it is
 * stored: pure checks over the zip's central directory, each with the message an author
 * understands, in Dutch and English. The import job (../import/job.ts) applies them while it
 * streams the zip; nothing here does I/O.
 */
import { text, type Text } from '../../platform/domain/text';
import type { Item, PackageManifest } from './model';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

export const importLimits = {
  /** The uploaded zip itself (the presigned POST's bound, checked again on arrival and by the job). */
  maxZipBytes: 1 * GiB,
  /** Entries in the zip, directories included. */
  maxEntries: 20_000,
  /** Everything unpacked together: declared in the central directory, and counted while streaming. */
  maxUnpackedBytes: 1 * GiB,
  /** An entry may unpack to at most this many times its packed size… */
  maxCompressionRatio: 100,
  /** …once it is larger than this (small text files legitimately compress very well). */
  ratioCheckedAboveBytes: 4 * MiB,
  /** imsmanifest.xml is read into memory to be parsed. */
  maxManifestBytes: 8 * MiB,
  /** S3 keys are at most 1,024 bytes; the version prefix takes about 100 of them. */
  maxPathBytes: 900,
} as const;

/** Why a package was refused: a stable code (for the web and tests) and the message, in both languages. */
export interface ImportFailure extends Text {
  code: string;
}

export const failure = (code: string, t: Text): ImportFailure => ({ code, ...t });

/** Thrown by the import job for a package that breaks a rule; carries the author's message. */
export class PackageRejected extends Error {
  constructor(readonly failure: ImportFailure) {
    super(failure.en);
    this.name = 'PackageRejected';
  }
}

/** Names in messages are shown as given, but never longer than a line. */
const shown = (name: string) => (name.length > 120 ? `${name.slice(0, 117)}…` : name);
const mb = (bytes: number) => `${Math.round((bytes / MiB) * 10) / 10} MB`;

export const failures = {
  notZip: () =>
    failure('not-a-zip', text(
      'Dit is geen zip-bestand (of het is beschadigd). Exporteer het pakket opnieuw als SCORM-zip uit je auteurstool.',
      'This is not a zip file (or it is damaged). Export the package again as a SCORM zip from your authoring tool.',
    )),
  empty: () => failure('empty', text('Het bestand is leeg.', 'The file is empty.')),
  zipTooLarge: (bytes: number) =>
    failure('zip-too-large', text(
      `Het pakket is ${mb(bytes)}; een SCORM-pakket mag hoogstens ${mb(importLimits.maxZipBytes)} zijn.`,
      `The package is ${mb(bytes)}; a SCORM package may be at most ${mb(importLimits.maxZipBytes)}.`,
    )),
  damaged: (name?: string) =>
    failure('damaged', text(
      name ? `Het bestand "${shown(name)}" in de zip is beschadigd of klopt niet met de inhoudsopgave van de zip. Pak het pakket opnieuw in.` : 'De zip is beschadigd of onvolledig. Pak het pakket opnieuw in en upload het nog eens.',
      name ? `The file "${shown(name)}" in the zip is damaged or does not match the zip's table of contents. Pack the package again.` : 'The zip is damaged or incomplete. Pack the package again and upload it once more.',
    )),
  tooManyEntries: (count: number) =>
    failure('too-many-entries', text(
      `De zip bevat ${count.toLocaleString('nl-NL')} bestanden en mappen; hoogstens ${importLimits.maxEntries.toLocaleString('nl-NL')} zijn toegestaan.`,
      `The zip holds ${count.toLocaleString('en-GB')} files and folders; at most ${importLimits.maxEntries.toLocaleString('en-GB')} are allowed.`,
    )),
  tooLargeUnpacked: (bytes: number) =>
    failure('too-large-unpacked', text(
      `Uitgepakt is het pakket meer dan ${mb(importLimits.maxUnpackedBytes)} (minstens ${mb(bytes)}); hoogstens ${mb(importLimits.maxUnpackedBytes)} is toegestaan.`,
      `Unpacked, the package is more than ${mb(importLimits.maxUnpackedBytes)} (at least ${mb(bytes)}); at most ${mb(importLimits.maxUnpackedBytes)} is allowed.`,
    )),
  compressionRatio: (name: string, ratio: number) =>
    failure('compression-ratio', text(
      `Het bestand "${shown(name)}" wordt bij uitpakken ${Math.round(ratio)} keer zo groot; dat wijst op een zip-bom. Hoogstens ${importLimits.maxCompressionRatio} keer is toegestaan.`,
      `The file "${shown(name)}" grows ${Math.round(ratio)} times when unpacked, which suggests a zip bomb. At most ${importLimits.maxCompressionRatio} times is allowed.`,
    )),
  sizeMismatch: (name: string) =>
    failure('size-mismatch', text(
      `Het bestand "${shown(name)}" is uitgepakt groter dan de zip opgeeft. Pak het pakket opnieuw in.`,
      `The file "${shown(name)}" is larger unpacked than the zip declares. Pack the package again.`,
    )),
  traversal: (name: string) =>
    failure('path-traversal', text(
      `Het pad "${shown(name)}" verwijst met ".." naar een map buiten het pakket; dat is niet toegestaan.`,
      `The path "${shown(name)}" uses ".." to point outside the package; that is not allowed.`,
    )),
  absolute: (name: string) =>
    failure('absolute-path', text(
      `Het pad "${shown(name)}" is absoluut (begint met "/" of een stationsletter); alle paden in het pakket moeten relatief zijn.`,
      `The path "${shown(name)}" is absolute (starts with "/" or a drive letter); every path in the package must be relative.`,
    )),
  backslash: (name: string) =>
    failure('backslash-path', text(
      `Het pad "${shown(name)}" bevat een backslash (\\). Pak het pakket opnieuw in met een zip-programma dat "/" gebruikt.`,
      `The path "${shown(name)}" contains a backslash (\\). Pack the package again with a zip tool that uses "/".`,
    )),
  badName: (name: string) =>
    failure('invalid-path', text(
      `Het pad "${shown(name)}" is ongeldig (leeg, te lang, met lege of "."-delen of met stuurtekens).`,
      `The path "${shown(name)}" is invalid (empty, too long, with empty or "." parts, or with control characters).`,
    )),
  symlink: (name: string) =>
    failure('symlink', text(
      `"${shown(name)}" is een symbolische koppeling; koppelingen zijn niet toegestaan in een pakket.`,
      `"${shown(name)}" is a symbolic link; links are not allowed in a package.`,
    )),
  encrypted: (name: string) =>
    failure('encrypted', text(
      `Het bestand "${shown(name)}" is versleuteld (met een wachtwoord); upload het pakket zonder wachtwoord.`,
      `The file "${shown(name)}" is encrypted (password-protected); upload the package without a password.`,
    )),
  compressionMethod: (name: string) =>
    failure('compression-method', text(
      `Het bestand "${shown(name)}" gebruikt een compressiemethode die niet wordt ondersteund; pak het pakket opnieuw in met de standaardmethode (Deflate).`,
      `The file "${shown(name)}" uses an unsupported compression method; pack the package again with the standard method (Deflate).`,
    )),
  duplicate: (name: string, other: string) =>
    failure('duplicate-name', text(
      name === other
        ? `Het pad "${shown(name)}" komt twee keer voor in de zip.`
        : `De paden "${shown(other)}" en "${shown(name)}" verschillen alleen in hoofdletters; op de meeste systemen is dat hetzelfde bestand.`,
      name === other
        ? `The path "${shown(name)}" occurs twice in the zip.`
        : `The paths "${shown(other)}" and "${shown(name)}" differ only in upper/lower case; on most systems that is the same file.`,
    )),
  noManifest: () =>
    failure('no-manifest', text(
      'Het pakket heeft geen imsmanifest.xml in de hoofdmap. Is het een SCORM-export? Exporteer als SCORM 1.2 of SCORM 2004.',
      'The package has no imsmanifest.xml in its root folder. Is it a SCORM export? Export as SCORM 1.2 or SCORM 2004.',
    )),
  manifestInFolder: (path: string) =>
    failure('manifest-not-at-root', text(
      `imsmanifest.xml staat in de map "${shown(path)}" in plaats van in de hoofdmap van de zip. Zip de inhoud van die map, niet de map zelf.`,
      `imsmanifest.xml is in the folder "${shown(path)}" instead of the zip's root. Zip the contents of that folder, not the folder itself.`,
    )),
  manifestTooLarge: (bytes: number) =>
    failure('manifest-too-large', text(
      `imsmanifest.xml is ${mb(bytes)}; hoogstens ${mb(importLimits.maxManifestBytes)} is toegestaan.`,
      `imsmanifest.xml is ${mb(bytes)}; at most ${mb(importLimits.maxManifestBytes)} is allowed.`,
    )),
  launchMissing: (href: string) =>
    failure('launch-missing', text(
      `Het manifest start een les met "${shown(href)}", maar dat bestand zit niet in de zip.`,
      `The manifest launches a lesson with "${shown(href)}", but that file is not in the zip.`,
    )),
  nothingToLaunch: () =>
    failure('nothing-to-launch', text(
      'Het manifest noemt geen enkele les (SCO of asset met een startbestand) om te starten.',
      'The manifest names no lesson (SCO or asset with a launch file) to start.',
    )),
  internal: () =>
    failure('internal', text(
      'Het importeren is mislukt door een storing bij ons, niet door het pakket. Upload het pakket later opnieuw.',
      'The import failed because of a fault on our side, not because of the package. Upload the package again later.',
    )),
  stalled: () =>
    failure('stalled', text(
      'Het importeren is onverwacht gestopt. Upload het pakket opnieuw.',
      'The import stopped unexpectedly. Upload the package again.',
    )),
} as const;

// ---- entry names ---------------------------------------------------------------------------------

/** Unix file type bits in the high 16 bits of a zip entry's external attributes. */
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

/** A symbolic link, by the Unix mode a zip tool stored in the entry's external attributes. */
export const isSymlink = (externalFileAttributes: number) => ((externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK;

/** Traditional (bit 0) or strong (bit 6) encryption, from the general purpose bit flag. */
export const isEncrypted = (generalPurposeBitFlag: number) => (generalPurposeBitFlag & 0x1) !== 0 || (generalPurposeBitFlag & 0x40) !== 0;

/** A directory entry: its name ends in "/". */
export const isDirectory = (name: string) => name.endsWith('/');

/**
 * Checks one entry's path; undefined when it is a safe relative path. Rejects traversal (".."),
 * absolute paths ("/…", "C:…", "\\server"), backslashes, empty, "." or control-character parts,
 * and names that would not fit in an S3 key.
 */
export function checkEntryPath(name: string): ImportFailure | undefined {
  if (name.length === 0) return failures.badName(name);
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name) || name.startsWith('\\\\')) return failures.absolute(name);
  const parts = name.split(/[\\/]/);
  if (parts.includes('..')) return failures.traversal(name);
  if (name.includes('\\')) return failures.backslash(name);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return failures.badName(name);
  const inner = isDirectory(name) ? parts.slice(0, -1) : parts;
  if (inner.some((p) => p === '' || p === '.')) return failures.badName(name);
  if (new TextEncoder().encode(name).length > importLimits.maxPathBytes) return failures.badName(name);
  return undefined;
}

/**
 * The compression-ratio rule: an entry that unpacks to more than `maxCompressionRatio` times its
 * packed size is refused once it is larger than `ratioCheckedAboveBytes`. Returns the ratio when
 * it breaks the rule.
 */
export function excessiveRatio(uncompressedSize: number, compressedSize: number): number | undefined {
  if (uncompressedSize <= importLimits.ratioCheckedAboveBytes) return undefined;
  const ratio = uncompressedSize / Math.max(compressedSize, 1);
  return ratio > importLimits.maxCompressionRatio ? ratio : undefined;
}

/** The key two names share when they differ only in case (or Unicode normal form): such names collide on Windows and macOS. */
export const caseFoldKey = (name: string) => name.normalize('NFC').toLowerCase().replace(/\/$/, '');

/**
 * Detects names that occur twice, also when they differ only in case. Feed every name; `add`
 * returns the name it collides with, if any.
 */
export function duplicateDetector() {
  const seen = new Map<string, string>();
  return {
    add(name: string): string | undefined {
      const key = caseFoldKey(name);
      const other = seen.get(key);
      if (other !== undefined) return other;
      seen.set(key, name);
      return undefined;
    },
  };
}

/** Every entry-level rule at once, in the order an author can best act on. */
export function checkEntry(e: { name: string; externalFileAttributes: number; generalPurposeBitFlag: number; compressionMethod: number; compressedSize: number; uncompressedSize: number }): ImportFailure | undefined {
  const pathProblem = checkEntryPath(e.name);
  if (pathProblem) return pathProblem;
  if (isSymlink(e.externalFileAttributes)) return failures.symlink(e.name);
  if (isDirectory(e.name)) return undefined;
  if (isEncrypted(e.generalPurposeBitFlag)) return failures.encrypted(e.name);
  if (e.compressionMethod !== 0 && e.compressionMethod !== 8) return failures.compressionMethod(e.name);
  const ratio = e.compressionMethod === 8 ? excessiveRatio(e.uncompressedSize, e.compressedSize) : undefined;
  if (ratio !== undefined) return failures.compressionRatio(e.name, ratio);
  return undefined;
}

// ---- the manifest and the launch files ------------------------------------------------------------

export const manifestName = 'imsmanifest.xml';

/** Where a manifest sits when it is not at the root (the folder was zipped instead of its contents). */
export function manifestFolder(names: Iterable<string>): string | undefined {
  let best: string | undefined;
  for (const n of names) {
    if (n.toLowerCase().endsWith(`/${manifestName}`)) {
      const folder = n.slice(0, -manifestName.length);
      if (best === undefined || folder.length < best.length) best = folder;
    }
  }
  return best;
}

/**
 * The file a launch href points at, as a path inside the package: without query or fragment,
 * percent-decoded, relative to the root. Undefined for hrefs that leave the package (absolute
 * URLs, "..") — those never exist in the zip.
 */
export function launchFile(href: string): string | undefined {
  const bare = href.split(/[?#]/)[0] ?? '';
  if (/^[a-z][a-z0-9+.-]*:/i.test(bare) || bare.startsWith('/')) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(bare);
  } catch {
    decoded = bare;
  }
  const out: string[] = [];
  for (const part of decoded.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(part);
  }
  return out.length ? out.join('/') : undefined;
}

// ---- text from the manifest -----------------------------------------------------------------------

/**
 * Titles from a manifest are plain text: markup is dropped before anything is stored (the web and
 * the player escape what they show anyway; this way no stored title ever looks like HTML), control
 * characters and runs of white space go, and the length is bounded. A lone "<" (as in "< 18 jaar")
 * stays: it is text.
 */
export function plainText(value: unknown, maxLength: number): string {
  if (typeof value !== 'string') return '';
  let t = value.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ');
  for (let before = ''; before !== t; ) {
    before = t;
    t = t.replace(/<[a-zA-Z/!?][^>]*>/g, ' ');
  }
  // eslint-disable-next-line no-control-regex
  t = t.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim();
  return t.length > maxLength ? `${t.slice(0, maxLength - 1)}…` : t;
}

/** The manifest model with every title made plain text (organizations, items, the package's own). */
export function withPlainTitles(manifest: PackageManifest): PackageManifest {
  const item = (i: Item): Item => ({ ...i, title: plainText(i.title, 300), children: i.children.map(item) });
  return {
    ...manifest,
    title: plainText(manifest.title, 300),
    organizations: manifest.organizations.map((o) => ({ ...o, title: plainText(o.title, 300), items: o.items.map(item) })),
  };
}
