/*
 * Small SCORM 2004 runtime wrapper for the GGZ Academie demo course.
 * Plain JavaScript, no dependencies. Finds the LMS's `API_1484_11` object with the search
 * from the SCORM 2004 Run-Time Environment (walk up `window.parent`, then the chain above
 * `window.opener`) and wraps the API calls. Without an LMS the lessons still run (preview).
 */
(function (root) {
  'use strict';
  var GGZ = (root.GGZ = root.GGZ || {});
  var MAX_TRIES = 500; // the limit used by the ADL sample algorithm

  function apiOf(win) {
    try {
      return win && win.API_1484_11 ? win.API_1484_11 : null;
    } catch (e) {
      return null; // cross-origin frame: reading a property throws a SecurityError
    }
  }

  function parentOf(win) {
    try {
      return win.parent && win.parent !== win ? win.parent : null;
    } catch (e) {
      return null;
    }
  }

  function search(win) {
    var tries = 0;
    while (!apiOf(win) && parentOf(win) && tries <= MAX_TRIES) {
      tries += 1;
      win = parentOf(win);
    }
    return apiOf(win);
  }

  /** This window and its parents first, then the window that opened us and its parents. */
  GGZ.findApi2004 = function (win) {
    var api = search(win);
    var opener = null;
    try {
      opener = win.opener || null;
    } catch (e) {
      opener = null;
    }
    if (!api && opener) api = search(opener);
    return api;
  };

  function pad(n, width) {
    var s = String(n);
    while (s.length < width) s = '0' + s;
    return s;
  }

  /** Milliseconds as an ISO 8601 duration with at most two decimals, e.g. PT1H2M3.45S. */
  GGZ.duration2004 = function (ms) {
    var cs = Math.max(0, Math.round(ms / 10));
    var h = Math.floor(cs / 360000);
    var m = Math.floor((cs % 360000) / 6000);
    var s = (cs % 6000) / 100;
    var out = 'PT';
    if (h) out += h + 'H';
    if (h || m) out += m + 'M';
    return out + String(Math.round(s * 100) / 100) + 'S';
  };

  /** A SCORM 2004 time(second,10,0) timestamp in local time, e.g. 2026-03-02T14:05:09. */
  GGZ.timestamp2004 = function (date) {
    return date.getFullYear() + '-' + pad(date.getMonth() + 1, 2) + '-' + pad(date.getDate(), 2) + 'T' +
      pad(date.getHours(), 2) + ':' + pad(date.getMinutes(), 2) + ':' + pad(date.getSeconds(), 2);
  };

  /**
   * The runtime the SCO talks to: Initialize/GetValue/SetValue/… on the LMS's API, or an
   * in-memory stand-in when there is none. Every failed call is kept in `errors` (and logged).
   */
  GGZ.connect2004 = function (win) {
    var api = GGZ.findApi2004(win);
    var memory = {};
    var rt = { available: !!api, errors: [], active: false };

    function check(call, ok, element) {
      if (String(ok) === 'true') return true;
      var code = api ? String(api.GetLastError()) : '0';
      var text = api ? String(api.GetErrorString(code)) : '';
      rt.errors.push({ call: call, element: element || '', code: code, text: text });
      if (root.console) root.console.warn('SCORM ' + call + '(' + (element || '') + ') mislukt: ' + code + ' ' + text);
      return false;
    }

    rt.init = function () {
      rt.active = api ? check('Initialize', api.Initialize('')) : true;
      return rt.active;
    };
    rt.get = function (element) {
      if (!api) return memory[element] === undefined ? '' : memory[element];
      var value = String(api.GetValue(element));
      return String(api.GetLastError()) === '0' ? value : '';
    };
    rt.set = function (element, value) {
      if (!api) {
        memory[element] = String(value);
        return true;
      }
      return check('SetValue', api.SetValue(element, String(value)), element);
    };
    rt.commit = function () {
      if (!rt.active) return false;
      return api ? check('Commit', api.Commit('')) : true;
    };
    rt.terminate = function () {
      if (!rt.active) return false;
      rt.active = false;
      return api ? check('Terminate', api.Terminate('')) : true;
    };
    /** Whether the LMS may accept a navigation request ('continue', 'previous'); 'unknown' counts as yes. */
    rt.canNavigate = function (request) {
      return rt.available && rt.get('adl.nav.request_valid.' + request) !== 'false';
    };
    /** Asks the LMS to navigate after Terminate (SCORM 2004 adl.nav.request). */
    rt.requestNavigation = function (request) {
      return rt.canNavigate(request) && rt.set('adl.nav.request', request);
    };
    return rt;
  };
})(typeof window !== 'undefined' ? window : this);
