// CloudFront Function (runtime cloudfront-js-2.0), viewer request, /player/* behaviour of the
// content distribution only.
//
// The player opens as {contentOrigin}/player/#launch=… (the fragment never reaches a server). S3
// has no index documents behind OAC, so a path ending in "/" gets its index.html; "/player" itself
// is matched by no behaviour pattern of this function and ends at the default behaviour (403).
function handler(event) {
  var request = event.request;
  if (request.uri.charAt(request.uri.length - 1) === '/') {
    request.uri = request.uri + 'index.html';
  }
  return request;
}
