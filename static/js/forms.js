// After a form comes back with errors, move the keyboard and the screen
// reader to the summary of what to correct, whose links lead to each
// field. Without this script the summary is still the first thing under
// the heading.
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var summary = document.querySelector('.error-summary');
    if (summary) {
      summary.focus();
    }
  });
}());
