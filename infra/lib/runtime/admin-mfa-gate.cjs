'use strict';
// Cognito pre-token-generation trigger (inline Lambda code; the AWS SDK ships with the runtime).
// Roles whose tokens must prove a second factor are withheld from the token's cognito:groups
// unless the user has TOTP MFA activated. In this pool MFA is OPTIONAL and device tracking is
// off, so a user with TOTP activated is asked for a code at every sign-in: "has TOTP" means
// "this session passed MFA". The API and the policy see a user without it as not having the role.
// It cannot tell whether TOTP was enrolled by the user or by someone holding only the password, so
// users join the group only after enrolling (docs/operations.md, "Order matters").

const rolesRequiringMfa = ['academy-admin'];

/** The groups to put in the token: all of them, minus roles that need MFA when the user has none. */
function groupsForToken(groups, mfaSettings) {
  const hasTotp = Array.isArray(mfaSettings) && mfaSettings.includes('SOFTWARE_TOKEN_MFA');
  return hasTotp ? groups : groups.filter((group) => !rolesRequiringMfa.includes(group));
}

async function handle(event, deps) {
  const groups = (event.request && event.request.groupConfiguration && event.request.groupConfiguration.groupsToOverride) || [];
  if (!groups.some((group) => rolesRequiringMfa.includes(group))) return event;
  const user = await deps.getUser(event.userPoolId, event.userName);
  const kept = groupsForToken(groups, user.UserMFASettingList);
  if (kept.length !== groups.length) {
    console.log(JSON.stringify({ message: 'role withheld: no MFA', userName: event.userName, withheld: groups.filter((g) => !kept.includes(g)) }));
    event.response = event.response || {};
    event.response.claimsOverrideDetails = { ...(event.response.claimsOverrideDetails || {}), groupOverrideDetails: { groupsToOverride: kept } };
  }
  return event;
}

exports.rolesRequiringMfa = rolesRequiringMfa;
exports.groupsForToken = groupsForToken;
exports.handle = handle;
exports.handler = async (event) => {
  const sdk = require('@aws-sdk/client-cognito-identity-provider');
  const client = new sdk.CognitoIdentityProviderClient({});
  const getUser = (UserPoolId, Username) => client.send(new sdk.AdminGetUserCommand({ UserPoolId, Username }));
  return handle(event, { getUser });
};
