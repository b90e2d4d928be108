/*
 * Small SCORM 1.2 runtime wrapper for the GGZ Academie demo course.
 * Plain JavaScript, no dependencies. Finds the LMS's `API` object with the search from the
 * SCORM 1.2 Run-Time Environment (walk up `window.parent`, then try `window.opener`) and
 * wraps the eight API calls. Without an LMS the course still runs (preview), nothing is saved.
 */
(function (root) {
  'use strict';
  var GGZ = (root.GGZ = root.GGZ || {});
  var MAX_PARENTS = 7; // the limit used by the ADL sample algorithm

  /** A window's `API`, or null when it has none or belongs to another origin. */
  function apiOf(win) {
    try {
      return win && win.API ? win.API : null;
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

  /** The RTE's findAPI: this window, then its parents, at most MAX_PARENTS levels up. */
  function findAPI(win) {
    var tries = 0;
    while (!apiOf(win) && parentOf(win)) {
      tries += 1;
      if (tries > MAX_PARENTS) return null;
      win = parentOf(win);
    }
    return apiOf(win);
  }

  /** The RTE's getAPI: our own frame chain first, then the window that opened us. */
  GGZ.findApi12 = function (win) {
    var api = findAPI(win);
    var opener = null;
    try {
      opener = win.opener || null;
    } catch (e) {
      opener = null;
    }
    if (!api && opener) api = findAPI(opener);
    return api;
  };

  function pad(n, width) {
    var s = String(n);
    while (s.length < width) s = '0' + s;
    return s;
  }

  /** Milliseconds as a SCORM 1.2 CMITimespan, HHHH:MM:SS.SS (e.g. 0000:12:05.40). */
  GGZ.timespan12 = function (ms) {
    var cs = Math.max(0, Math.round(ms / 10)); // centiseconds
    var h = Math.floor(cs / 360000);
    var m = Math.floor((cs % 360000) / 6000);
    var s = Math.floor((cs % 6000) / 100);
    return pad(Math.min(h, 9999), 4) + ':' + pad(m, 2) + ':' + pad(s, 2) + '.' + pad(cs % 100, 2);
  };

  /** A CMITime of day, HH:MM:SS, in the learner's local time. */
  GGZ.time12 = function (date) {
    return pad(date.getHours(), 2) + ':' + pad(date.getMinutes(), 2) + ':' + pad(date.getSeconds(), 2);
  };

  /**
   * The runtime the course talks to: LMSInitialize/LMSGetValue/… on the LMS's API, or an
   * in-memory stand-in when there is none. Every failed call is kept in `errors` (and logged).
   */
  GGZ.connect12 = function (win) {
    var api = GGZ.findApi12(win);
    var memory = {};
    var rt = { available: !!api, errors: [], active: false };

    function check(call, ok, element) {
      if (String(ok) === 'true') return true;
      var code = api ? String(api.LMSGetLastError()) : '0';
      var text = api ? String(api.LMSGetErrorString(code)) : '';
      rt.errors.push({ call: call, element: element || '', code: code, text: text });
      if (root.console) root.console.warn('SCORM ' + call + '(' + (element || '') + ') mislukt: ' + code + ' ' + text);
      return false;
    }

    rt.init = function () {
      rt.active = api ? check('LMSInitialize', api.LMSInitialize('')) : true;
      return rt.active;
    };
    rt.get = function (element) {
      if (!api) return memory[element] === undefined ? '' : memory[element];
      var value = String(api.LMSGetValue(element));
      var code = String(api.LMSGetLastError());
      return code === '0' ? value : '';
    };
    rt.set = function (element, value) {
      if (!api) {
        memory[element] = String(value);
        return true;
      }
      return check('LMSSetValue', api.LMSSetValue(element, String(value)), element);
    };
    rt.commit = function () {
      if (!rt.active) return false;
      return api ? check('LMSCommit', api.LMSCommit('')) : true;
    };
    rt.finish = function () {
      if (!rt.active) return false;
      rt.active = false;
      return api ? check('LMSFinish', api.LMSFinish('')) : true;
    };
    return rt;
  };
})(typeof window !== 'undefined' ? window : this);
