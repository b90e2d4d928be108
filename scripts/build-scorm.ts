/**
 * Builds the demo SCORM packages from their source in content/scorm/<id>/ into
 * <outDir>/<id>.zip (default content/scorm/dist/, ignored by git through `dist/`).
 *
 * The zips are deterministic: entries sorted by path, one fixed timestamp, fixed file modes, no
 * directory entries, so building twice gives byte-identical files. Before zipping, the manifest
 * must parse and every file it names must exist in the source folder.
 *
 *   npx tsx scripts/build-scorm.ts [outDir]
 */
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join, posix, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ZipFile } from 'yazl';

export const scormSourceDir = resolve(import.meta.dirname, '..', 'content', 'scorm');
export const defaultScormOutDir = join(scormSourceDir, 'dist');

export interface BuiltScormPackage {
  /** The source folder's name, e.g. `suicidepreventie-signaleren`. */
  id: string;
  /** Absolute path of the zip. */
  file: string;
  bytes: number;
  /** The default organization's title. */
  title: string;
  version: '1.2' | '2004';
}

/**
 * Every entry gets this modification time. Built from local-time fields and written as a plain
 * DOS timestamp (no UTC extra field), so the bytes do not depend on the machine's time zone.
 */
const FIXED_MTIME = new Date(2026, 0, 1, 0, 0, 0);
const FILE_MODE = 0o100644;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  processEntities: false,
  isArray: (name) => ['organization', 'item', 'resource', 'file', 'dependency'].includes(name),
});

type XmlNode = Record<string, unknown>;

function text(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number') return String(value).trim();
  if (value && typeof value === 'object' && '#text' in value) return String((value as XmlNode)['#text']).trim();
  return '';
}

function list(value: unknown): XmlNode[] {
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

/** Folders under `sourceDir` that hold an imsmanifest.xml, sorted by name. */
export async function listScormSources(sourceDir = scormSourceDir): Promise<string[]> {
  const entries = await readdir(sourceDir, { withFileTypes: true });
  const ids: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const manifest = await stat(join(sourceDir, entry.name, 'imsmanifest.xml')).catch(() => null);
    if (manifest?.isFile()) ids.push(entry.name);
  }
  return ids.sort();
}

/** Every file under `dir` as a zip path (forward slashes), sorted; hidden files are left out. */
async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(join(dir, entry.name), rel)));
    else if (entry.isFile()) out.push(rel);
    else throw new Error(`${join(dir, entry.name)}: alleen gewone bestanden en mappen horen in een pakket`);
  }
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Title, version and the files a manifest names (resource hrefs and file hrefs, relative to the root). */
export function readManifest(xml: string, where = 'imsmanifest.xml'): { title: string; version: '1.2' | '2004'; hrefs: string[] } {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`${where}: geen geldige XML (${valid.err.msg}, regel ${valid.err.line})`);
  const manifest = (parser.parse(xml) as XmlNode).manifest as XmlNode | undefined;
  if (!manifest) throw new Error(`${where}: geen <manifest>`);
  const schemaVersion = text((manifest.metadata as XmlNode | undefined)?.schemaversion);
  const version = schemaVersion === '1.2' ? '1.2' : /^(2004|CAM 1\.3)/.test(schemaVersion) ? '2004' : null;
  if (!version) throw new Error(`${where}: onbekende schemaversion "${schemaVersion}"`);
  const organizations = manifest.organizations as XmlNode | undefined;
  const orgs = list(organizations?.organization);
  const org = orgs.find((o) => o.identifier === organizations?.default) ?? orgs[0];
  const title = text(org?.title);
  if (!title) throw new Error(`${where}: de standaardorganisatie heeft geen titel`);
  const hrefs = new Set<string>();
  for (const resource of list((manifest.resources as XmlNode | undefined)?.resource)) {
    const base = typeof resource.base === 'string' ? resource.base : '';
    if (typeof resource.href === 'string') hrefs.add(posix.join(base, resource.href.split(/[?#]/)[0]!));
    for (const file of list(resource.file)) if (typeof file.href === 'string') hrefs.add(posix.join(base, file.href));
  }
  return { title, version, hrefs: [...hrefs].sort() };
}

function zipToBuffer(files: Array<{ path: string; data: Buffer }>): Promise<Buffer> {
  return new Promise((resolvePromise, reject) => {
    const zip = new ZipFile();
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolvePromise(Buffer.concat(chunks)));
    for (const { path, data } of files) {
      zip.addBuffer(data, path, { mtime: FIXED_MTIME, mode: FILE_MODE, compress: true, forceDosTimestamp: true });
    }
    zip.end();
  });
}

/** Builds one package; throws when its manifest is broken or names a file that is not there. */
export async function buildScormPackage(id: string, outDir = defaultScormOutDir, sourceDir = scormSourceDir): Promise<BuiltScormPackage> {
  const dir = join(sourceDir, id);
  const paths = await listFiles(dir);
  const manifest = readManifest(await readFile(join(dir, 'imsmanifest.xml'), 'utf8'), `${id}/imsmanifest.xml`);
  const missing = manifest.hrefs.filter((href) => !paths.includes(href));
  if (missing.length) throw new Error(`${id}/imsmanifest.xml noemt bestanden die niet bestaan: ${missing.join(', ')}`);
  const files = await Promise.all(paths.map(async (path) => ({ path, data: await readFile(join(dir, ...path.split('/'))) })));
  const zip = await zipToBuffer(files);
  await mkdir(outDir, { recursive: true });
  const file = join(outDir, `${id}.zip`);
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, zip);
  await rename(temp, file); // readers never see a half-written zip
  return { id, file, bytes: zip.length, title: manifest.title, version: manifest.version };
}

/** Builds every package under content/scorm/ (or `sourceDir`) into `outDir`, in name order. */
export async function buildScormPackages(outDir = defaultScormOutDir, sourceDir = scormSourceDir): Promise<BuiltScormPackage[]> {
  const built: BuiltScormPackage[] = [];
  for (const id of await listScormSources(sourceDir)) built.push(await buildScormPackage(id, outDir, sourceDir));
  return built;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const outDir = resolve(process.argv[2] ?? defaultScormOutDir);
  buildScormPackages(outDir).then(
    (built) => {
      for (const p of built) {
        console.log(`SCORM ${p.version.padEnd(4)} ${p.id}.zip  ${(p.bytes / 1024).toFixed(1)} KB  "${p.title}"`);
      }
      console.log(`${built.length} pakket(ten) in ${outDir.split(sep).join('/')}`);
    },
    (err: Error) => {
      console.error(`✖ ${err.message}`);
      process.exit(1);
    },
  );
}
