import { manifestErrors, manifestWarnings, type ManifestError, type ManifestWarning } from './errors';
import { organizationOf, PACKAGE_MODEL_VERSION } from './model';
import type { CompletionThreshold, HideLmsUiToken, Item, Launchable, Organization, PackageManifest, Resource, ScormVersion, Sequencing, SharedDataMap, TimeLimitAction } from './model';
import { applyParameters, joinBases, safeRelativeUrl } from './paths';
import { mergeSequencing, readSequencing } from './sequencing';
import { plainText, put, readBoolean, readDecimal, type ValueReader } from './values';
import { attr, childNamed, childrenNamed, NS, NSG, parseXml, textContent, type XmlElement } from './xml';

/**
 * `imsmanifest.xml` → the package model (SCORM 1.2 and 2004 2nd–4th edition). Pure: text in,
 * model or a bilingual error out. See functions/docs/scorm.md, section "Manifest".
 */

export { organizationOf } from './model';
export { toScormAgainSequencing, type ScormAgainActivity, type ScormAgainSequencingSettings, type ToScormAgainOptions } from './scorm-again';
export type { ManifestError, ManifestWarning } from './errors';
export type * from './model';

export type ParseManifestResult = { ok: true; manifest: PackageManifest } | { ok: false; error: ManifestError };

class Refused extends Error {
  constructor(readonly error: ManifestError) {
    super(error.en);
  }
}

const cp = NSG.cp;
const adlcp = NSG.adlcp;

/** The SCORM version from `<schemaversion>`, else from the namespaces the manifest uses. */
function detectVersion(root: XmlElement): ScormVersion | ManifestError {
  const metadata = childNamed(root, cp, 'metadata');
  const schemaVersion = metadata && childNamed(metadata, cp, 'schemaversion') ? plainText(textContent(childNamed(metadata, cp, 'schemaversion')!)) : '';
  if (schemaVersion !== '') {
    if (/^(scorm\s*)?1\.2(\.\d+)?$/i.test(schemaVersion)) return '1.2';
    if (/^(cam\s*)?1\.3$/i.test(schemaVersion) || /2004\s*2nd/i.test(schemaVersion)) return '2004-2nd';
    if (/2004\s*3rd/i.test(schemaVersion)) return '2004-3rd';
    if (/2004\s*4th/i.test(schemaVersion)) return '2004-4th';
    return manifestErrors.unsupportedSchema(schemaVersion);
  }
  const used = new Set<string>();
  const collect = (el: XmlElement) => {
    used.add(el.ns);
    for (const a of el.attributes) used.add(a.ns);
    for (const ns of Object.values(el.namespaces)) used.add(ns);
    el.children.forEach(collect);
  };
  collect(root);
  if (used.has(NS.adlcp12) || ((used.has(NS.imscp12) || used.has(NS.imscp12Global)) && !used.has(NS.adlcp))) return '1.2';
  if (used.has(NS.adlcp) || used.has(NS.imsss) || used.has(NS.adlseq)) return '2004-3rd';
  return manifestErrors.unsupportedSchema('—');
}

const adlcpChild = (el: XmlElement, name: string) => el.children.find((c) => adlcp.includes(c.ns) && c.name.toLowerCase() === name.toLowerCase());
const trimmedText = (el: XmlElement | undefined) => (el ? textContent(el).trim() : undefined);

function normaliseTimeLimitAction(r: ValueReader, where: string, value: string | undefined): TimeLimitAction | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase().replace(/\s*,\s*/g, ',').replace(/\s+/g, ' ');
  const allowed: TimeLimitAction[] = ['exit,message', 'exit,no message', 'continue,message', 'continue,no message'];
  if ((allowed as string[]).includes(v)) return v as TimeLimitAction;
  r.warnings.push(manifestWarnings.invalidValue(where, 'timeLimitAction', value));
  return undefined;
}

const hideTokens: readonly HideLmsUiToken[] = ['continue', 'previous', 'exit', 'exitAll', 'abandon', 'abandonAll', 'suspendAll'];

interface Context extends ValueReader {
  version: ScormVersion;
  resources: Record<string, Resource>;
  collection: Record<string, Sequencing>;
  missingScormType: Set<string>;
}

function sequencingOf(ctx: Context, where: string, owner: XmlElement): { sequencing?: Sequencing; sequencingRef?: string } {
  const el = childNamed(owner, NSG.imsss, 'sequencing');
  if (!el) return {};
  const own = readSequencing(ctx, where, el);
  const ref = attr(el, ['', ...NSG.imsss], 'IDRef')?.trim();
  if (!ref) return { sequencing: own };
  const referenced = ctx.collection[ref];
  if (!referenced) throw new Refused(manifestErrors.unknownSequencingRef(where, ref));
  return { sequencing: mergeSequencing(referenced, own), sequencingRef: ref };
}

function readCompletionThreshold(ctx: Context, where: string, el: XmlElement): CompletionThreshold | undefined {
  const hasAttributes = ['completedByMeasure', 'minProgressMeasure', 'progressWeight'].some((n) => attr(el, ['', ...adlcp], n) !== undefined);
  if (hasAttributes) {
    // SCORM 2004 4th edition: attributes.
    return {
      completedByMeasure: readBoolean(ctx, where, 'completedByMeasure', attr(el, ['', ...adlcp], 'completedByMeasure')) ?? false,
      minProgressMeasure: readDecimal(ctx, where, 'minProgressMeasure', attr(el, ['', ...adlcp], 'minProgressMeasure'), 0, 1) ?? 1,
      progressWeight: readDecimal(ctx, where, 'progressWeight', attr(el, ['', ...adlcp], 'progressWeight'), 0, 1) ?? 1,
    };
  }
  // SCORM 2004 3rd edition: the threshold is the element's text; the runtime judges completion by it.
  const value = readDecimal(ctx, where, 'completionThreshold', textContent(el), 0, 1);
  return value === undefined ? undefined : { completedByMeasure: true, minProgressMeasure: value, progressWeight: 1 };
}

function readItem(ctx: Context, el: XmlElement): Item {
  const id = (attr(el, [''], 'identifier') ?? '').trim();
  const where = id || '(item)';
  const titleEl = childNamed(el, cp, 'title');
  const item: Item = {
    id,
    title: plainText(titleEl ? textContent(titleEl) : '') || id,
    isVisible: readBoolean(ctx, where, 'isvisible', attr(el, [''], 'isvisible')) ?? true,
    children: [],
  };
  const ref = attr(el, [''], 'identifierref')?.trim();
  const parameters = attr(el, [''], 'parameters');
  if (parameters !== undefined && parameters.trim() !== '') item.parameters = parameters.trim();
  if (ref) {
    const resource = ctx.resources[ref];
    if (!resource) throw new Refused(manifestErrors.unknownResource(where, ref));
    if (!resource.href) throw new Refused(manifestErrors.resourceWithoutHref(ref));
    item.resourceId = ref;
    const launch = safeRelativeUrl(applyParameters(resource.href, item.parameters));
    if (!launch.ok) throw new Refused(manifestErrors.unsafeHref(where, applyParameters(resource.href, item.parameters)));
    item.href = launch.path;
    if (ctx.missingScormType.has(ref)) {
      ctx.warnings.push(manifestWarnings.missingScormType(ref));
      ctx.missingScormType.delete(ref);
    }
  }

  if (ctx.version === '1.2') {
    put(item, 'masteryScore', readDecimal(ctx, where, 'adlcp:masteryscore', trimmedText(adlcpChild(el, 'masteryscore')), 0, 100));
    const maxTime = trimmedText(adlcpChild(el, 'maxtimeallowed'));
    if (maxTime) item.maxTimeAllowed = maxTime;
    const prerequisites = trimmedText(adlcpChild(el, 'prerequisites'));
    if (prerequisites) item.prerequisites = prerequisites;
  }
  put(item, 'timeLimitAction', normaliseTimeLimitAction(ctx, where, trimmedText(adlcpChild(el, 'timelimitaction'))));
  const data = adlcpChild(el, 'datafromlms');
  if (data) item.dataFromLms = textContent(data).trim();

  if (ctx.version !== '1.2') {
    const threshold = adlcpChild(el, 'completionThreshold');
    if (threshold) put(item, 'completionThreshold', readCompletionThreshold(ctx, where, threshold));
    Object.assign(item, sequencingOf(ctx, where, el));
    const presentation = childNamed(el, NSG.adlnav, 'presentation');
    const navigation = presentation && childNamed(presentation, NSG.adlnav, 'navigationInterface');
    if (navigation) {
      const tokens = childrenNamed(navigation, NSG.adlnav, 'hideLMSUI')
        .map((h) => textContent(h).trim())
        .filter((t): t is HideLmsUiToken => {
          if ((hideTokens as readonly string[]).includes(t)) return true;
          ctx.warnings.push(manifestWarnings.invalidValue(where, 'hideLMSUI', t));
          return false;
        });
      if (tokens.length > 0) item.hideLmsUi = [...new Set(tokens)];
    }
    const shared = adlcpChild(el, 'data');
    if (shared) {
      const maps: SharedDataMap[] = shared.children
        .filter((m) => adlcp.includes(m.ns) && m.name === 'map' && attr(m, [''], 'targetID')?.trim())
        .map((m) => ({
          targetId: attr(m, [''], 'targetID')!.trim(),
          readSharedData: readBoolean(ctx, where, 'readSharedData', attr(m, [''], 'readSharedData')) ?? true,
          writeSharedData: readBoolean(ctx, where, 'writeSharedData', attr(m, [''], 'writeSharedData')) ?? true,
        }));
      if (maps.length > 0) item.sharedData = maps;
    }
  }

  item.children = childrenNamed(el, cp, 'item').map((child) => readItem(ctx, child));
  return item;
}

function readResources(ctx: Context, root: XmlElement, resourcesEl: XmlElement): void {
  const manifestBase = attr(root, NSG.xml, 'base');
  const resourcesBase = attr(resourcesEl, NSG.xml, 'base');
  for (const el of childrenNamed(resourcesEl, cp, 'resource')) {
    const id = (attr(el, [''], 'identifier') ?? '').trim();
    const rawType = attr(el, adlcp, 'scormType', true)?.trim().toLowerCase();
    const resource: Resource = { id, scormType: rawType === 'sco' ? 'sco' : 'asset', type: (attr(el, [''], 'type') ?? '').trim() };
    if (rawType !== 'sco' && rawType !== 'asset') ctx.missingScormType.add(id);
    const href = attr(el, [''], 'href');
    if (href !== undefined && href.trim() !== '') {
      const joined = joinBases(manifestBase, resourcesBase, attr(el, NSG.xml, 'base'), href);
      const safe = safeRelativeUrl(joined);
      if (!safe.ok) throw new Refused(manifestErrors.unsafeHref(id, joined));
      resource.href = safe.path;
    }
    ctx.resources[id] = resource;
  }
}

/**
 * Activity identifiers (organizations and items: they become scorm-again activity ids) are unique,
 * and so are resource identifiers. An item and a resource sharing an identifier is invalid XML-ID
 * use but harmless here, and some exporters do it, so it is accepted.
 */
function checkUniqueIdentifiers(root: XmlElement): void {
  const activities = new Set<string>();
  const resources = new Set<string>();
  const visit = (el: XmlElement) => {
    if (cp.includes(el.ns) && (el.name === 'organization' || el.name === 'item' || el.name === 'resource')) {
      const id = (attr(el, [''], 'identifier') ?? '').trim();
      const seen = el.name === 'resource' ? resources : activities;
      if (seen.has(id)) throw new Refused(manifestErrors.duplicateIdentifier(id));
      seen.add(id);
    }
    // Sub-manifests (nested <manifest>) have their own identifier space.
    for (const child of el.children) if (!(cp.includes(child.ns) && child.name === 'manifest')) visit(child);
  };
  visit(root);
}

/** Parse `imsmanifest.xml` into the package model, or say precisely (in Dutch and English) why not. */
export function parseManifest(xml: string): ParseManifestResult {
  const parsed = parseXml(xml);
  if (!parsed.ok) return parsed;
  const root = parsed.root;
  if (root.name !== 'manifest' || !cp.includes(root.ns)) return { ok: false, error: manifestErrors.notAManifest(root.name) };

  const version = detectVersion(root);
  if (typeof version !== 'string') return { ok: false, error: version };

  try {
    const warnings: ManifestWarning[] = [];
    const ctx: Context = { version, warnings, resources: Object.create(null) as Record<string, Resource>, collection: Object.create(null) as Record<string, Sequencing>, missingScormType: new Set() };

    const organizationsEl = childNamed(root, cp, 'organizations');
    const organizationEls = organizationsEl ? childrenNamed(organizationsEl, cp, 'organization') : [];
    if (organizationEls.length === 0) return { ok: false, error: manifestErrors.noOrganizations() };
    const resourcesEl = childNamed(root, cp, 'resources');
    if (!resourcesEl || childrenNamed(resourcesEl, cp, 'resource').length === 0) return { ok: false, error: manifestErrors.noResources() };

    checkUniqueIdentifiers(root);
    readResources(ctx, root, resourcesEl);

    if (version !== '1.2') {
      const collectionEl = childNamed(root, NSG.imsss, 'sequencingCollection');
      for (const entry of collectionEl ? childrenNamed(collectionEl, NSG.imsss, 'sequencing') : []) {
        const id = attr(entry, ['', ...NSG.imsss], 'ID')?.trim();
        if (id) ctx.collection[id] = readSequencing(ctx, `sequencingCollection ${id}`, entry);
      }
    }

    const organizations: Organization[] = organizationEls.map((el) => {
      const id = (attr(el, [''], 'identifier') ?? '').trim();
      const titleEl = childNamed(el, cp, 'title');
      const organization: Organization = { id, title: plainText(titleEl ? textContent(titleEl) : '') || id, items: childrenNamed(el, cp, 'item').map((item) => readItem(ctx, item)) };
      if (version !== '1.2') {
        Object.assign(organization, sequencingOf(ctx, id, el));
        put(organization, 'objectivesGlobalToSystem', readBoolean(ctx, id, 'objectivesGlobalToSystem', attr(el, NSG.adlseq, 'objectivesGlobalToSystem')));
        put(organization, 'sharedDataGlobalToSystem', readBoolean(ctx, id, 'sharedDataGlobalToSystem', attr(el, adlcp, 'sharedDataGlobalToSystem')));
      }
      return organization;
    });

    const defaultRef = organizationsEl && attr(organizationsEl, [''], 'default')?.trim();
    let defaultOrganization = organizations.find((o) => o.id === defaultRef);
    if (!defaultOrganization) {
      if (defaultRef) warnings.push(manifestWarnings.unknownDefaultOrganization(defaultRef));
      defaultOrganization = organizations[0]!;
    }

    const manifest: PackageManifest = {
      model: PACKAGE_MODEL_VERSION,
      identifier: (attr(root, [''], 'identifier') ?? '').trim(),
      scormVersion: version,
      title: defaultOrganization.title,
      defaultOrganizationId: defaultOrganization.id,
      organizations,
      resources: { ...ctx.resources },
      warnings,
    };
    const metadata = childNamed(root, cp, 'metadata');
    const schemaVersionEl = metadata && childNamed(metadata, cp, 'schemaversion');
    if (schemaVersionEl) manifest.schemaVersion = plainText(textContent(schemaVersionEl));
    if (Object.keys(ctx.collection).length > 0) manifest.sequencingCollection = { ...ctx.collection };
    if (launchables(manifest).length === 0) return { ok: false, error: manifestErrors.noLaunchable() };
    return { ok: true, manifest };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, error: e.error };
    throw e;
  }
}

/**
 * Every launchable item (SCOs and assets) of the default organization in table-of-contents
 * order (document order, depth first): what previous/next walks through for SCORM 1.2 and what
 * the player launches when scorm-again's sequencing delivers an activity with that id.
 */
export function launchables(manifest: PackageManifest, organizationId?: string): Launchable[] {
  const organization = organizationOf(manifest, organizationId);
  if (!organization) return [];
  const out: Launchable[] = [];
  const visit = (item: Item, path: string[]) => {
    if (item.href && item.resourceId) {
      const resource = manifest.resources[item.resourceId];
      const launchable: Launchable = { itemId: item.id, title: item.title, resourceId: item.resourceId, scormType: resource?.scormType ?? 'asset', href: item.href, isVisible: item.isVisible, path };
      put(launchable, 'parameters', item.parameters);
      put(launchable, 'masteryScore', item.masteryScore);
      const primary = item.sequencing?.objectives?.primary;
      if (primary?.satisfiedByMeasure) launchable.scaledPassingScore = primary.minNormalizedMeasure ?? 1;
      put(launchable, 'maxTimeAllowed', item.maxTimeAllowed ?? item.sequencing?.limitConditions?.attemptAbsoluteDurationLimit);
      put(launchable, 'timeLimitAction', item.timeLimitAction);
      put(launchable, 'dataFromLms', item.dataFromLms);
      if (item.completionThreshold?.completedByMeasure) launchable.completionThreshold = item.completionThreshold.minProgressMeasure;
      out.push(launchable);
    }
    for (const child of item.children) visit(child, [...path, item.id]);
  };
  for (const item of organization.items) visit(item, []);
  return out;
}
