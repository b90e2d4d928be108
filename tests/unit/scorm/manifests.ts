import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import yauzl from 'yauzl';
import { expect } from 'vitest';
import { parseManifest, type PackageManifest } from '../../../functions/src/scorm/domain/manifest';

/** Small manifests for the unit tests, and the real packages in ../shared/fixtures/scorm. */

export const ns2004 = `xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"`;

export const ns12 = `xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"`;

/** A SCORM 2004 manifest around an organization body and resources. */
export function manifest2004(opts: { org: string; resources?: string; edition?: string; extra?: string; orgAttributes?: string; rootAttributes?: string }): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="test.2004" version="1" ${ns2004} ${opts.rootAttributes ?? ''}>
  <metadata><schema>ADL SCORM</schema><schemaversion>${opts.edition ?? '2004 4th Edition'}</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org" ${opts.orgAttributes ?? ''}>
      <title>Cursus</title>
${opts.org}
    </organization>
  </organizations>
  <resources>
${opts.resources ?? '    <resource identifier="r1" type="webcontent" adlcp:scormType="sco" href="index.html"/>'}
  </resources>
${opts.extra ?? ''}
</manifest>`;
}

/** A SCORM 1.2 manifest around an organization body and resources. */
export function manifest12(opts: { org: string; resources?: string; rootAttributes?: string }): string {
  return `<?xml version="1.0"?>
<manifest identifier="test.12" version="1.0" ${ns12} ${opts.rootAttributes ?? ''}>
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org"><title>Cursus 1.2</title>
${opts.org}
    </organization>
  </organizations>
  <resources>
${opts.resources ?? '    <resource identifier="r1" type="webcontent" adlcp:scormtype="sco" href="index.html"/>'}
  </resources>
</manifest>`;
}

/** Parse and expect success. */
export function parsed(xml: string): PackageManifest {
  const result = parseManifest(xml);
  if (!result.ok) expect.fail(`expected the manifest to parse, got ${JSON.stringify(result.error)}`);
  return result.manifest;
}

/** Parse and expect a refusal; returns the error. */
export function refused(xml: string) {
  const result = parseManifest(xml);
  if (result.ok) expect.fail('expected the manifest to be refused');
  return result.error;
}

export const fixtureDir = resolve(import.meta.dirname, '../../../../shared/fixtures/scorm');
export const manifestFixture = (name: string) => readFileSync(join(resolve(import.meta.dirname, '../../fixtures/scorm-manifests'), name), 'utf8');

/** imsmanifest.xml of a real package (zip), read with yauzl without extracting anything. */
export function manifestFromZip(file: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    yauzl.open(join(fixtureDir, file), { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no zip'));
      zip.on('error', reject);
      zip.on('end', () => reject(new Error(`${file} has no imsmanifest.xml`)));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== 'imsmanifest.xml') return zip.readEntry();
        zip.openReadStream(entry, (streamErr, stream) => {
          if (streamErr || !stream) return reject(streamErr ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', reject);
          stream.on('end', () => {
            zip.close();
            resolvePromise(Buffer.concat(chunks).toString('utf8'));
          });
        });
      });
      zip.readEntry();
    });
  });
}
