// The hall map's caption: shows the details of the booth pointed at or
// focused, for sighted visitors who cannot wait for the hover tooltip. The
// page says everything without it: each booth's name and the list below.
(function () {
  var map = document.querySelector('.hallmap-svg');
  var info = document.getElementById('hallmap-info');
  if (!map || !info) return;
  // The hint is two spans, one for a pointer and one for touch (CSS shows
  // the one that fits the device): kept as markup, put back as it was.
  var hint = info.innerHTML;
  info.hidden = false;
  function show(e) {
    var booth = e.target.closest && e.target.closest('[data-info]');
    map.querySelectorAll('.booth-current').forEach(function (el) { el.classList.remove('booth-current'); });
    if (booth) {
      booth.classList.add('booth-current');
      info.textContent = booth.getAttribute('data-info');
    } else {
      info.innerHTML = hint;
    }
  }
  map.addEventListener('mouseover', show);
  map.addEventListener('focusin', show);
  map.addEventListener('mouseleave', function () {
    if (!map.contains(document.activeElement)) show({ target: map });
  });
})();
