import { describe, expect, it } from 'vitest';
import { launchables, parseManifest } from '../../../functions/src/scorm/domain/manifest';
import { manifest12, manifest2004, manifestFixture, ns12, ns2004, parsed, refused } from './manifests';

/** imsmanifest.xml → package model (functions/src/scorm/domain/manifest.ts): versions, structure, launch addresses, errors. */

const item = (id: string, ref: string, extra = '', attrs = '') => `<item identifier="${id}" identifierref="${ref}" ${attrs}><title>${id}</title>${extra}</item>`;

describe('SCORM version detection', () => {
  it.each([
    ['1.2', '1.2'],
    ['CAM 1.3', '2004-2nd'],
    ['2004 2nd Edition', '2004-2nd'],
    ['2004 3rd Edition', '2004-3rd'],
    ['2004 4th Edition', '2004-4th'],
  ])('schemaversion %j → %s', (schemaversion, version) => {
    const xml = schemaversion === '1.2' ? manifest12({ org: item('i', 'r1') }) : manifest2004({ edition: schemaversion, org: item('i', 'r1') });
    expect(parsed(xml).scormVersion).toBe(version);
  });

  it('falls back on the namespaces when there is no schemaversion', () => {
    const without = (xml: string) => xml.replace(/<metadata>.*<\/metadata>/, '');
    expect(parsed(without(manifest12({ org: item('i', 'r1') }))).scormVersion).toBe('1.2');
    expect(parsed(without(manifest2004({ org: item('i', 'r1') }))).scormVersion).toBe('2004-3rd');
  });

  it('refuses an unsupported schema with the value it found, in Dutch and English', () => {
    const error = refused(manifest2004({ edition: '1.1', org: item('i', 'r1') }));
    expect(error.code).toBe('unsupported-schema');
    expect(error.nl).toContain('"1.1"');
    expect(error.nl).toContain('niet ondersteund');
    expect(error.en).toContain('not supported');
  });

  it('refuses a document that is not a manifest', () => {
    expect(refused('<html><body>hoi</body></html>').code).toBe('not-a-manifest');
    // Right name, wrong namespace.
    expect(refused('<manifest xmlns="urn:something-else"><organizations/></manifest>').code).toBe('not-a-manifest');
  });
});

describe('XML that does not parse', () => {
  it('says so with the line number, Dutch first', () => {
    const xml = manifest12({ org: item('i', 'r1') }).replace('</organization>', '</organisation>');
    const error = refused(xml);
    expect(error.code).toBe('xml-invalid');
    expect(error.line).toBeGreaterThan(1);
    expect(error.nl).toBe(`imsmanifest.xml is geen geldige XML (regel ${error.line})`);
    expect(error.en).toMatch(new RegExp(`^imsmanifest.xml is not valid XML \\(line ${error.line}\\)`));
  });

  it('refuses empty text, text that is no XML, and two root elements', () => {
    expect(refused('').code).toBe('empty');
    expect(refused('\uFEFF  \n').code).toBe('empty');
    expect(refused('PK\u0003\u0004 this is a zip').code).toBe('xml-invalid');
    expect(refused('<manifest/><manifest/>').code).toBe('xml-invalid');
  });

  it('accepts a byte order mark and an XML declaration', () => {
    expect(parsed(`\uFEFF${manifest12({ org: item('i', 'r1') })}`).scormVersion).toBe('1.2');
  });
});

describe('structure', () => {
  it('refuses a manifest without organizations or without resources', () => {
    expect(refused(manifest12({ org: '' }).replace(/<organizations[\s\S]*<\/organizations>/, '<organizations/>')).code).toBe('no-organizations');
    expect(refused(manifest12({ org: '' }).replace(/<organizations[\s\S]*<\/organizations>/, '')).code).toBe('no-organizations');
    const noResources = refused(manifest12({ org: item('i', 'r1'), resources: '' }));
    expect(noResources.code).toBe('no-resources');
    expect(noResources.nl).toContain('geen bronnen');
  });

  it('uses the default organization, else the first (with a warning for a dangling default)', () => {
    const two = (defaultAttr: string) => `<manifest identifier="m" ${ns12}><metadata><schemaversion>1.2</schemaversion></metadata>
      <organizations ${defaultAttr}>
        <organization identifier="a"><title>A</title>${item('ia', 'r1')}</organization>
        <organization identifier="b"><title>B</title>${item('ib', 'r1')}</organization>
      </organizations>
      <resources><resource identifier="r1" type="webcontent" adlcp:scormtype="sco" href="x.html"/></resources></manifest>`;
    expect(parsed(two('default="b"'))).toMatchObject({ defaultOrganizationId: 'b', title: 'B', warnings: [] });
    expect(parsed(two(''))).toMatchObject({ defaultOrganizationId: 'a', title: 'A', warnings: [] });
    const dangling = parsed(two('default="zzz"'));
    expect(dangling.defaultOrganizationId).toBe('a');
    expect(dangling.warnings.map((w) => w.code)).toEqual(['unknown-default-organization']);
    expect(launchables(dangling).map((l) => l.itemId)).toEqual(['ia']);
    expect(launchables(dangling, 'b').map((l) => l.itemId)).toEqual(['ib']);
  });

  it('reads the item tree with nested items, visibility and parameters', () => {
    const m = parsed(
      manifest12({
        org: `<item identifier="chapter"><title>  Hoofdstuk
              1 </title>
                ${item('a', 'r1', '', 'parameters="?page=1"')}
                <item identifier="sub"><title>Sub</title>${item('b', 'r2', '', 'isvisible="false"')}</item>
              </item>
              ${item('c', 'r1')}`,
        resources: `<resource identifier="r1" type="webcontent" adlcp:scormtype="sco" href="a.html"/>
                    <resource identifier="r2" type="webcontent" adlcp:scormtype="asset" href="b.html"/>`,
      }),
    );
    const [chapter, c] = m.organizations[0]!.items;
    expect(chapter).toMatchObject({ id: 'chapter', title: 'Hoofdstuk 1', isVisible: true });
    expect(chapter!.resourceId).toBeUndefined();
    expect(chapter!.children.map((i) => i.id)).toEqual(['a', 'sub']);
    expect(chapter!.children[1]!.children[0]).toMatchObject({ id: 'b', isVisible: false, resourceId: 'r2', href: 'b.html' });
    expect(c).toMatchObject({ id: 'c', href: 'a.html' });
    expect(launchables(m)).toEqual([
      { itemId: 'a', title: 'a', resourceId: 'r1', scormType: 'sco', href: 'a.html?page=1', parameters: '?page=1', isVisible: true, path: ['chapter'] },
      { itemId: 'b', title: 'b', resourceId: 'r2', scormType: 'asset', href: 'b.html', isVisible: false, path: ['chapter', 'sub'] },
      { itemId: 'c', title: 'c', resourceId: 'r1', scormType: 'sco', href: 'a.html', isVisible: true, path: [] },
    ]);
  });

  it('reads adlcp:scormtype (1.2) and adlcp:scormType (2004), and warns when it is missing', () => {
    expect(parsed(manifest12({ org: item('i', 'r1') })).resources.r1).toEqual({ id: 'r1', scormType: 'sco', type: 'webcontent', href: 'index.html' });
    expect(parsed(manifest2004({ org: item('i', 'r1') })).resources.r1!.scormType).toBe('sco');
    const missing = parsed(manifest2004({ org: item('i', 'r1'), resources: '<resource identifier="r1" type="webcontent" href="x.html"/>' }));
    expect(missing.resources.r1!.scormType).toBe('asset');
    expect(missing.warnings.map((w) => w.code)).toEqual(['missing-scorm-type']);
  });

  it('refuses dangling references, resources without a launch file, duplicate identifiers and nothing to launch', () => {
    const unknown = refused(manifest12({ org: item('i', 'nope') }));
    expect(unknown).toMatchObject({ code: 'unknown-resource' });
    expect(unknown.nl).toContain('"nope"');
    expect(refused(manifest12({ org: item('i', 'r1'), resources: '<resource identifier="r1" type="webcontent" adlcp:scormtype="sco"/>' })).code).toBe('resource-without-href');
    expect(refused(manifest12({ org: item('i', 'r1') + item('i', 'r1') })).code).toBe('duplicate-identifier');
    expect(refused(manifest12({ org: item('org', 'r1') })).code).toBe('duplicate-identifier');
    expect(refused(manifest12({ org: item('i', 'r1'), resources: '<resource identifier="r1" type="webcontent" adlcp:scormtype="sco" href="a.html"/><resource identifier="r1" type="webcontent" adlcp:scormtype="sco" href="b.html"/>' })).code).toBe('duplicate-identifier');
    // An item and a resource with the same identifier: sloppy but harmless.
    expect(launchables(parsed(manifest12({ org: item('r1', 'r1') })))[0]!.itemId).toBe('r1');
    expect(refused(manifest12({ org: '<item identifier="empty"><title>Leeg</title></item>' })).code).toBe('no-launchable');
  });

  it('resolves prefixes by namespace URI, not by name', () => {
    const xml = `<x:manifest identifier="m" xmlns:x="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:foo="http://www.adlnet.org/xsd/adlcp_v1p3" xmlns:adlcp="urn:not-adl">
      <x:metadata><x:schemaversion>2004 3rd Edition</x:schemaversion></x:metadata>
      <x:organizations><x:organization identifier="o"><x:title>O</x:title>
        <x:item identifier="i" identifierref="r"><x:title>I</x:title><foo:dataFromLMS>from foo</foo:dataFromLMS><adlcp:dataFromLMS>not ADL</adlcp:dataFromLMS></x:item>
      </x:organization></x:organizations>
      <x:resources><x:resource identifier="r" type="webcontent" foo:scormType="sco" adlcp:scormType="asset" href="i.html"/></x:resources>
    </x:manifest>`;
    const m = parsed(xml);
    expect(m.resources.r!.scormType).toBe('sco');
    expect(m.organizations[0]!.items[0]!.dataFromLms).toBe('from foo');
  });

  it('tolerates a manifest without a default namespace and an undeclared adlcp prefix', () => {
    const xml = `<manifest identifier="m"><metadata><schemaversion>1.2</schemaversion></metadata>
      <organizations default="o"><organization identifier="o"><title>O</title><item identifier="i" identifierref="r"><title>I</title><adlcp:masteryscore>70</adlcp:masteryscore></item></organization></organizations>
      <resources><resource identifier="r" type="webcontent" adlcp:scormtype="sco" href="i.html"/></resources></manifest>`;
    expect(launchables(parsed(xml))).toMatchObject([{ itemId: 'i', scormType: 'sco', masteryScore: 70 }]);
  });
});

describe('titles are plain text', () => {
  it('decodes entities and character references once, keeps markup as characters, trims', () => {
    const m = parsed(manifest12({ org: item('i', 'r1').replace('<title>i</title>', '<title>  &lt;script&gt;alert(1)&lt;/script&gt; &amp;amp; caf&#233; &#x1F600; </title>') }));
    expect(m.organizations[0]!.items[0]!.title).toBe('<script>alert(1)</script> &amp; café 😀');
  });

  it('keeps a CDATA script as text and takes the text of elements inside a title', () => {
    const m = parsed(
      manifest12({
        org: item('a', 'r1').replace('<title>a</title>', '<title><![CDATA[<img src=x onerror=alert(1)>]]></title>') + item('b', 'r1').replace('<title>b</title>', '<title>Voor <script>alert(2)</script> na</title>'),
      }),
    );
    const [a, b] = m.organizations[0]!.items;
    expect(a!.title).toBe('<img src=x onerror=alert(1)>');
    expect(b!.title).toBe('Voor alert(2) na');
  });

  it('falls back on the identifier for a missing or empty title', () => {
    const m = parsed(manifest12({ org: '<item identifier="naamloos" identifierref="r1"><title>   </title></item>' }));
    expect(m.organizations[0]!.items[0]!.title).toBe('naamloos');
  });
});

describe('launch addresses', () => {
  it('applies xml:base at manifest, resources and resource level', () => {
    const m = parsed(
      manifest2004({
        rootAttributes: 'xml:base="pkg/"',
        org: item('i', 'r1'),
        resources: '<resources-placeholder/>',
      }).replace('<resources>\n<resources-placeholder/>\n  </resources>', '<resources xml:base="content"><resource identifier="r1" type="webcontent" adlcp:scormType="sco" xml:base="les1/" href="index.html"/></resources>'),
    );
    expect(m.resources.r1!.href).toBe('pkg/content/les1/index.html');
  });

  it.each([
    ['index.html', '?a=1', 'index.html?a=1'],
    ['index.html', 'a=1', 'index.html?a=1'],
    ['index.html', '&a=1', 'index.html?a=1'],
    ['index.html?x=1', '?a=1', 'index.html?x=1&a=1'],
    ['index.html', '#p3', 'index.html#p3'],
    ['index.html#p1', '#p3', 'index.html#p1'],
    ['index.html#p1', '?a=1', 'index.html?a=1#p1'],
    ['index.html', '', 'index.html'],
  ])('href %j + parameters %j → %j', (href, parameters, expected) => {
    const m = parsed(manifest12({ org: item('i', 'r1', '', `parameters="${parameters}"`), resources: `<resource identifier="r1" type="webcontent" adlcp:scormtype="sco" href="${href}"/>` }));
    expect(launchables(m)[0]!.href).toBe(expected);
  });

  it('normalises inner dot segments and backslashes', () => {
    const href = (h: string) => parsed(manifest12({ org: item('i', 'r1'), resources: `<resource identifier="r1" type="webcontent" adlcp:scormtype="sco" href="${h}"/>` })).resources.r1!.href;
    expect(href('./a/./b/../c.html')).toBe('a/c.html');
    expect(href('a\\b.html')).toBe('a/b.html');
    expect(href('a//b.html')).toBe('a/b.html');
  });

  it.each([
    ['../outside.html'],
    ['a/../../outside.html'],
    ['%2e%2e/outside.html'],
    ['/etc/passwd'],
    ['\\\\server\\share\\x.html'],
    ['//evil.example/x.html'],
    ['http://evil.example/x.html'],
    ['javascript:alert(1)'],
    ['data:text/html,hi'],
    ['a/%2F..%2F../x.html'],
  ])('refuses href %j that leaves the package', (href) => {
    const error = refused(manifest12({ org: item('i', 'r1'), resources: `<resource identifier="r1" type="webcontent" adlcp:scormtype="sco" href="${href}"/>` }));
    expect(error.code).toBe('unsafe-href');
    expect(error.nl).toContain('buiten het pakket');
    expect(error.en).toContain('outside the package');
  });

  it('refuses an xml:base that leaves the package, and checks resources no item launches too', () => {
    expect(refused(manifest12({ org: item('i', 'r1'), rootAttributes: 'xml:base="http://cdn.example/"' })).code).toBe('unsafe-href');
    expect(refused(manifest12({ org: item('i', 'r1'), rootAttributes: 'xml:base="../"' })).code).toBe('unsafe-href');
    const unused = `<resource identifier="r1" type="webcontent" adlcp:scormtype="sco" href="ok.html"/><resource identifier="r2" type="webcontent" adlcp:scormtype="asset" href="../x.js"/>`;
    expect(refused(manifest12({ org: item('i', 'r1'), resources: unused })).code).toBe('unsafe-href');
  });
});

describe('SCORM 1.2 item data', () => {
  it('reads masteryscore, maxtimeallowed, timelimitaction, datafromlms and prerequisites', () => {
    const m = parsed(
      manifest12({
        org: item(
          'i',
          'r1',
          `<adlcp:masteryscore> 80 </adlcp:masteryscore>
           <adlcp:maxtimeallowed>00:30:00</adlcp:maxtimeallowed>
           <adlcp:timelimitaction>Exit, Message</adlcp:timelimitaction>
           <adlcp:datafromlms>start=3&amp;mode=x</adlcp:datafromlms>
           <adlcp:prerequisites type="aicc_script">intro</adlcp:prerequisites>`,
        ),
      }),
    );
    expect(m.organizations[0]!.items[0]).toMatchObject({ masteryScore: 80, maxTimeAllowed: '00:30:00', timeLimitAction: 'exit,message', dataFromLms: 'start=3&mode=x', prerequisites: 'intro' });
    expect(launchables(m)[0]).toMatchObject({ masteryScore: 80, maxTimeAllowed: '00:30:00', timeLimitAction: 'exit,message', dataFromLms: 'start=3&mode=x' });
    expect(m.warnings).toEqual([]);
  });

  it('ignores an invalid mastery score with a warning', () => {
    const m = parsed(manifest12({ org: item('i', 'r1', '<adlcp:masteryscore>tachtig</adlcp:masteryscore>') }));
    expect(m.organizations[0]!.items[0]!.masteryScore).toBeUndefined();
    expect(m.warnings).toMatchObject([{ code: 'invalid-value' }]);
    expect(m.warnings[0]!.nl).toContain('"tachtig"');
    expect(parsed(manifest12({ org: item('i', 'r1', '<adlcp:masteryscore>101</adlcp:masteryscore>') })).warnings).toHaveLength(1);
  });
});

describe('SCORM 2004 item data', () => {
  it('reads dataFromLMS, timeLimitAction and a 4th edition completionThreshold', () => {
    const m = parsed(
      manifest2004({
        org: item(
          'i',
          'r1',
          `<adlcp:dataFromLMS>abc</adlcp:dataFromLMS><adlcp:timeLimitAction>continue,no message</adlcp:timeLimitAction>
           <adlcp:completionThreshold completedByMeasure="true" minProgressMeasure="0.75" progressWeight="0.5"/>`,
        ),
      }),
    );
    expect(m.organizations[0]!.items[0]).toMatchObject({ dataFromLms: 'abc', timeLimitAction: 'continue,no message', completionThreshold: { completedByMeasure: true, minProgressMeasure: 0.75, progressWeight: 0.5 } });
    expect(launchables(m)[0]).toMatchObject({ completionThreshold: 0.75, dataFromLms: 'abc' });
  });

  it('reads a 3rd edition completionThreshold (element text) and 4th edition defaults', () => {
    const third = parsed(manifest2004({ edition: '2004 3rd Edition', org: item('i', 'r1', '<adlcp:completionThreshold>0.6</adlcp:completionThreshold>') }));
    expect(third.organizations[0]!.items[0]!.completionThreshold).toEqual({ completedByMeasure: true, minProgressMeasure: 0.6, progressWeight: 1 });
    const fourth = parsed(manifest2004({ org: item('i', 'r1', '<adlcp:completionThreshold progressWeight="0.2"/>') }));
    expect(fourth.organizations[0]!.items[0]!.completionThreshold).toEqual({ completedByMeasure: false, minProgressMeasure: 1, progressWeight: 0.2 });
    expect(launchables(fourth)[0]!.completionThreshold).toBeUndefined();
  });

  it('does not read 1.2-only masteryscore in a 2004 package', () => {
    const m = parsed(manifest2004({ org: item('i', 'r1', '<adlcp:masteryscore>80</adlcp:masteryscore>') }));
    expect(m.organizations[0]!.items[0]!.masteryScore).toBeUndefined();
  });

  it('reads the full sequencing fixture (4th edition, unusual prefixes, xml:base, collections)', () => {
    const m = parsed(manifestFixture('sequencing-4th.xml'));
    expect(m).toMatchObject({ scormVersion: '2004-4th', identifier: 'nl.ggz.test.sequencing', defaultOrganizationId: 'org_main', title: 'Suïcidepreventie: signaleren & bespreekbaar maken', warnings: [] });
    const main = m.organizations.find((o) => o.id === 'org_main')!;
    expect(main).toMatchObject({ objectivesGlobalToSystem: false, sharedDataGlobalToSystem: false, sequencing: { controlMode: { choice: true, flow: true } } });
    const [intro, quiz] = main.items[0]!.children;
    expect(intro).toMatchObject({
      href: 'course/content/intro/start.html?lang=nl#begin',
      timeLimitAction: 'exit,message',
      dataFromLms: 'mode=intro',
      hideLmsUi: ['continue', 'previous'],
      sharedData: [{ targetId: 'shared_notes', readSharedData: true, writeSharedData: false }],
    });
    expect(quiz).toMatchObject({ href: 'course/content/quiz/index.html?mode=test', isVisible: false, sequencingRef: 'seq_quiz' });
    expect(launchables(m)).toMatchObject([
      { itemId: 'intro', scaledPassingScore: 0.6, maxTimeAllowed: 'PT1H30M', completionThreshold: 0.8, path: ['module_1'] },
      { itemId: 'quiz', scaledPassingScore: 1, isVisible: false, path: ['module_1'] },
    ]);
  });
});

describe('hostile XML', () => {
  it('refuses a billion-laughs entity declaration without expanding anything', () => {
    const started = performance.now();
    const error = refused(manifestFixture('billion-laughs.xml'));
    expect(performance.now() - started).toBeLessThan(500);
    expect(error.code).toBe('xml-dtd');
    expect(error.nl).toContain('ENTITY');
    expect(error.en).toContain('security');
  });

  it('refuses an external entity (XXE) declaration', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE manifest [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${manifest12({ org: item('i', 'r1').replace('<title>i</title>', '<title>&xxe;</title>') }).replace(/^<\?xml[^>]*>/, '')}`;
    expect(refused(xxe).code).toBe('xml-dtd');
  });

  it('leaves undeclared entities as characters (no DTD, nothing to expand)', () => {
    const m = parsed(manifest12({ org: item('i', 'r1').replace('<title>i</title>', '<title>a &nbsp; b</title>') }));
    expect(m.organizations[0]!.items[0]!.title).toBe('a &nbsp; b');
  });

  it('refuses prototype-polluting names instead of crashing', () => {
    const result = parseManifest(`<manifest ${ns2004} constructor="x"><organizations/></manifest>`);
    expect(result.ok).toBe(false);
  });

  it('produces a model that survives JSON (what is stored with the version)', () => {
    const m = parsed(manifestFixture('sequencing-4th.xml'));
    expect(JSON.parse(JSON.stringify(m))).toEqual(m);
    const stored = parsed(manifest12({ org: item('i', 'r1') }));
    expect(JSON.parse(JSON.stringify(stored))).toEqual(stored);
  });
});
