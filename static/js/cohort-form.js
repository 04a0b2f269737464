// e-Citizen class form: choosing a period fills the two time fields with
// its usual hours (morning 09:00–12:00, evening 17:00–20:00), unless the
// admin has typed hours of their own. Without this script the server does
// the same when the submitted hours are exactly the other period's.
(function () {
  'use strict';

  var radios = document.querySelectorAll('input[name="period"][data-starts]');
  var starts = document.querySelector('input[name="starts_time"]');
  var ends = document.querySelector('input[name="ends_time"]');
  if (!radios.length || !starts || !ends) {
    return;
  }

  // Hours that some period uses: anything else was chosen by the admin.
  function isUsual(from, to) {
    for (var i = 0; i < radios.length; i += 1) {
      var usualFrom = radios[i].getAttribute('data-starts');
      var usualTo = radios[i].getAttribute('data-ends');
      if (from === usualFrom && to === usualTo) {
        return true;
      }
    }
    return from === '' && to === '';
  }

  var edited = !isUsual(starts.value, ends.value);
  function markEdited() {
    edited = !isUsual(starts.value, ends.value);
  }
  starts.addEventListener('input', markEdited);
  ends.addEventListener('input', markEdited);

  function fill(event) {
    var radio = event.target;
    if (!radio.checked || edited) {
      return;
    }
    starts.value = radio.getAttribute('data-starts');
    ends.value = radio.getAttribute('data-ends');
  }
  for (var i = 0; i < radios.length; i += 1) {
    radios[i].addEventListener('change', fill);
  }
})();
