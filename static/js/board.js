// e-Citizen live exam board: reloads the page every 20 seconds while the
// trainer leaves the "update" box ticked, but never while they are filling
// in a form (extending or ending an attempt), so nothing typed is lost.
// Without this script the board has a "Refresh now" link instead.
(function () {
  'use strict';

  var control = document.querySelector('[data-auto-refresh]');
  if (!control) {
    return;
  }
  var box = control.querySelector('input[type="checkbox"]');
  var seconds = Number(control.getAttribute('data-auto-refresh')) || 20;
  control.hidden = false;

  function busy() {
    var active = document.activeElement;
    var typing = active && /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName) && active !== box;
    return typing || document.querySelector('main details[open]') !== null;
  }

  window.setInterval(function () {
    if (box.checked && !busy()) {
      window.location.reload();
    }
  }, seconds * 1000);
})();
