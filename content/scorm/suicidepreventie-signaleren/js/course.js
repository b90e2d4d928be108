/*
 * The course: a few pages, a five-question quiz and a result page, in one SCO.
 * `GGZ.createCourse` holds the SCORM logic and touches no DOM (so it can be tested without a
 * browser); `mount` below wires it to the page.
 */
(function (root) {
  'use strict';
  var GGZ = (root.GGZ = root.GGZ || {});
  var DEFAULT_MASTERY = 80; // the manifest's adlcp:masteryscore, used when the LMS passes none

  function parseSuspend(text) {
    try {
      var data = JSON.parse(text);
      return data && data.v === 1 ? data : null;
    } catch (e) {
      return null;
    }
  }

  /**
   * rt: a runtime from GGZ.connect12. options.pages: page ids in order, including 'toets' (the
   * quiz) and 'resultaat' (the result). options.questions: GGZ.QUESTIONS. options.now: clock in ms.
   */
  GGZ.createCourse = function (rt, options) {
    var pages = options.pages;
    var questions = options.questions;
    var now = options.now || function () { return Date.now(); };
    var quizPage = pages.indexOf('toets');
    var resultPage = pages.indexOf('resultaat');
    var startedAt = 0;
    var quizShownAt = 0;
    var exited = false;
    var record = true;
    var mastery = DEFAULT_MASTERY;
    var state = { page: 0, answers: {}, submitted: false, score: null, passed: null, mastery: mastery };

    function saveSuspendData() {
      var data = { v: 1, a: state.answers };
      if (state.submitted) data.r = state.score;
      rt.set('cmi.suspend_data', JSON.stringify(data));
    }

    function showPage(index) {
      state.page = index;
      if (index === quizPage) quizShownAt = now();
      rt.set('cmi.core.lesson_location', pages[index]);
    }

    var course = { state: state };

    course.start = function () {
      startedAt = now();
      rt.init();
      var mode = rt.get('cmi.core.lesson_mode');
      record = mode !== 'review' && mode !== 'browse';
      var fromLms = parseFloat(rt.get('cmi.student_data.mastery_score'));
      state.mastery = mastery = isNaN(fromLms) ? DEFAULT_MASTERY : fromLms;
      var status = rt.get('cmi.core.lesson_status');
      if (rt.get('cmi.core.entry') === 'resume') {
        var saved = parseSuspend(rt.get('cmi.suspend_data'));
        if (saved) {
          state.answers = saved.a || {};
          if (typeof saved.r === 'number') {
            state.submitted = true;
            state.score = saved.r;
            state.passed = saved.r >= mastery;
          }
        }
        var at = pages.indexOf(rt.get('cmi.core.lesson_location'));
        if (at >= 0 && (at !== resultPage || state.submitted)) state.page = at;
      }
      if (state.page === quizPage) quizShownAt = now();
      if (record && (status === '' || status === 'not attempted')) rt.set('cmi.core.lesson_status', 'incomplete');
      rt.set('cmi.core.lesson_location', pages[state.page]);
      rt.commit();
      return state;
    };

    course.goTo = function (index) {
      if (index < 0 || index >= pages.length) return state;
      if (index === resultPage && !state.submitted) return state;
      showPage(index);
      rt.commit();
      return state;
    };

    course.answer = function (questionId, key) {
      state.answers[questionId] = [key, Math.max(0, now() - quizShownAt)];
      saveSuspendData();
      return state;
    };

    /** Scores the quiz; returns the ids of unanswered questions (then nothing is recorded). */
    course.submit = function () {
      var missing = questions.filter(function (q) { return !state.answers[q.id]; }).map(function (q) { return q.id; });
      if (missing.length) return missing;
      var correct = 0;
      var n = parseInt(rt.get('cmi.interactions._count'), 10) || 0;
      questions.forEach(function (q, i) {
        var given = state.answers[q.id];
        var right = given[0] === q.correct;
        if (right) correct += 1;
        if (!record) return;
        var base = 'cmi.interactions.' + (n + i) + '.';
        rt.set(base + 'id', q.id);
        rt.set(base + 'type', 'choice');
        rt.set(base + 'student_response', given[0]);
        rt.set(base + 'correct_responses.0.pattern', q.correct);
        rt.set(base + 'result', right ? 'correct' : 'wrong');
        rt.set(base + 'latency', GGZ.timespan12(given[1]));
        rt.set(base + 'time', GGZ.time12(new Date(now())));
        rt.set(base + 'weighting', '1');
      });
      state.submitted = true;
      state.score = Math.round((100 * correct) / questions.length);
      state.passed = state.score >= mastery;
      if (record) {
        rt.set('cmi.core.score.min', '0');
        rt.set('cmi.core.score.max', '100');
        rt.set('cmi.core.score.raw', String(state.score));
        rt.set('cmi.core.lesson_status', state.passed ? 'passed' : 'failed');
      }
      saveSuspendData();
      showPage(resultPage);
      rt.commit();
      return [];
    };

    /** Another try after a failed quiz: the answers go, the recorded status stays until resubmitted. */
    course.retry = function () {
      state.answers = {};
      state.submitted = false;
      state.score = null;
      state.passed = null;
      saveSuspendData();
      showPage(quizPage);
      rt.commit();
      return state;
    };

    /** On leaving the page: session time, exit (suspend unless the learner saw the result), finish. */
    course.exit = function () {
      if (exited) return;
      exited = true;
      rt.set('cmi.core.session_time', GGZ.timespan12(now() - startedAt));
      var done = state.submitted && state.page === resultPage;
      rt.set('cmi.core.exit', done ? '' : 'suspend');
      rt.finish();
    };

    course.isRecording = function () { return record; };
    return course;
  };

  /* ---------- the page ---------- */

  function el(doc, tag, attrs, text) {
    var node = doc.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text) node.textContent = text;
    return node;
  }

  function mount(doc, win) {
    var sections = Array.prototype.slice.call(doc.querySelectorAll('[data-page]'));
    var ids = sections.map(function (s) { return s.id; });
    var rt = GGZ.connect12(win);
    var course = GGZ.createCourse(rt, { pages: ids, questions: GGZ.QUESTIONS });
    var prev = doc.getElementById('vorige');
    var next = doc.getElementById('volgende');
    var progress = doc.getElementById('voortgang');
    var quizError = doc.getElementById('toets-melding');

    // The quiz, built from GGZ.QUESTIONS: one fieldset per question, a label for every radio.
    var list = doc.getElementById('toets-vragen');
    GGZ.QUESTIONS.forEach(function (q, i) {
      var fieldset = el(doc, 'fieldset', { id: 'vraag-' + q.id, class: 'vraag', tabindex: '-1' });
      fieldset.appendChild(el(doc, 'legend', {}, 'Vraag ' + (i + 1) + '. ' + q.text));
      q.options.forEach(function (o) {
        var id = 'antwoord-' + q.id + '-' + o.key;
        var row = el(doc, 'div', { class: 'optie' });
        var input = el(doc, 'input', { type: 'radio', name: q.id, id: id, value: o.key });
        input.addEventListener('change', function () { course.answer(q.id, o.key); });
        row.appendChild(input);
        row.appendChild(el(doc, 'label', { for: id }, o.text));
        fieldset.appendChild(row);
      });
      list.appendChild(fieldset);
    });

    function showAnswers() {
      GGZ.QUESTIONS.forEach(function (q) {
        var given = course.state.answers[q.id];
        q.options.forEach(function (o) {
          doc.getElementById('antwoord-' + q.id + '-' + o.key).checked = !!given && given[0] === o.key;
        });
      });
    }

    function showResult() {
      var s = course.state;
      doc.getElementById('uitslag-score').textContent = 'Je score: ' + s.score + '%. De norm is ' + s.mastery + '%.';
      doc.getElementById('uitslag-oordeel').textContent = s.passed
        ? 'Gefeliciteerd, je bent geslaagd. Je kunt dit venster nu sluiten.'
        : 'Je hebt de norm nog niet gehaald. Lees de toelichting hieronder en probeer het opnieuw.';
      doc.getElementById('opnieuw').hidden = s.passed !== false;
      var feedback = doc.getElementById('uitslag-toelichting');
      feedback.textContent = '';
      GGZ.QUESTIONS.forEach(function (q, i) {
        var given = s.answers[q.id];
        var right = given && given[0] === q.correct;
        var item = el(doc, 'li', { class: right ? 'goed' : 'fout' });
        item.appendChild(el(doc, 'strong', {}, 'Vraag ' + (i + 1) + ': ' + (right ? 'goed' : 'niet goed') + '. '));
        item.appendChild(doc.createTextNode(q.explanation));
        feedback.appendChild(item);
      });
    }

    function render(moveFocus) {
      var page = course.state.page;
      sections.forEach(function (s, i) { s.hidden = i !== page; });
      var title = sections[page].querySelector('h2');
      progress.textContent = 'Onderdeel ' + (page + 1) + ' van ' + sections.length + ': ' + title.textContent;
      prev.disabled = page === 0;
      next.hidden = ids[page] === 'toets' || ids[page] === 'resultaat';
      if (ids[page] === 'toets') showAnswers();
      if (ids[page] === 'resultaat') showResult();
      if (moveFocus) title.focus();
    }

    prev.addEventListener('click', function () { course.goTo(course.state.page - 1); render(true); });
    next.addEventListener('click', function () { course.goTo(course.state.page + 1); render(true); });
    doc.getElementById('toets-form').addEventListener('submit', function (event) {
      event.preventDefault();
      var missing = course.submit();
      if (missing.length) {
        quizError.textContent = 'Beantwoord eerst alle vragen. Nog open: ' + missing.length + (missing.length === 1 ? ' vraag.' : ' vragen.');
        doc.getElementById('vraag-' + missing[0]).focus();
        return;
      }
      quizError.textContent = '';
      render(true);
    });
    doc.getElementById('opnieuw').addEventListener('click', function () { course.retry(); render(true); });

    if (!rt.available) doc.getElementById('geen-lms').hidden = false;
    course.start();
    render(false);

    var leave = function () { course.exit(); };
    win.addEventListener('pagehide', leave);
    win.addEventListener('unload', leave);
    doc.addEventListener('visibilitychange', function () {
      if (doc.visibilityState === 'hidden') rt.commit();
    });
  }

  if (typeof document !== 'undefined' && document.getElementById('cursus')) {
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', function () { mount(document, window); });
    } else {
      mount(document, window);
    }
  }
})(typeof window !== 'undefined' ? window : this);
