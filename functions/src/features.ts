/**
 * The features, connected once: knowledge learns of the academy through links handed in here
 * (learning imports knowledge, never the other way round). Every composition root (the app, the
 * seed and bench scripts) imports this file.
 */
import { useLearningLinks } from './knowledge';
import { linksForKnowledge } from './learning';
import { usePartnerLinks, usePeopleLinks } from './networks';
import { organisationAllows } from './partners';
import { getUser } from './identity';

useLearningLinks(linksForKnowledge);
// networks names the people it appoints without importing identity (which reads memberships from networks).
usePeopleLinks({ personOf: async (store, userId) => {
  const u = await getUser(store, userId);
  return u ? { id: u.id, name: u.name, roles: u.roles, ...(u.organisationId ? { organisationId: u.organisationId } : {}) } : undefined;
} });
// Partners may limit their users to some networks; networks asks without importing partners (which builds on identity).
usePartnerLinks(organisationAllows);

export * as identity from './identity';
export * as knowledge from './knowledge';
export * as learning from './learning';
export * as networks from './networks';
