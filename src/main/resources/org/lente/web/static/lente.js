// Lente: enhancements only; every page works without this file.
// Escape hides the description shown for the focused or hovered highlight (WCAG 1.4.13).
(function () {
  'use strict';
  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape') {
      return;
    }
    document.querySelectorAll('.tip').forEach(function (tip) {
      tip.classList.add('hidden');
    });
  });
  document.addEventListener('focusin', function () {
    document.querySelectorAll('.tip.hidden').forEach(function (tip) {
      tip.classList.remove('hidden');
    });
  });
  document.addEventListener('mouseover', function (event) {
    if (event.target.closest && event.target.closest('.hl, .said')) {
      document.querySelectorAll('.tip.hidden').forEach(function (tip) {
        tip.classList.remove('hidden');
      });
    }
  });
})();
