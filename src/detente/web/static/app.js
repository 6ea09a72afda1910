// detente dashboard: the only script the pages load (the CSP forbids inline scripts).
// Filter forms submit as soon as a select changes, and blank fields are left out of the URL.
"use strict";

function submitWithoutBlanks(form) {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData(form)) {
    if (String(value).trim() !== "") params.append(key, String(value).trim());
  }
  const query = params.toString();
  window.location.assign(form.getAttribute("action") + (query ? "?" + query : ""));
}

document.addEventListener("DOMContentLoaded", () => {
  for (const form of document.querySelectorAll("form[data-autosubmit]")) {
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      submitWithoutBlanks(form);
    });
    for (const select of form.querySelectorAll("select")) {
      select.addEventListener("change", () => submitWithoutBlanks(form));
    }
  }
  // Long articles: bring each source's evidence into view inside its scroll box.
  for (const box of document.querySelectorAll(".article-text")) {
    const mark = box.querySelector("mark");
    if (mark) box.scrollTop = Math.max(0, mark.offsetTop - box.offsetTop - 40);
  }
});
