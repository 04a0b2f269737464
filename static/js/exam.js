// e-Citizen exam page: saves every change at once, keeps unsent saves in
// local storage and retries them while the connection is down, and shows a
// countdown computed from the server's remaining seconds (re-synchronised on
// every save). Without this script the page still works: each answer is a
// form POST, and the page shows the clock time the exam ends.
(function () {
  'use strict';

  // The question page has the answer form and the timer; the review page
  // only the timer.
  var form = document.querySelector('form[data-autosave]');
  var timer = document.getElementById('timer');
  if (!timer) {
    return;
  }
  var stateEl = document.getElementById('save-state');
  var banner = document.getElementById('save-banner');
  var announcer = document.getElementById('timer-announce');
  var seqInput = form && form.querySelector('input[name="seq"]');
  var tokenInput = form && form.querySelector('input[name="csrf_token"]');
  var queueKey = 'ecitizen-exam-queue-' + timer.getAttribute('data-attempt');
  var deadline = Date.now() + Number(timer.getAttribute('data-remaining')) * 1000;
  // When the server stops taking saves (deadline plus grace); reloading
  // then shows the result, since the server submits the attempt on sight.
  var closes = Date.now() + Number(timer.getAttribute('data-closes')) * 1000;
  var reloading = false;
  var announced = {};
  var flushing = false;

  function readQueue() {
    try {
      return JSON.parse(window.localStorage.getItem(queueKey) || '[]');
    } catch (e) {
      return [];
    }
  }

  function writeQueue(queue) {
    try {
      window.localStorage.setItem(queueKey, JSON.stringify(queue));
    } catch (e) {
      // Storage full or disabled: the save is still attempted now.
    }
  }

  function setState(name) {
    stateEl.textContent = stateEl.getAttribute('data-' + name) || '';
  }

  function showBanner(message) {
    banner.textContent = message;
    banner.hidden = false;
  }

  function currentBody() {
    var params = new URLSearchParams();
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || field.name === 'go') {
        return;
      }
      if ((field.type === 'radio' || field.type === 'checkbox') && !field.checked) {
        return;
      }
      params.append(field.name, field.value);
    });
    if (!form.querySelector('input[name="flag"]:checked')) {
      params.append('flag', '0');
    }
    return params.toString();
  }

  function sync(seconds) {
    if (typeof seconds === 'number') {
      deadline = Date.now() + seconds * 1000;
    }
  }

  function flush() {
    if (flushing || !form) {
      return;
    }
    var queue = readQueue();
    if (!queue.length) {
      return;
    }
    flushing = true;
    setState('saving');
    fetch(form.action, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'Accept': 'application/json',
        'Content-Type': 'application/x-www-form-urlencoded',
        'X-CSRF-Token': tokenInput.value
      },
      body: queue[0]
    }).then(function (response) {
      return response.json().then(function (json) {
        return { status: response.status, json: json };
      });
    }).then(function (result) {
      flushing = false;
      var rest = readQueue().slice(1);
      if (result.status === 200) {
        writeQueue(rest);
        sync(result.json.remaining_seconds);
        banner.hidden = true;
        setState('saved');
        flush();
      } else if (result.status === 400 || result.status === 409) {
        // Refused for good (too late, or not part of this attempt).
        writeQueue(rest);
        showBanner(result.json.message || '');
      } else {
        retryLater();
      }
    }).catch(function () {
      flushing = false;
      retryLater();
    });
  }

  function retryLater() {
    setState('offline');
    // A message already shown (such as why the page cannot be left) stays.
    if (banner.hidden) {
      showBanner(banner.getAttribute('data-offline'));
    }
    window.setTimeout(flush, 3000);
  }

  // The grid's cell for this question follows the answer at once.
  function markCurrentCell() {
    var cell = document.querySelector('.question-grid .cell[aria-current="step"]');
    if (cell) {
      cell.classList.toggle('cell--answered', !!form.querySelector('input[name="option"]:checked'));
      cell.classList.toggle('cell--flagged', !!form.querySelector('input[name="flag"]:checked'));
    }
  }

  if (form) form.addEventListener('change', function (event) {
    var name = event.target.name;
    if (name !== 'option' && name !== 'flag') {
      return;
    }
    markCurrentCell();
    seqInput.value = String(Number(seqInput.value) + 1);
    var queue = readQueue();
    queue.push(currentBody());
    writeQueue(queue);
    flush();
  });

  window.addEventListener('online', flush);

  // Moving to another page needs the network: while it is known to be down,
  // stay on this question (its answer is kept here) instead of landing on
  // the browser's error page.
  if (form) form.addEventListener('submit', function (event) {
    if (navigator.onLine === false) {
      event.preventDefault();
      setState('offline');
      showBanner(banner.getAttribute('data-offline-move'));
    }
  });

  function pad(n) {
    return (n < 10 ? '0' : '') + n;
  }

  function tick() {
    var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
    var minutes = Math.floor(left / 60);
    timer.textContent = pad(minutes) + ':' + pad(left % 60);
    timer.classList.toggle('timer--warning', left <= 600);
    // Screen readers hear the time only at 10, 5 and 1 minutes left.
    [[600, 'ten'], [300, 'five'], [60, 'one']].forEach(function (mark) {
      if (left <= mark[0] && left > mark[0] - 5 && !announced[mark[1]]) {
        announced[mark[1]] = true;
        announcer.textContent = announcer.getAttribute('data-' + mark[1]);
      }
    });
    if (left === 0 && !announced.over) {
      announced.over = true;
      showBanner(announcer.getAttribute('data-over'));
      flush();
    }
    // Once the attempt has closed, and the answers kept here were sent (or
    // can no longer be), the reloaded page is the result.
    if (Date.now() >= closes && !reloading && navigator.onLine !== false && !flushing) {
      reloading = true;
      window.location.reload();
    }
  }

  timer.setAttribute('role', 'timer');
  timer.setAttribute('aria-live', 'off');
  tick();
  window.setInterval(tick, 1000);
  flush();
}());
