// Once a country is chosen, the local government list offers that country's only. Without script, every country's
// local governments are offered, grouped by country, and the server refuses a local government of another country.
(function () {
  const country = document.getElementById('Form_CountryCode');
  const government = document.getElementById('Form_LocalGovernmentId');
  if (!country || !government) {
    return;
  }

  function filter() {
    const chosen = country.value;
    for (const group of government.querySelectorAll('optgroup[data-country]')) {
      const other = chosen !== '' && group.dataset.country !== chosen;
      group.hidden = other;
      group.disabled = other;
    }

    const selected = government.selectedOptions[0];
    if (selected && selected.parentElement && selected.parentElement.disabled) {
      government.value = '';
    }
  }

  country.addEventListener('change', filter);
  filter();
})();
