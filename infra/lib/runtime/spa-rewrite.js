// CloudFront Function (runtime cloudfront-js-2.0), viewer request, default behaviour of the app
// distribution only: /api/* has its own behaviour and never reaches this code.
//
// Client-side routes such as /kennisbank/angst have no object in the bucket, so they are served
// the SPA shell. A path whose last segment contains a dot is a file and passes through unchanged:
// a missing asset must stay an error, not turn into an HTML page with status 200.
// This replaces distribution-wide errorResponses, which would also rewrite the API's 403/404s.
function handler(event) {
  var request = event.request;
  var uri = request.uri;
  var lastSegment = uri.substring(uri.lastIndexOf('/') + 1);
  if (lastSegment.indexOf('.') === -1) {
    request.uri = '/index.html';
  }
  return request;
}
