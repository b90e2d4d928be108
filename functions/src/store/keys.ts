/**
 * Key builders for the single table. Every item's keys are made here so the access
 * patterns in docs/data-model.md stay readable in one file.
 */
export const keys = {
  user: (userId: string) => ({ PK: `USER#${userId}`, SK: 'PROFILE' }),
  /** GSI1: all user profiles, ordered by name (admin listing, dev sign-in page). */
  userIndex: (name: string, userId: string) => ({ GSI1PK: 'USERS', GSI1SK: `${name.toLocaleLowerCase('nl')}#${userId}` }),
  organisation: (orgId: string) => ({ PK: `ORG#${orgId}`, SK: 'PROFILE' }),
};
