/** Who people are: profiles and `/api/me` (with what the policy lets them do). */
export { meRoutes, Me, AbilitiesSchema } from './me-routes';
export { ensureUser, getUser, listUsers, type UserProfile } from './users-store';
