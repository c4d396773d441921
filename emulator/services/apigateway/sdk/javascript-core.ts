/**
 * The library files of a generated JavaScript SDK, under the paths and global names AWS's generated SDK uses
 * (`apiGateway.core.*`, `uritemplate`), written for twinstack: where AWS's bundle ships axios and CryptoJS, these use
 * the platform's `fetch` and Web Crypto (browsers, Node.js 18 and later), so the archive holds no third-party code.
 */
export const CORE_FILES: Record<string, string> = {
  'lib/url-template/url-template.js': `/* Expands {name} variables of a path template with URI-encoded values. */
var uritemplate = function (template) {
  return {
    expand: function (values) {
      return template.replace(/\\{([^}]+)\\}/g, function (_, name) {
        var value = values[name.replace(/\\+$/, '')];
        if (value === undefined || value === null) return '';
        return /\\+$/.test(name) ? String(value).split('/').map(encodeURIComponent).join('/') : encodeURIComponent(String(value));
      });
    },
  };
};
`,
  'lib/apiGatewayCore/utils.js': `var apiGateway = apiGateway || {};
apiGateway.core = apiGateway.core || {};

apiGateway.core.utils = {
  assertDefined: function (object, name) {
    if (object === undefined) throw new Error(name + ' must be defined');
    return object;
  },
  /* Throws unless every name is a key of params (the method's required path, query and header parameters). */
  assertParametersDefined: function (params, keys, ignore) {
    if (keys === undefined) return;
    if (keys.length > 0 && params === undefined) params = {};
    for (var i = 0; i < keys.length; i++) {
      if (!apiGateway.core.utils.contains(ignore || [], keys[i]) && params[keys[i]] === undefined) throw new Error(keys[i] + ' must be defined');
    }
  },
  /* The entries of params named in keys, as an object. */
  parseParametersToObject: function (params, keys) {
    var object = {};
    if (params === undefined) return object;
    for (var i = 0; i < keys.length; i++) if (params[keys[i]] !== undefined) object[keys[i]] = params[keys[i]];
    return object;
  },
  contains: function (list, item) {
    return list.indexOf(item) !== -1;
  },
  copy: function (object) {
    return object === null || typeof object !== 'object' ? object : JSON.parse(JSON.stringify(object));
  },
  mergeInto: function (base, extra) {
    var merged = apiGateway.core.utils.copy(base) || {};
    for (var key in extra) if (Object.prototype.hasOwnProperty.call(extra, key)) merged[key] = extra[key];
    return merged;
  },
};
`,
  'lib/apiGatewayCore/simpleHttpClient.js': `var apiGateway = apiGateway || {};
apiGateway.core = apiGateway.core || {};

/* Sends requests as they are (no signature): fetch, resolving with the response for 2xx and rejecting otherwise. */
apiGateway.core.simpleHttpClientFactory = {
  newClient: function (config) {
    return {
      makeRequest: function (request) {
        return apiGateway.core.send(config, request, {});
      },
    };
  },
};

/* The URL, headers and body of a request; resolves with { status, statusText, headers, data } (data parsed from JSON when the response says so), rejects with an Error carrying the same as response. */
apiGateway.core.prepare = function (config, request) {
  var query = Object.keys(request.queryParams || {})
    .sort()
    .map(function (key) { return encodeURIComponent(key) + '=' + encodeURIComponent(request.queryParams[key]); })
    .join('&');
  var headers = apiGateway.core.utils.copy(request.headers || {});
  /* GET and HEAD requests carry no body (the generated functions take one for every method). */
  var noBody = request.body === undefined || request.body === null || request.body === '' || request.verb === 'GET' || request.verb === 'HEAD';
  var body = noBody ? undefined : typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
  if (body === undefined) delete headers['Content-Type'];
  else if (!headers['Content-Type']) headers['Content-Type'] = config.defaultContentType;
  if (!headers['Accept']) headers['Accept'] = config.defaultAcceptType;
  return { url: config.endpoint + request.path + (query ? '?' + query : ''), method: request.verb, path: request.path, query: query, headers: headers, body: body };
};

apiGateway.core.send = function (config, request, extraHeaders) {
  var prepared = apiGateway.core.prepare(config, request);
  return apiGateway.core.fetchPrepared(prepared, extraHeaders);
};

apiGateway.core.fetchPrepared = function (prepared, extraHeaders) {
  var headers = apiGateway.core.utils.mergeInto(prepared.headers, extraHeaders);
  return fetch(prepared.url, { method: prepared.method, headers: headers, body: prepared.body }).then(function (res) {
    return res.text().then(function (text) {
      var data = text;
      if ((res.headers.get('content-type') || '').indexOf('json') !== -1 && text !== '') {
        try { data = JSON.parse(text); } catch (e) { data = text; }
      }
      var responseHeaders = {};
      res.headers.forEach(function (value, key) { responseHeaders[key] = value; });
      var response = { status: res.status, statusText: res.statusText, headers: responseHeaders, data: data };
      if (res.status >= 200 && res.status < 300) return response;
      var error = new Error('Request failed with status code ' + res.status);
      error.response = response;
      throw error;
    });
  });
};
`,
  'lib/apiGatewayCore/sigV4Client.js': `var apiGateway = apiGateway || {};
apiGateway.core = apiGateway.core || {};

/* Signs requests with AWS Signature Version 4 for execute-api (HMAC-SHA256 by Web Crypto), then sends them. */
apiGateway.core.sigV4ClientFactory = {
  newClient: function (config) {
    var subtle = globalThis.crypto.subtle;
    var bytes = function (text) { return new TextEncoder().encode(text); };
    var hex = function (buffer) {
      return Array.prototype.map.call(new Uint8Array(buffer), function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
    };
    var hash = function (text) { return subtle.digest('SHA-256', bytes(text)).then(hex); };
    var hmac = function (key, text) {
      return subtle.importKey('raw', typeof key === 'string' ? bytes(key) : key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']).then(function (k) { return subtle.sign('HMAC', k, bytes(text)); });
    };
    /* RFC 3986 encoding, as SigV4 canonicalizes paths and query strings. */
    var encode = function (text) {
      return encodeURIComponent(text).replace(/[!'()*]/g, function (c) { return '%' + c.charCodeAt(0).toString(16).toUpperCase(); });
    };
    return {
      makeRequest: function (request) {
        var prepared = apiGateway.core.prepare(config, request);
        var url = new URL(prepared.url);
        var amzDate = new Date().toISOString().replace(/[-:]/g, '').replace(/\\.\\d{3}/, '');
        var day = amzDate.slice(0, 8);
        var signed = { host: url.host, 'x-amz-date': amzDate };
        if (config.sessionToken) signed['x-amz-security-token'] = config.sessionToken;
        var names = Object.keys(signed).sort();
        var canonicalPath = url.pathname.split('/').map(function (segment) { return encode(segment); }).join('/');
        var canonicalQuery = prepared.query
          .split('&')
          .filter(Boolean)
          .map(function (pair) {
            var parts = pair.split('=');
            return [encode(decodeURIComponent(parts[0])), encode(decodeURIComponent(parts[1] || ''))];
          })
          .sort(function (a, b) { return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0; })
          .map(function (pair) { return pair[0] + '=' + pair[1]; })
          .join('&');
        var scope = day + '/' + config.region + '/' + config.serviceName + '/aws4_request';
        return hash(prepared.body || '').then(function (payloadHash) {
          var canonical = [prepared.method, canonicalPath, canonicalQuery, names.map(function (n) { return n + ':' + signed[n] + '\\n'; }).join(''), names.join(';'), payloadHash].join('\\n');
          return hash(canonical).then(function (canonicalHash) {
            var stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, canonicalHash].join('\\n');
            return hmac('AWS4' + config.secretKey, day)
              .then(function (k) { return hmac(k, config.region); })
              .then(function (k) { return hmac(k, config.serviceName); })
              .then(function (k) { return hmac(k, 'aws4_request'); })
              .then(function (k) { return hmac(k, stringToSign); })
              .then(function (signature) {
                var headers = { 'x-amz-date': amzDate, Authorization: 'AWS4-HMAC-SHA256 Credential=' + config.accessKey + '/' + scope + ', SignedHeaders=' + names.join(';') + ', Signature=' + hex(signature) };
                if (config.sessionToken) headers['x-amz-security-token'] = config.sessionToken;
                return apiGateway.core.fetchPrepared(prepared, headers);
              });
          });
        });
      },
    };
  },
};
`,
  'lib/apiGatewayCore/apiGatewayClient.js': `var apiGateway = apiGateway || {};
apiGateway.core = apiGateway.core || {};

/* Sends a method's request signed (AWS_IAM methods) or as it is, with the API key and the caller's extra headers and query parameters. */
apiGateway.core.apiGatewayClientFactory = {
  newClient: function (simpleHttpClientConfig, sigV4ClientConfig) {
    var sigV4Client = apiGateway.core.sigV4ClientFactory.newClient(sigV4ClientConfig);
    var simpleHttpClient = apiGateway.core.simpleHttpClientFactory.newClient(simpleHttpClientConfig);
    return {
      makeRequest: function (request, authType, additionalParams, apiKey) {
        additionalParams = additionalParams || {};
        var sent = apiGateway.core.utils.copy(request);
        sent.headers = apiGateway.core.utils.mergeInto(sent.headers, additionalParams.headers || {});
        sent.queryParams = apiGateway.core.utils.mergeInto(sent.queryParams, additionalParams.queryParams || {});
        sent.body = request.body;
        if (apiKey !== undefined && apiKey !== '' && apiKey !== null) sent.headers['x-api-key'] = apiKey;
        var useSigV4 = authType === 'AWS_IAM' && sigV4ClientConfig.accessKey !== undefined && sigV4ClientConfig.accessKey !== '';
        return (useSigV4 ? sigV4Client : simpleHttpClient).makeRequest(sent);
      },
    };
  },
};
`,
};

/** The order a page (or any loader) must read the files in: the library, then `apigClient.js`. */
export const LOAD_ORDER = [
  'lib/url-template/url-template.js',
  'lib/apiGatewayCore/utils.js',
  'lib/apiGatewayCore/simpleHttpClient.js',
  'lib/apiGatewayCore/sigV4Client.js',
  'lib/apiGatewayCore/apiGatewayClient.js',
  'apigClient.js',
];
