/*
 * The final test SCO: an introduction, five questions one at a time, and the result.
 * Sets completion, success, score, location, suspend data, interactions and session time.
 * `GGZ.createTest` holds the SCORM logic and touches no DOM; `mount` below wires it to the page.
 */
(function (root) {
  'use strict';
  var GGZ = (root.GGZ = root.GGZ || {});
  var DEFAULT_PASSING = 0.8; // the manifest's imsss:minNormalizedMeasure, used when the LMS passes none

  function parseSuspend(text) {
    try {
      var data = JSON.parse(text);
      return data && data.v === 1 ? data : null;
    } catch (e) {
      return null;
    }
  }

  /** Page ids: 'start', 'vraag-1' … 'vraag-n', 'resultaat'. */
  function pageIds(questions) {
    return ['start'].concat(questions.map(function (q, i) { return 'vraag-' + (i + 1); }), ['resultaat']);
  }

  /** rt: a runtime from GGZ.connect2004. options.questions: GGZ.QUESTIONS. options.now: clock in ms. */
  GGZ.createTest = function (rt, options) {
    var questions = options.questions;
    var now = options.now || function () { return Date.now(); };
    var pages = pageIds(questions);
    var resultPage = pages.length - 1;
    var startedAt = 0;
    var shownAt = 0;
    var record = true;
    var exited = false;
    var state = { page: 0, pages: pages, answers: {}, submitted: false, scaled: null, passed: null, passing: DEFAULT_PASSING };

    function saveSuspendData() {
      var data = { v: 1, a: state.answers };
      if (state.submitted) data.r = state.scaled;
      rt.set('cmi.suspend_data', JSON.stringify(data));
    }

    function show(index) {
      state.page = index;
      shownAt = now();
      rt.set('cmi.location', pages[index]);
    }

    /** The index of the interaction with this id from an earlier try, or the next free index. */
    function interactionIndex(id) {
      var count = parseInt(rt.get('cmi.interactions._count'), 10) || 0;
      for (var i = 0; i < count; i += 1) {
        if (rt.get('cmi.interactions.' + i + '.id') === id) return i;
      }
      return count;
    }

    var test = { state: state };

    /** The question shown on a page, or null on the introduction and the result. */
    test.questionAt = function (index) {
      return index >= 1 && index <= questions.length ? questions[index - 1] : null;
    };

    test.start = function () {
      startedAt = now();
      rt.init();
      var mode = rt.get('cmi.mode');
      record = mode === '' || mode === 'normal';
      var fromLms = parseFloat(rt.get('cmi.scaled_passing_score'));
      state.passing = isNaN(fromLms) ? DEFAULT_PASSING : fromLms;
      var page = 0;
      if (rt.get('cmi.entry') === 'resume') {
        var saved = parseSuspend(rt.get('cmi.suspend_data'));
        if (saved) {
          state.answers = saved.a || {};
          if (typeof saved.r === 'number') {
            state.submitted = true;
            state.scaled = saved.r;
            state.passed = saved.r >= state.passing;
          }
        }
        var at = pages.indexOf(rt.get('cmi.location'));
        if (at >= 0 && (at !== resultPage || state.submitted)) page = at;
      }
      var completion = rt.get('cmi.completion_status');
      if (record && completion !== 'completed') rt.set('cmi.completion_status', 'incomplete');
      show(page);
      rt.commit();
      return state;
    };

    test.goTo = function (index) {
      if (index < 0 || index >= pages.length) return state;
      if (index === resultPage && !state.submitted) return state;
      show(index);
      rt.commit();
      return state;
    };

    test.answer = function (questionId, key) {
      state.answers[questionId] = [key, Math.max(0, now() - shownAt)];
      saveSuspendData();
      return state;
    };

    /** Scores the test; returns the ids of unanswered questions (then nothing is recorded). */
    test.submit = function () {
      var missing = questions.filter(function (q) { return !state.answers[q.id]; }).map(function (q) { return q.id; });
      if (missing.length) return missing;
      var correct = 0;
      questions.forEach(function (q) {
        var given = state.answers[q.id];
        var right = given[0] === q.correct;
        if (right) correct += 1;
        if (!record) return;
        var base = 'cmi.interactions.' + interactionIndex(q.id) + '.';
        rt.set(base + 'id', q.id);
        rt.set(base + 'type', 'choice');
        rt.set(base + 'description', q.text.slice(0, 250));
        rt.set(base + 'learner_response', given[0]);
        rt.set(base + 'correct_responses.0.pattern', q.correct);
        rt.set(base + 'result', right ? 'correct' : 'incorrect');
        rt.set(base + 'latency', GGZ.duration2004(given[1]));
        rt.set(base + 'timestamp', GGZ.timestamp2004(new Date(now())));
        rt.set(base + 'weighting', '1');
      });
      state.submitted = true;
      state.scaled = Math.round((correct / questions.length) * 100) / 100;
      state.passed = state.scaled >= state.passing;
      if (record) {
        rt.set('cmi.score.min', '0');
        rt.set('cmi.score.max', '100');
        rt.set('cmi.score.raw', String(Math.round(state.scaled * 100)));
        rt.set('cmi.score.scaled', String(state.scaled));
        rt.set('cmi.success_status', state.passed ? 'passed' : 'failed');
        rt.set('cmi.completion_status', 'completed');
      }
      saveSuspendData();
      show(resultPage);
      rt.commit();
      return [];
    };

    /** Another try after a failed test: the answers go, the recorded result stays until resubmitted. */
    test.retry = function () {
      state.answers = {};
      state.submitted = false;
      state.scaled = null;
      state.passed = null;
      saveSuspendData();
      show(1);
      rt.commit();
      return state;
    };

    /** Ends the session: session time, exit (suspend unless the learner saw the result), Terminate. */
    test.leave = function (request) {
      if (exited) return false;
      exited = true;
      rt.set('cmi.session_time', GGZ.duration2004(now() - startedAt));
      var done = state.submitted && state.page === resultPage;
      rt.set('cmi.exit', done ? 'normal' : 'suspend');
      var navigating = request ? rt.requestNavigation(request) : false;
      rt.terminate();
      return navigating;
    };

    return test;
  };

  /* ---------- the page ---------- */

  function el(doc, tag, attrs, text) {
    var node = doc.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text) node.textContent = text;
    return node;
  }

  function mount(doc, win) {
    var rt = GGZ.connect2004(win);
    var questions = GGZ.QUESTIONS;
    var test = GGZ.createTest(rt, { questions: questions });
    var sections = { start: doc.getElementById('start'), vraag: doc.getElementById('vraag'), resultaat: doc.getElementById('resultaat') };
    var prev = doc.getElementById('vorige');
    var next = doc.getElementById('volgende');
    var submit = doc.getElementById('inleveren');
    var progress = doc.getElementById('voortgang');
    var message = doc.getElementById('toets-melding');

    function renderQuestion(q, number) {
      var fieldset = doc.getElementById('vraag-velden');
      fieldset.textContent = '';
      fieldset.appendChild(el(doc, 'legend', {}, q.text));
      var given = test.state.answers[q.id];
      q.options.forEach(function (o) {
        var id = 'antwoord-' + o.key;
        var row = el(doc, 'div', { class: 'optie' });
        var input = el(doc, 'input', { type: 'radio', name: 'antwoord', id: id, value: o.key });
        input.checked = !!given && given[0] === o.key;
        input.addEventListener('change', function () { test.answer(q.id, o.key); message.textContent = ''; });
        row.appendChild(input);
        row.appendChild(el(doc, 'label', { for: id }, o.text));
        fieldset.appendChild(row);
      });
      doc.getElementById('vraag-titel').textContent = 'Vraag ' + number + ' van ' + questions.length;
    }

    function renderResult() {
      var s = test.state;
      var percent = Math.round(s.scaled * 100);
      doc.getElementById('uitslag-score').textContent = 'Je score: ' + percent + '%. De norm is ' + Math.round(s.passing * 100) + '%.';
      doc.getElementById('uitslag-oordeel').textContent = s.passed
        ? 'Gefeliciteerd, je hebt de eindtoets gehaald.'
        : 'Je hebt de norm nog niet gehaald. Lees de toelichting en probeer het opnieuw.';
      doc.getElementById('opnieuw').hidden = s.passed !== false;
      var list = doc.getElementById('uitslag-toelichting');
      list.textContent = '';
      questions.forEach(function (q, i) {
        var given = s.answers[q.id];
        var right = given && given[0] === q.correct;
        var item = el(doc, 'li', { class: right ? 'goed' : 'fout' });
        item.appendChild(el(doc, 'strong', {}, 'Vraag ' + (i + 1) + ': ' + (right ? 'goed' : 'niet goed') + '. '));
        item.appendChild(doc.createTextNode(q.explanation));
        list.appendChild(item);
      });
    }

    function render(moveFocus) {
      var page = test.state.page;
      var q = test.questionAt(page);
      var kind = page === 0 ? 'start' : q ? 'vraag' : 'resultaat';
      Object.keys(sections).forEach(function (k) { sections[k].hidden = k !== kind; });
      if (q) renderQuestion(q, page);
      if (kind === 'resultaat') renderResult();
      var heading = sections[kind].querySelector('h2');
      progress.textContent = q ? 'Vraag ' + page + ' van ' + questions.length : heading.textContent;
      prev.hidden = kind !== 'vraag';
      next.hidden = kind === 'resultaat' || page === questions.length;
      next.textContent = kind === 'start' ? 'Start de toets' : 'Volgende vraag';
      submit.hidden = page !== questions.length;
      if (moveFocus) heading.focus();
    }

    prev.addEventListener('click', function () { test.goTo(test.state.page - 1); render(true); });
    next.addEventListener('click', function () { test.goTo(test.state.page + 1); render(true); });
    submit.addEventListener('click', function () {
      var missing = test.submit();
      if (missing.length) {
        message.textContent = 'Je hebt nog niet alle vragen beantwoord. We gaan naar de eerste open vraag.';
        var first = questions.map(function (q) { return q.id; }).indexOf(missing[0]);
        test.goTo(first + 1);
        render(true);
        return;
      }
      message.textContent = '';
      render(true);
    });
    doc.getElementById('opnieuw').addEventListener('click', function () { test.retry(); render(true); });

    if (!rt.available) doc.getElementById('geen-lms').hidden = false;
    test.start();
    render(false);

    var leave = function () { test.leave(); };
    win.addEventListener('pagehide', leave);
    win.addEventListener('unload', leave);
    doc.addEventListener('visibilitychange', function () {
      if (doc.visibilityState === 'hidden') rt.commit();
    });
  }

  if (typeof document !== 'undefined' && document.getElementById('toets')) {
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', function () { mount(document, window); });
    } else {
      mount(document, window);
    }
  }
})(typeof window !== 'undefined' ? window : this);
