// Follows the running certificate issuances on the certificates page: moves their progress bars once a second and
// reloads the page when they have finished, so that the new certificates appear. Without script, a link refreshes.
(function () {
  const script = document.currentScript;
  const template = script.dataset.figures;
  const panels = Array.from(document.querySelectorAll('[data-issuance][data-finished="false"]'));
  const format = (p) => template.replace(/\{(\d)\}/g, (_, i) => [p.issued + p.skipped + p.failed, p.total, p.issued, p.skipped, p.failed][Number(i)]);

  async function poll() {
    let running = 0;
    for (const panel of panels) {
      const response = await fetch('/certificates/issuance/' + panel.dataset.issuance, { headers: { Accept: 'application/json' } });
      if (!response.ok) continue;
      const progress = await response.json();
      const bar = panel.querySelector('[data-part=bar]');
      bar.style.width = progress.percent + '%';
      bar.textContent = progress.percent + '%';
      bar.parentElement.setAttribute('aria-valuenow', progress.percent);
      panel.querySelector('[data-part=figures]').textContent = format(progress);
      if (!progress.finished) running++;
    }

    if (running > 0) {
      setTimeout(poll, 1000);
    } else {
      window.location.reload();
    }
  }

  if (panels.length > 0) setTimeout(poll, 500);
})();
