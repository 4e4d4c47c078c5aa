// htmx requests carry the CSRF token that the page holds in its <meta> tags (no inline script: the
// Content-Security-Policy allows none).
document.addEventListener("htmx:configRequest", function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// "Select all" checkboxes in lists (Renew Selected): a checkbox with data-select-all="name" ticks or
// clears every checkbox of that name.
document.addEventListener("change", function (event) {
  var all = event.target.closest("[data-select-all]");
  if (!all) {
    return;
  }
  document.querySelectorAll('input[type="checkbox"][name="' + all.dataset.selectAll + '"]').forEach(function (box) {
    box.checked = all.checked;
  });
});
