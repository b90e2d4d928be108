/*
 * A lesson SCO: a few pages with its own previous/next navigation. The lesson is completed
 * when its last page is shown; at the end the learner can go on to the next lesson through
 * the LMS (adl.nav.request = continue). `GGZ.createLesson` holds the SCORM logic and touches
 * no DOM; `mount` below wires it to the page.
 */
(function (root) {
  'use strict';
  var GGZ = (root.GGZ = root.GGZ || {});

  /** rt: a runtime from GGZ.connect2004. options.pages: page ids in order. options.now: clock in ms. */
  GGZ.createLesson = function (rt, options) {
    var pages = options.pages;
    var now = options.now || function () { return Date.now(); };
    var last = pages.length - 1;
    var startedAt = 0;
    var record = true;
    var exited = false;
    var state = { page: 0, completed: false };

    function show(index) {
      state.page = index;
      rt.set('cmi.location', pages[index]);
      if (!record) return;
      rt.set('cmi.progress_measure', String(Math.round(((index + 1) / pages.length) * 100) / 100));
      if (index === last && !state.completed) {
        state.completed = true;
        rt.set('cmi.completion_status', 'completed');
      }
    }

    var lesson = { state: state };

    lesson.start = function () {
      startedAt = now();
      rt.init();
      var mode = rt.get('cmi.mode');
      record = mode === '' || mode === 'normal';
      state.completed = rt.get('cmi.completion_status') === 'completed';
      if (rt.get('cmi.entry') === 'resume') {
        var at = pages.indexOf(rt.get('cmi.location'));
        if (at >= 0) state.page = at;
      }
      if (record && !state.completed) rt.set('cmi.completion_status', 'incomplete');
      show(state.page);
      rt.commit();
      return state;
    };

    lesson.goTo = function (index) {
      if (index < 0 || index > last) return state;
      show(index);
      rt.commit();
      return state;
    };

    /**
     * Ends the session: session time, exit (suspend while the lesson is not completed), an
     * optional navigation request for the LMS ('continue' or 'previous'), then Terminate.
     */
    lesson.leave = function (request) {
      if (exited) return false;
      exited = true;
      rt.set('cmi.session_time', GGZ.duration2004(now() - startedAt));
      rt.set('cmi.exit', state.completed ? 'normal' : 'suspend');
      var navigating = request ? rt.requestNavigation(request) : false;
      rt.terminate();
      return navigating;
    };

    return lesson;
  };

  /* ---------- the page ---------- */

  function mount(doc, win) {
    var sections = Array.prototype.slice.call(doc.querySelectorAll('[data-page]'));
    var ids = sections.map(function (s) { return s.id; });
    var rt = GGZ.connect2004(win);
    var lesson = GGZ.createLesson(rt, { pages: ids });
    var prev = doc.getElementById('vorige');
    var next = doc.getElementById('volgende');
    var progress = doc.getElementById('voortgang');
    var status = doc.getElementById('les-status');

    function render(moveFocus) {
      var page = lesson.state.page;
      sections.forEach(function (s, i) { s.hidden = i !== page; });
      var title = sections[page].querySelector('h2');
      progress.textContent = 'Pagina ' + (page + 1) + ' van ' + sections.length + ': ' + title.textContent;
      var first = page === 0;
      var lastPage = page === sections.length - 1;
      prev.textContent = first ? 'Vorige les' : 'Vorige';
      // Back to the previous lesson only when the LMS says there is one ('unknown' is not enough here).
      prev.disabled = first && rt.get('adl.nav.request_valid.previous') !== 'true';
      next.textContent = lastPage ? 'Volgende les' : 'Volgende';
      next.hidden = lastPage && !rt.canNavigate('continue');
      status.textContent = lastPage ? 'Je hebt deze les afgerond. Ga verder met de volgende les of kies een onderdeel in de inhoudsopgave.' : '';
      if (moveFocus) title.focus();
    }

    function leaveFor(request) {
      var navigating = lesson.leave(request);
      prev.disabled = true;
      next.hidden = true;
      status.textContent = navigating ? 'Een moment, het volgende onderdeel wordt geladen…' : 'De les is afgesloten. Kies een onderdeel in de inhoudsopgave.';
    }

    prev.addEventListener('click', function () {
      if (lesson.state.page === 0) return leaveFor('previous');
      lesson.goTo(lesson.state.page - 1);
      render(true);
    });
    next.addEventListener('click', function () {
      if (lesson.state.page === sections.length - 1) return leaveFor('continue');
      lesson.goTo(lesson.state.page + 1);
      render(true);
    });

    if (!rt.available) doc.getElementById('geen-lms').hidden = false;
    lesson.start();
    render(false);

    var leave = function () { lesson.leave(); };
    win.addEventListener('pagehide', leave);
    win.addEventListener('unload', leave);
    doc.addEventListener('visibilitychange', function () {
      if (doc.visibilityState === 'hidden') rt.commit();
    });
  }

  if (typeof document !== 'undefined' && document.getElementById('les')) {
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', function () { mount(document, window); });
    } else {
      mount(document, window);
    }
  }
})(typeof window !== 'undefined' ? window : this);
