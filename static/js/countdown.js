// Keeps the home page's countdown current. The server renders the numbers;
// this only ticks them, so the page reads the same with JavaScript off.
(function () {
  var box = document.querySelector('[data-countdown]');
  if (!box) return;
  var opens = Date.parse(box.getAttribute('data-countdown'));
  if (isNaN(opens)) return;
  var units = {};
  box.querySelectorAll('[data-unit]').forEach(function (el) { units[el.getAttribute('data-unit')] = el; });
  function tick() {
    var left = Math.max(0, opens - Date.now());
    var minutes = Math.floor(left / 60000);
    if (units.days) units.days.textContent = Math.floor(minutes / 1440);
    if (units.hours) units.hours.textContent = Math.floor(minutes / 60) % 24;
    if (units.minutes) units.minutes.textContent = minutes % 60;
    if (left > 0) setTimeout(tick, 60000 - (Date.now() % 60000) + 50);
  }
  tick();
})();
