import { Scorm2004API } from 'scorm-again';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchables, toScormAgainSequencing, type PackageManifest } from '../../../functions/src/scorm/domain/manifest';
import { manifestFromZip, parsed } from './manifests';

/**
 * The four real packages in ../shared/fixtures/scorm (Rustici's "Golf Explained", CC BY 3.0),
 * their imsmanifest.xml read from the zip, parsed, and the sequencing settings fed to the real
 * scorm-again 2004 API to show that it accepts them and navigates.
 */

const manifests: Record<string, PackageManifest> = {};
beforeAll(async () => {
  for (const name of ['golf-scorm12-basic-runtime', 'golf-scorm2004-single-sco', 'golf-scorm2004-multi-sco', 'golf-scorm2004-basic-runtime']) {
    manifests[name] = parsed(await manifestFromZip(`${name}.zip`));
  }
});
afterEach(() => vi.restoreAllMocks());

/** A fresh scorm-again 2004 API over our settings, recording delivered activity ids. */
function runtime(manifest: PackageManifest) {
  vi.spyOn(console, 'debug').mockImplementation(() => {}); // scorm-again logs deliveries
  const delivered: string[] = [];
  const api = new Scorm2004API({ logLevel: 5, sequencing: { ...toScormAgainSequencing(manifest), eventListeners: { onActivityDelivery: (a) => delivered.push(a.id) } } });
  return { api, delivered };
}

describe('real packages', () => {
  it('SCORM 1.2 golf basic runtime: one SCO, no mastery score', () => {
    const m = manifests['golf-scorm12-basic-runtime']!;
    expect(m).toMatchObject({ scormVersion: '1.2', schemaVersion: '1.2', identifier: 'com.scorm.golfsamples.runtime.basicruntime.12', title: 'Golf Explained - Run-time Basic Calls', defaultOrganizationId: 'golf_sample_default_org', warnings: [] });
    expect(launchables(m)).toEqual([{ itemId: 'item_1', title: 'Golf Explained', resourceId: 'resource_1', scormType: 'sco', href: 'shared/launchpage.html', isVisible: true, path: [] }]);
    expect(m.organizations[0]!.items[0]!.masteryScore).toBeUndefined();
  });

  it('SCORM 2004 single SCO: one SCO, no sequencing', () => {
    const m = manifests['golf-scorm2004-single-sco']!;
    expect(m).toMatchObject({ scormVersion: '2004-3rd', title: 'Golf Explained - CP Single SCO', warnings: [] });
    expect(launchables(m)).toMatchObject([{ itemId: 'item_1', scormType: 'sco', href: 'shared/launchpage.html' }]);
    expect(m.organizations[0]!.sequencing).toBeUndefined();
    expect(m.organizations[0]!.items[0]!.sequencing).toBeUndefined();
  });

  it('SCORM 2004 basic runtime: one SCO with delivery controls, organization with choice and flow', () => {
    const m = manifests['golf-scorm2004-basic-runtime']!;
    expect(m).toMatchObject({ scormVersion: '2004-3rd', warnings: [] });
    const org = m.organizations[0]!;
    expect(org).toMatchObject({ objectivesGlobalToSystem: false, sequencing: { controlMode: { choice: true, flow: true } } });
    expect(org.items[0]!.sequencing).toEqual({ deliveryControls: { completionSetByContent: true, objectiveSetByContent: true } });
    expect(launchables(m)).toMatchObject([{ itemId: 'item_1', scormType: 'sco', href: 'shared/launchpage.html' }]);

    const { api, delivered } = runtime(m);
    expect(api.processNavigationRequest('start')).toBe(true);
    expect(delivered).toEqual(['item_1']);
  });

  it('SCORM 2004 multi-SCO: four aggregations of 6, 4, 5 and 3 one-page assets (no SCOs), quizzes by parameters', () => {
    const m = manifests['golf-scorm2004-multi-sco']!;
    expect(m).toMatchObject({ scormVersion: '2004-3rd', title: 'Golf Explained - CP One File Per SCO', warnings: [] });
    const items = m.organizations[0]!.items;
    expect(items.map((i) => [i.id, i.title, i.resourceId, i.children.length])).toEqual([
      ['playing_item', 'Playing the Game', undefined, 6],
      ['etiquette_item', 'Etiquette', undefined, 4],
      ['handicapping_item', 'Handicapping', undefined, 5],
      ['havingfun_item', 'Having Fun', undefined, 3],
    ]);
    expect(items.every((i) => i.children.every((c) => c.children.length === 0))).toBe(true);
    const launch = launchables(m);
    expect(launch).toHaveLength(18);
    expect(launch.filter((l) => l.scormType === 'sco')).toHaveLength(0);
    expect(launch.filter((l) => l.scormType === 'asset')).toHaveLength(18);
    expect(launch[0]).toEqual({ itemId: 'playing_playing_item', title: 'How to Play', resourceId: 'playing_playing_resource', scormType: 'asset', href: 'Playing/Playing.html', isVisible: true, path: ['playing_item'] });
    expect(launch.filter((l) => l.parameters).map((l) => l.href)).toEqual([
      'shared/assessmenttemplate.html?questions=Playing',
      'shared/assessmenttemplate.html?questions=Etiquette',
      'shared/assessmenttemplate.html?questions=Handicapping',
      'shared/assessmenttemplate.html?questions=HavingFun',
    ]);
    // The dependency-only resource stays in the model without being launched.
    expect(m.resources.common_files).toMatchObject({ scormType: 'asset' });
  });

  it('SCORM 2004 multi-SCO in scorm-again: start, continue, previous and choice deliver the right items', () => {
    const m = manifests['golf-scorm2004-multi-sco']!;
    const { api, delivered } = runtime(m);
    expect(api.processNavigationRequest('start')).toBe(true);
    expect(api.processNavigationRequest('continue')).toBe(true);
    expect(api.processNavigationRequest('previous')).toBe(true);
    expect(api.processNavigationRequest('choice', 'etiquette_quiz_item')).toBe(true);
    expect(api.processNavigationRequest('continue')).toBe(true);
    expect(delivered).toEqual(['playing_playing_item', 'playing_par_item', 'playing_playing_item', 'etiquette_quiz_item', 'handicapping_overview_item']);
  });

  it('SCORM 2004 multi-SCO with the strict default (flow off): only choice works, as the specification says', () => {
    vi.spyOn(console, 'debug').mockImplementation(() => {});
    const delivered: string[] = [];
    const settings = toScormAgainSequencing(manifests['golf-scorm2004-multi-sco']!, { unstatedFlow: 'spec' });
    const api = new Scorm2004API({ logLevel: 5, sequencing: { ...settings, eventListeners: { onActivityDelivery: (a) => delivered.push(a.id) } } });
    expect(api.processNavigationRequest('start')).toBe(false);
    expect(api.processNavigationRequest('choice', 'havingfun_quiz_item')).toBe(true);
    expect(delivered).toEqual(['havingfun_quiz_item']);
  });
});
