'use strict';
// Custom resource handler (inline Lambda code, no bundling; the AWS SDK ships with the runtime).
// Writes the app distribution's final response-headers policy once everything it names exists.
// CloudFormation cannot do it in one pass: the CSP names the content distribution and the uploads
// bucket, and those name the app distribution (frame-ancestors, CORS), which uses this policy.

async function applyPolicy(client, commands, policyId, config) {
  // CloudFront updates are optimistic: the current ETag must accompany the new configuration.
  const current = await client.send(new commands.GetResponseHeadersPolicyConfigCommand({ Id: policyId }));
  await client.send(
    new commands.UpdateResponseHeadersPolicyCommand({ Id: policyId, IfMatch: current.ETag, ResponseHeadersPolicyConfig: config }),
  );
}

async function handle(event, deps) {
  const props = event.ResourceProperties;
  let status = 'SUCCESS';
  let reason = 'OK';
  try {
    // On Delete there is nothing to undo: CloudFormation deletes or restores the policy itself.
    if (event.RequestType !== 'Delete') {
      await applyPolicy(deps.client, deps.commands, props.PolicyId, JSON.parse(props.Config));
    }
  } catch (err) {
    status = 'FAILED';
    reason = String((err && err.message) || err).slice(0, 500);
    console.error(err);
  }
  // Always answer, or CloudFormation waits an hour for a response that never comes.
  const body = JSON.stringify({
    Status: status,
    Reason: reason,
    PhysicalResourceId: event.PhysicalResourceId || 'headers-policy-link-' + props.PolicyId,
    StackId: event.StackId,
    RequestId: event.RequestId,
    LogicalResourceId: event.LogicalResourceId,
  });
  const response = await deps.fetch(event.ResponseURL, { method: 'PUT', headers: { 'content-type': '' }, body });
  if (!response.ok) throw new Error('CloudFormation did not accept the response: HTTP ' + response.status);
  return status;
}

exports.handle = handle;
exports.handler = async (event) => {
  const sdk = require('@aws-sdk/client-cloudfront');
  return handle(event, { client: new sdk.CloudFrontClient({}), commands: sdk, fetch });
};
