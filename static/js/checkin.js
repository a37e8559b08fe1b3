// The door's page works with a USB or Bluetooth scanner (which types into
// the field) and by hand. Where the browser has a BarcodeDetector, this
// adds scanning with the phone's camera: the QR code's text goes into the
// same field and the same form is sent. Nothing here is needed to check in.
(function () {
  var form = document.querySelector('[data-checkin-form]');
  if (!form) return;
  var input = form.querySelector('input[name="ticket"]');
  // Ready for the next scan even where autofocus was ignored.
  if (input && document.activeElement !== input) input.focus();

  // A short buzz for admitted, a long one for a refusal, on phones that can.
  var result = document.querySelector('[data-outcome]');
  if (result && navigator.vibrate) {
    navigator.vibrate(result.getAttribute('data-outcome') === 'admitted' ? 80 : [250, 100, 250]);
  }

  var box = document.querySelector('[data-checkin-camera]');
  if (!box || !('BarcodeDetector' in window) || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) return;
  var start = box.querySelector('[data-camera-start]');
  var stop = box.querySelector('[data-camera-stop]');
  var frame = box.querySelector('.checkin-video');
  var video = box.querySelector('video');
  var problem = box.querySelector('[data-camera-error]');
  var stream = null;
  var detector;

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
      if (codes.length && codes[0].rawValue) {
        input.value = codes[0].rawValue;
        close();
        if (form.requestSubmit) form.requestSubmit(); else form.submit();
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
  stop.addEventListener('click', function () { close(); input.focus(); });
  window.addEventListener('pagehide', close);
})();
