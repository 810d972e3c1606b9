// Search over every meeting of the site, in the browser, with no server: the index
// (indeks.js) lists each item's words and their Danish stems. A word matches the words
// it begins or that begin it (from four letters), so "skole" finds "skolerne" and
// "skolerne" finds "skole" (and the stem "skol").
(function () {
  "use strict";
  var indeks = window.SAGSGEN_INDEKS;
  var form = document.getElementById("soegning");
  var felt = document.getElementById("ord");
  var ud = document.getElementById("resultater");
  if (!indeks || !form) { return; }
  var termer = Object.keys(indeks.ord);

  function ord(tekst) {
    return tekst.toLowerCase().split(/[^0-9a-zæøåéüöä]+/).filter(function (o) { return o.length > 0; });
  }

  function dokumenter(soegeord) {
    var fundet = {};
    termer.forEach(function (t) {
      if (t.indexOf(soegeord) === 0 || (t.length >= 4 && soegeord.indexOf(t) === 0)) {
        indeks.ord[t].forEach(function (d) { fundet[d] = true; });
      }
    });
    return fundet;
  }

  function soeg(tekst) {
    var alle = ord(tekst);
    if (alle.length === 0) { return []; }
    var tilbage = null;
    alle.forEach(function (o) {
      var fundet = dokumenter(o);
      if (tilbage === null) { tilbage = fundet; return; }
      Object.keys(tilbage).forEach(function (d) { if (!fundet[d]) { delete tilbage[d]; } });
    });
    return Object.keys(tilbage || {}).map(Number).sort(function (a, b) { return a - b; });
  }

  function vis(tekst) {
    var fundne = soeg(tekst);
    ud.textContent = "";
    var status = document.createElement("p");
    status.textContent = fundne.length === 0
      ? "Ingen punkter fundet for »" + tekst + "«."
      : fundne.length + (fundne.length === 1 ? " punkt" : " punkter") + " fundet for »" + tekst + "«.";
    ud.appendChild(status);
    if (fundne.length === 0) { return; }
    var liste = document.createElement("ol");
    fundne.slice(0, 200).forEach(function (i) {
      var d = indeks.dokumenter[i];
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = d.adresse;
      a.textContent = d.titel;
      var sted = document.createElement("span");
      sted.className = "sted";
      sted.textContent = d.moede;
      li.appendChild(a);
      li.appendChild(sted);
      liste.appendChild(li);
    });
    ud.appendChild(liste);
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    vis(felt.value);
  });
  var q = new URLSearchParams(window.location.search).get("q");
  if (q) { felt.value = q; vis(q); }
})();
