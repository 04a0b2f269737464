// The certificate's Print button: shown only where a script can print, so
// a page without JavaScript offers nothing that does not work (the
// browser's own Print still gives the same one-page layout).
(function () {
  'use strict';
  var bar = document.querySelector('[data-print]');
  if (!bar || typeof window.print !== 'function') {
    return;
  }
  bar.hidden = false;
  bar.querySelector('button').addEventListener('click', function () {
    window.print();
  });
}());
