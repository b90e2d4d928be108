import type { StoreClients } from '../platform/store/clients';
import { keys } from '../platform/store/keys';
import { del } from '../platform/store/table';

/**
 * The profile's part of an erasure (functions/docs/privacy.md): the profile item goes, and with it
 * its index entries (the users list, the team's members). Should the person sign in again later, a
 * new profile is made from their token as on a first sign-in: an erasure does not close the
 * account at the identity provider, which the organisation does when the person leaves.
 */
export async function eraseProfile(store: StoreClients, userId: string): Promise<void> {
  await del(store, keys.user(userId));
}
