import { deflateRawSync } from 'node:zlib';

/**
 * Hostile and broken SCORM packages, built in memory for the import tests. The zip writer below
 * is deliberately naive: it writes exactly what it is told (names with "..", symlink attributes,
 * sizes that lie, 20,001 entries), which no well-behaved zip library would.
 */

export interface ZipEntrySpec {
  name: string;
  data?: Buffer | string;
  /** 0 = stored, 8 = deflated (default). */
  method?: 0 | 8;
  /** Unix mode in the high 16 bits of the external attributes (e.g. 0o120777 for a symlink). */
  unixMode?: number;
  /** General purpose flags (bit 0 = encrypted; bit 11 = UTF-8 names is always set). */
  flags?: number;
  /** Lies in the central directory (the local header and data stay true). */
  declaredUncompressed?: number;
  declaredCompressed?: number;
}

const crcTable = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = crcTable[(c ^ buf[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip with exactly these entries (no zip64: every size and offset below 4 GiB). */
export function buildZip(entries: ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const raw = typeof e.data === 'string' ? Buffer.from(e.data, 'utf8') : (e.data ?? Buffer.alloc(0));
    const method = e.method ?? (raw.length ? 8 : 0);
    const packed = method === 8 ? deflateRawSync(raw) : raw;
    const crc = crc32(raw);
    const flags = (e.flags ?? 0) | 0x800;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, packed);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(e.unixMode !== undefined ? (3 << 8) | 20 : 20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(e.declaredCompressed ?? packed.length, 20);
    central.writeUInt32LE(e.declaredUncompressed ?? raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(0, 30);
    central.writeUInt16LE(0, 32);
    central.writeUInt16LE(0, 34);
    central.writeUInt16LE(0, 36);
    central.writeUInt32LE(e.unixMode !== undefined ? (e.unixMode << 16) >>> 0 : 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length & 0xffff, 8);
  end.writeUInt16LE(entries.length & 0xffff, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

// ---- manifests ----------------------------------------------------------------------------------------

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A SCORM 1.2 manifest with one SCO launching `href`. */
export function manifest12(opts: { title?: string; itemTitle?: string; href?: string; schemaVersion?: string } = {}): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="corpus" version="1" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>${opts.schemaVersion ?? '1.2'}</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>${xmlEscape(opts.title ?? 'Proefpakket')}</title>
      <item identifier="item_1" identifierref="res_1"><title>${xmlEscape(opts.itemTitle ?? 'Les 1')}</title></item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res_1" type="webcontent" adlcp:scormtype="sco" href="${xmlEscape(opts.href ?? 'index.html')}"><file href="index.html"/></resource>
  </resources>
</manifest>`;
}

const page = '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Les</title><script src="api.js"></script></head><body><h1>Les 1</h1></body></html>';

/** A small, valid SCORM 1.2 package (plus `extra` entries). */
export function validPackage(extra: ZipEntrySpec[] = [], manifestOpts: Parameters<typeof manifest12>[0] = {}): Buffer {
  return buildZip([
    { name: 'imsmanifest.xml', data: manifest12(manifestOpts) },
    { name: 'index.html', data: page },
    { name: 'api.js', data: 'window.onload = function () { /* geen SCORM-aanroepen nodig */ };' },
    { name: 'img/logo.svg', data: '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>' },
    ...extra,
  ]);
}

// ---- the corpus ---------------------------------------------------------------------------------------

export interface HostileCase {
  name: string;
  zip: () => Buffer;
  /** Refused when the upload is completed (the API's own size and signature check: 422). */
  refusedAtComplete?: boolean;
  /** The import's error code (or, for refusedAtComplete, words in the 422's detail). */
  code: string;
  /** Words the Dutch and the English message contain. */
  nl: RegExp;
  en: RegExp;
}

const MiB = 1024 * 1024;

export const hostileCorpus: HostileCase[] = [
  { name: 'zip slip (../)', zip: () => validPackage([{ name: '../../evil.html', data: 'x' }]), code: 'path-traversal', nl: /"\.\.\/\.\.\/evil\.html".*buiten het pakket/, en: /outside the package/ },
  { name: 'zip slip inside a path', zip: () => validPackage([{ name: 'img/../../evil.js', data: 'x' }]), code: 'path-traversal', nl: /buiten het pakket/, en: /outside the package/ },
  { name: 'absolute path', zip: () => validPackage([{ name: '/etc/cron.d/evil', data: 'x' }]), code: 'absolute-path', nl: /absoluut/, en: /absolute/ },
  { name: 'drive letter', zip: () => validPackage([{ name: 'C:/Windows/evil.dll', data: 'x' }]), code: 'absolute-path', nl: /stationsletter/, en: /drive letter/ },
  { name: 'backslashes', zip: () => validPackage([{ name: 'scripts\\evil.js', data: 'x' }]), code: 'backslash-path', nl: /backslash/, en: /backslash/ },
  { name: 'symlink', zip: () => validPackage([{ name: 'link-to-passwd', data: '/etc/passwd', method: 0, unixMode: 0o120777 }]), code: 'symlink', nl: /symbolische koppeling/, en: /symbolic link/ },
  { name: 'duplicate names differing only in case', zip: () => validPackage([{ name: 'Index.html', data: 'anders' }]), code: 'duplicate-name', nl: /alleen in hoofdletters/, en: /only in upper\/lower case/ },
  {
    name: 'compression bomb (ratio)',
    zip: () => validPackage([{ name: 'media/zeros.bin', data: Buffer.alloc(32 * MiB) }]),
    code: 'compression-ratio',
    nl: /zip-bom/,
    en: /zip bomb/,
  },
  {
    name: '20,001 entries',
    zip: () => buildZip([{ name: 'imsmanifest.xml', data: manifest12() }, { name: 'index.html', data: page }, ...Array.from({ length: 19_999 }, (_, i) => ({ name: `f/${i}.txt`, method: 0 as const }))]),
    code: 'too-many-entries',
    nl: /20\.001 bestanden/,
    en: /20,001 files/,
  },
  {
    name: 'more than 1 GiB unpacked (declared)',
    zip: () => validPackage([0, 1, 2].map((i) => ({ name: `video/part${i}.mp4`, data: 'klein', declaredUncompressed: 400 * MiB, declaredCompressed: 300 * MiB }))),
    code: 'too-large-unpacked',
    nl: /meer dan 1024 MB/,
    en: /more than 1024 MB/,
  },
  {
    name: 'an entry larger than declared',
    zip: () => validPackage([{ name: 'data/lies.txt', data: 'waarheid '.repeat(2000), declaredUncompressed: 100 }]),
    code: 'size-mismatch',
    nl: /groter dan de zip opgeeft/,
    en: /larger unpacked than the zip declares/,
  },
  { name: 'encrypted entry', zip: () => validPackage([{ name: 'secret.html', data: 'x', method: 0, flags: 0x1, declaredCompressed: 13 }]), code: 'encrypted', nl: /versleuteld/, en: /encrypted/ },
  { name: 'no manifest', zip: () => buildZip([{ name: 'index.html', data: page }]), code: 'no-manifest', nl: /geen imsmanifest\.xml in de hoofdmap/, en: /no imsmanifest\.xml in its root/ },
  {
    name: 'manifest in a subfolder',
    zip: () => buildZip([{ name: 'cursus/imsmanifest.xml', data: manifest12() }, { name: 'cursus/index.html', data: page }]),
    code: 'manifest-not-at-root',
    nl: /staat in de map "cursus\/"/,
    en: /is in the folder "cursus\/"/,
  },
  { name: 'invalid XML', zip: () => buildZip([{ name: 'imsmanifest.xml', data: '<manifest><organizations><organization></manifest>' }, { name: 'index.html', data: page }]), code: 'xml-invalid', nl: /geen geldige XML/, en: /not valid XML/ },
  { name: 'unsupported schema', zip: () => validPackage([], { schemaVersion: 'AICC 4.0' }), code: 'unsupported-schema', nl: /niet ondersteund/, en: /not supported/ },
  { name: 'a launch href missing from the zip', zip: () => validPackage([], { href: 'start/missing.html' }), code: 'launch-missing', nl: /"start\/missing\.html".*niet in de zip/, en: /not in the zip/ },
  { name: 'zip signature, but no zip', zip: () => Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(200, 0x41)]), code: 'not-a-zip', nl: /geen zip-bestand/, en: /not a zip file/ },
  { name: 'not a zip at all', zip: () => Buffer.from('<html><body>Dit is een webpagina, geen pakket</body></html>'), refusedAtComplete: true, code: 'ZIP', nl: /geen geldig ZIP-bestand/, en: /not a valid ZIP file/ },
  { name: 'an empty file', zip: () => Buffer.alloc(0), refusedAtComplete: true, code: 'leeg', nl: /leeg/, en: /empty/ },
];

/** Script in the titles: imported, and kept as plain text only. */
export const scriptInTitles = () =>
  validPackage([], { title: '<script>alert("titel")</script>Veilig <b>pakket</b>', itemTitle: '<img src=x onerror=alert(1)>Les' });
