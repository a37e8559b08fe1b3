// The door's page works with a USB or Bluetooth scanner (which types into
// the field) and by hand, as a plain form. This makes it quicker on a
// phone: a scan is sent without leaving the page (the server's own answer
// replaces the form and result, and is read out), so the camera keeps
// running between visitors; and where the browser has a BarcodeDetector,
// the phone's camera reads QR codes into the same field. Nothing here is
// needed to check in.
(function () {
  var main = document.querySelector('[data-checkin-main]');
  if (!main) return;
  var announce = document.querySelector('[data-checkin-announce]');

  function field() { return main.querySelector('input[name="ticket"]'); }

  // After the page or an answer arrives: ready for the next scan, and a
  // short buzz for admitted, a long one for a refusal, on phones that can.
  function settle(fresh) {
    var input = field();
    if (input && document.activeElement !== input) input.focus();
    var result = main.querySelector('[data-outcome]');
    if (!result) return;
    if (navigator.vibrate) {
      navigator.vibrate(result.getAttribute('data-outcome') === 'admitted' ? 80 : [250, 100, 250]);
    }
    if (fresh && announce) announce.textContent = result.textContent.replace(/\s+/g, ' ').trim();
  }
  settle(false);

  var busy = false;
  function send() {
    var form = main.querySelector('[data-checkin-form]');
    if (!window.fetch || !window.DOMParser || !window.URLSearchParams) { form.submit(); return; }
    if (busy) return;
    busy = true;
    fetch(form.action, { method: 'POST', body: new URLSearchParams(new FormData(form)), credentials: 'same-origin' })
      .then(function (r) { return r.text(); })
      .then(function (html) {
        var next = new DOMParser().parseFromString(html, 'text/html').querySelector('[data-checkin-main]');
        // Not the door's page (signed out, say): let the browser go there.
        if (!next) throw new Error('not the check-in page');
        main.innerHTML = next.innerHTML;
        settle(true);
      })
      .catch(function () { form.submit(); })
      .then(function () { busy = false; });
  }
  main.addEventListener('submit', function (e) {
    if (e.target.matches('[data-checkin-form]')) { e.preventDefault(); send(); }
  });

  var box = document.querySelector('[data-checkin-camera]');
  if (!box || !('BarcodeDetector' in window) || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) return;
  var start = box.querySelector('[data-camera-start]');
  var stop = box.querySelector('[data-camera-stop]');
  var frame = box.querySelector('.checkin-video');
  var video = box.querySelector('video');
  var problem = box.querySelector('[data-camera-error]');
  var stream = null;
  var detector;
  var last = '', lastAt = 0;

  window.BarcodeDetector.getSupportedFormats().then(function (formats) {
    if (formats.indexOf('qr_code') < 0) return;
    detector = new window.BarcodeDetector({ formats: ['qr_code'] });
    box.hidden = false;
  }).catch(function () {});

  function close() {
    if (stream) stream.getTracks().forEach(function (t) { t.stop(); });
    stream = null;
    frame.hidden = true;
    stop.hidden = true;
    start.hidden = false;
  }

  function look() {
    if (!stream) return;
    detector.detect(video).then(function (codes) {
      var code = codes.length ? codes[0].rawValue : '';
      // The same ticket held in front of the camera is sent once.
      if (code && (code !== last || Date.now() - lastAt > 5000)) {
        last = code;
        lastAt = Date.now();
        field().value = code;
        send();
        setTimeout(look, 1500);
        return;
      }
      setTimeout(look, 200);
    }).catch(function () { setTimeout(look, 400); });
  }

  start.addEventListener('click', function () {
    problem.hidden = true;
    navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false }).then(function (s) {
      stream = s;
      video.srcObject = s;
      frame.hidden = false;
      start.hidden = true;
      stop.hidden = false;
      return video.play();
    }).then(look).catch(function () {
      close();
      problem.textContent = box.getAttribute('data-error');
      problem.hidden = false;
    });
  });
  stop.addEventListener('click', function () { close(); field().focus(); });
  window.addEventListener('pagehide', close);
})();
