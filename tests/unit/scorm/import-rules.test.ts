import { describe, expect, it } from 'vitest';
import {
  caseFoldKey,
  checkEntry,
  checkEntryPath,
  duplicateDetector,
  excessiveRatio,
  failures,
  importLimits,
  isEncrypted,
  isSymlink,
  launchFile,
  manifestFolder,
  plainText,
  withPlainTitles,
} from '../../../functions/src/scorm/domain/import-rules';
import { contentTypeFor, unknownContentType } from '../../../functions/src/scorm/domain/content-types';
import { parseQueuedPackageKey, queuedPackageKey, versionPrefix } from '../../../functions/src/scorm/domain/locations';
import type { PackageManifest } from '../../../functions/src/scorm/domain/model';

const MiB = 1024 * 1024;

describe('entry paths', () => {
  it('accepts the relative paths authoring tools write', () => {
    for (const ok of ['imsmanifest.xml', 'shared/launchpage.html', 'Playing/Par.html', 'story_content/5vX9kZ.mp4', 'lms/', 'a b/c (1).png', 'Überblick/ä.html', '.well-known/x', 'x..y/z..html']) {
      expect(checkEntryPath(ok), ok).toBeUndefined();
    }
  });

  it('refuses traversal, absolute paths, backslashes and odd parts, each with its own reason', () => {
    const code = (name: string) => checkEntryPath(name)?.code;
    expect(code('../evil.html')).toBe('path-traversal');
    expect(code('a/../../evil.html')).toBe('path-traversal');
    expect(code('a/..')).toBe('path-traversal');
    expect(code('..\\evil.html')).toBe('path-traversal');
    expect(code('/etc/passwd')).toBe('absolute-path');
    expect(code('C:/Windows/win.ini')).toBe('absolute-path');
    expect(code('c:evil')).toBe('absolute-path');
    expect(code('\\\\server\\share\\x')).toBe('absolute-path');
    expect(code('scripts\\app.js')).toBe('backslash-path');
    expect(code('')).toBe('invalid-path');
    expect(code('a//b.html')).toBe('invalid-path');
    expect(code('./index.html')).toBe('invalid-path');
    expect(code('a/./b')).toBe('invalid-path');
    expect(code('evil\u0000.html')).toBe('invalid-path');
    expect(code(`${'x'.repeat(importLimits.maxPathBytes)}.html`)).toBe('invalid-path');
  });

  it('names the path in both languages', () => {
    const f = checkEntryPath('../../etc/passwd')!;
    expect(f.nl).toContain('"../../etc/passwd"');
    expect(f.en).toContain('"../../etc/passwd"');
    expect(f.nl).not.toBe(f.en);
  });
});

describe('entry attributes', () => {
  const entry = (over: Partial<Parameters<typeof checkEntry>[0]> = {}) => ({ name: 'a.html', externalFileAttributes: 0, generalPurposeBitFlag: 0x800, compressionMethod: 8, compressedSize: 100, uncompressedSize: 300, ...over });

  it('recognises symlinks by the Unix mode in the external attributes, not regular files or DOS attributes', () => {
    expect(isSymlink((0o120777 << 16) >>> 0)).toBe(true);
    expect(isSymlink((0o100644 << 16) >>> 0)).toBe(false);
    expect(isSymlink((0o040755 << 16) >>> 0)).toBe(false);
    expect(isSymlink(0x20)).toBe(false);
    expect(checkEntry(entry({ externalFileAttributes: (0o120777 << 16) >>> 0 }))?.code).toBe('symlink');
  });

  it('refuses encrypted entries and unknown compression methods', () => {
    expect(isEncrypted(0x1)).toBe(true);
    expect(isEncrypted(0x41)).toBe(true);
    expect(isEncrypted(0x808)).toBe(false);
    expect(checkEntry(entry({ generalPurposeBitFlag: 0x801 }))?.code).toBe('encrypted');
    expect(checkEntry(entry({ compressionMethod: 14 }))?.code).toBe('compression-method');
    expect(checkEntry(entry({ compressionMethod: 0, compressedSize: 300 }))).toBeUndefined();
  });

  it('applies the ratio rule only to large entries', () => {
    expect(excessiveRatio(importLimits.ratioCheckedAboveBytes, 1)).toBeUndefined();
    expect(excessiveRatio(3 * MiB, 100)).toBeUndefined();
    expect(excessiveRatio(100 * MiB, 2 * MiB)).toBeUndefined();
    expect(excessiveRatio(32 * MiB, 32 * 1024)).toBe(1024);
    expect(excessiveRatio(10 * MiB, 0)).toBe(10 * MiB);
    expect(checkEntry(entry({ name: 'zeros.bin', uncompressedSize: 32 * MiB, compressedSize: 32 * 1024 }))?.code).toBe('compression-ratio');
    // A stored entry cannot be a bomb (yauzl checks its sizes agree).
    expect(checkEntry(entry({ compressionMethod: 0, uncompressedSize: 32 * MiB, compressedSize: 32 * MiB }))).toBeUndefined();
  });

  it('checks the path before anything else, and directories only for their path', () => {
    expect(checkEntry(entry({ name: '../x', externalFileAttributes: (0o120777 << 16) >>> 0 }))?.code).toBe('path-traversal');
    expect(checkEntry(entry({ name: 'dir/', compressionMethod: 99 }))).toBeUndefined();
  });
});

describe('duplicate names', () => {
  it('finds names that differ only in case or Unicode form, and exact repeats', () => {
    const d = duplicateDetector();
    expect(d.add('Index.html')).toBeUndefined();
    expect(d.add('images/Logo.PNG')).toBeUndefined();
    expect(d.add('index.html')).toBe('Index.html');
    expect(d.add('IMAGES/logo.png')).toBe('images/Logo.PNG');
    expect(d.add('café.html')).toBeUndefined();
    expect(d.add('cafe\u0301.html')).toBe('café.html');
    expect(caseFoldKey('Dir/')).toBe(caseFoldKey('dir'));
    expect(failures.duplicate('a.html', 'a.html').nl).toContain('twee keer');
    expect(failures.duplicate('A.html', 'a.html').en).toContain('only in upper/lower case');
  });
});

describe('manifest and launch files', () => {
  it('finds a manifest zipped one folder too deep', () => {
    expect(manifestFolder(['course/imsmanifest.xml', 'course/index.html'])).toBe('course/');
    expect(manifestFolder(['a/b/imsmanifest.xml', 'a/imsmanifest.xml'])).toBe('a/');
    expect(manifestFolder(['index.html'])).toBeUndefined();
  });

  it('turns a launch href into the file it needs', () => {
    expect(launchFile('shared/launchpage.html')).toBe('shared/launchpage.html');
    expect(launchFile('shared/assessmenttemplate.html?questions=Playing')).toBe('shared/assessmenttemplate.html');
    expect(launchFile('a/./b/../c.html#start')).toBe('a/c.html');
    expect(launchFile('Les%201/index.html')).toBe('Les 1/index.html');
    expect(launchFile('../outside.html')).toBeUndefined();
    expect(launchFile('https://example.org/x.html')).toBeUndefined();
    expect(launchFile('/abs.html')).toBeUndefined();
  });
});

describe('plain text titles', () => {
  it('drops markup, keeps text', () => {
    expect(plainText('<script>alert("x")</script>Veilig <b>pakket</b>', 200)).toBe('Veilig pakket');
    expect(plainText('<img src=x onerror=alert(1)>Les', 200)).toBe('Les');
    expect(plainText('<scr<script>ipt>alert(1)</script>', 200)).not.toMatch(/<script/i);
    expect(plainText('Jongeren < 18 jaar & ouders', 200)).toBe('Jongeren < 18 jaar & ouders');
    expect(plainText('  regel\n\tvolgende  ', 200)).toBe('regel volgende');
    expect(plainText('x'.repeat(300), 10)).toHaveLength(10);
    expect(plainText(undefined, 10)).toBe('');
  });

  it('applies to every title of the manifest model', () => {
    const manifest = {
      title: '<i>Pakket</i>',
      organizations: [{ id: 'o', title: '<b>Org</b>', items: [{ id: 'i', title: '<script>x</script>Item', isVisible: true, children: [{ id: 'j', title: '<u>Kind</u>', isVisible: true, children: [] }] }] }],
    } as unknown as PackageManifest;
    const plain = withPlainTitles(manifest);
    expect(JSON.stringify(plain)).not.toMatch(/[<>]/);
    expect(plain.organizations[0]!.items[0]!.children[0]!.title).toBe('Kind');
  });
});

describe('content types of extracted files', () => {
  it('maps what authoring tools produce, case-insensitively; anything else is octet-stream', () => {
    expect(contentTypeFor('index.html')).toBe('text/html');
    expect(contentTypeFor('a/B.HTM')).toBe('text/html');
    expect(contentTypeFor('scormdriver/driver.js')).toBe('text/javascript');
    expect(contentTypeFor('x.css')).toBe('text/css');
    expect(contentTypeFor('imsmanifest.xml')).toBe('application/xml');
    expect(contentTypeFor('schema.xsd')).toBe('application/xml');
    expect(contentTypeFor('data.json')).toBe('application/json');
    expect(contentTypeFor('p.JPG')).toBe('image/jpeg');
    expect(contentTypeFor('i.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('v.mp4')).toBe('video/mp4');
    expect(contentTypeFor('a.mp3')).toBe('audio/mpeg');
    expect(contentTypeFor('f.woff2')).toBe('font/woff2');
    expect(contentTypeFor('ondertitels.vtt')).toBe('text/vtt');
    expect(contentTypeFor('README')).toBe(unknownContentType);
    expect(contentTypeFor('tool.exe')).toBe(unknownContentType);
    expect(contentTypeFor('dir.html/file')).toBe(unknownContentType);
  });
});

describe('locations', () => {
  it('keeps each import under its own prefix and reads queued keys back', () => {
    expect(versionPrefix('m-1', 'imp')).toBe('packages/m-1/imp/');
    const key = queuedPackageKey('m-abc', '0mx1a2b3c');
    expect(key).toBe('pending/scorm/m-abc/0mx1a2b3c.zip');
    expect(parseQueuedPackageKey(key)).toEqual({ moduleId: 'm-abc', importId: '0mx1a2b3c' });
    for (const bad of ['pending/x.zip', 'pending/scorm/m/../x.zip', 'pending/scorm/m/x/y.zip', 'other/scorm/m/x.zip', 'pending/scorm/m/x.zip.exe']) expect(parseQueuedPackageKey(bad), bad).toBeUndefined();
  });
});
