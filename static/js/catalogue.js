// e-Citizen catalogue filters: choosing a region narrows the town list to
// that region's towns at once (each region option carries its towns in
// `data-towns`). Without this script the server does the same when the
// form is sent, and sets aside a town that is not in the chosen region.
(function () {
  'use strict';

  var region = document.getElementById('region');
  var town = document.getElementById('town');
  if (!region || !town || !town.options.length) {
    return;
  }
  var anyLabel = town.options[0].textContent;

  function townsOf(option) {
    try {
      return JSON.parse(option.getAttribute('data-towns') || '[]');
    } catch (err) {
      return [];
    }
  }

  function offered() {
    var chosen = region.options[region.selectedIndex];
    if (chosen && chosen.value) {
      return townsOf(chosen);
    }
    var all = [];
    for (var i = 0; i < region.options.length; i += 1) {
      all = all.concat(townsOf(region.options[i]));
    }
    return all;
  }

  function narrow() {
    var kept = town.value;
    while (town.options.length) {
      town.remove(0);
    }
    town.add(new Option(anyLabel, ''));
    offered().forEach(function (pair) {
      town.add(new Option(pair[1], pair[0], false, pair[0] === kept));
    });
  }

  region.addEventListener('change', narrow);
}());
