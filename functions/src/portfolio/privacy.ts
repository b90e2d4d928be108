/**
 * The portfolio core's part of personal-data requests (called by functions/src/privacy): what it
 * stores of a person (registrations, external learning with its evidence's metadata, reflections),
 * and their erasure (those items and every evidence object under the person's prefix). Platform
 * completions are learning's data, not copied here, so learning exports and erases them.
 */
import type { StoreClients } from '../platform/store/clients';
import { del } from '../platform/store/table';
import { eraseObjectsUnder } from '../platform/audit';
import { evidencePrefix } from './domain/evidence';
import { portfolioItems, portfolioKeys } from './store';

export async function portfolioDataOf(store: StoreClients, userId: string) {
  const items = await portfolioItems(store, userId, { consistent: true });
  return {
    registrations: items.registrations,
    externalLearning: items.externals.map(({ evidence, ...e }) => ({ ...e, ...(evidence ? { evidence: { fileName: evidence.fileName, contentType: evidence.contentType, bytes: evidence.bytes, uploadedAt: evidence.uploadedAt } } : {}) })),
    reflections: items.reflections,
  };
}

/** Deletes the items and the evidence objects; returns how many of each went. Safe to run again. */
export async function erasePortfolio(store: StoreClients, userId: string): Promise<{ items: number; objects: number }> {
  const itemKeys = await portfolioKeys(store, userId);
  for (const key of itemKeys) await del(store, key);
  // Every version of every evidence object: the attachments bucket is versioned in AWS.
  const objects = await eraseObjectsUnder(store, 'attachments', evidencePrefix(userId));
  return { items: itemKeys.length, objects };
}
