/** Who people are: profiles and `/api/me` (with what the policy lets them do). */
import { meRoutes } from './me-routes';

/** The identity's resource: the profile at `/api/me` itself (paths relative to it; app.ts mounts it). */
export const routes = { me: meRoutes };

export { Me, AbilitiesSchema } from './me-routes';
export { ensureUser, newProfilePart, getUser, listUsers, teamMembers, everyUser, type UserProfile } from './users-store';
export { eraseProfile } from './personal-data';
