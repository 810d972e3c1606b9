// Search over every meeting of the site, in the browser, with no server: the index
// (indeks.js) lists the items; their words and Danish stems, with the words of each title
// apart, are in a file per first letter (ord-<code point>.js), loaded for the letters a
// query begins its words with; the start of each item's text, for the snippets, is in
// chunks (tekst-<n>.js, a hundred items each) loaded only for the results shown. Script
// elements load them, so the search works from file:// too.
//
// A query word matches a word of the index that begins with it ("skole" finds
// "skolerne", "cykelsti" finds "cykelstiprojekt"), or that it begins with when what is
// left is a Danish ending ("cykelstier" finds "cykelsti", "skolerne" finds "skole"); so
// "lokalplan" does not find "lokal". Every query word must match. Results are ranked: a
// word in the title counts ten times a word in the text; of equal results the newest
// meeting first. Each shows where its words stand in its text.
(function () {
  "use strict";
  var indeks = window.SAGSGEN_INDEKS;
  var form = document.getElementById("soegning");
  var felt = document.getElementById("ord");
  var ud = document.getElementById("resultater");
  if (!indeks || !form) { return; }
  var VIST = 50;
  // Danish inflections and the genitive: what may follow a word's stem.
  var ENDELSE = /^(e|en|ens|er|ere|erne|ernes|ers|es|et|ets|ne|nes|r|rne|s|t|ts|ene|enes)$/;

  function ord(tekst) {
    return tekst.toLowerCase().split(/[^0-9a-zæøåéüöä]+/).filter(function (o) { return o.length > 0; });
  }

  function passer(term, soegeord) {
    if (term.indexOf(soegeord) === 0) { return true; }
    return term.length >= 4 && soegeord.indexOf(term) === 0 &&
      ENDELSE.test(soegeord.slice(term.length));
  }

  // For one query word: the items whose text and whose title hold it, and the words that
  // matched (to find them in the snippet).
  function find(soegeord) {
    var tekst = {}, titel = {}, fundne = [];
    var del = (window.SAGSGEN_ORD || {})[soegeord.codePointAt(0)];
    if (!del) { return { tekst: tekst, titel: titel, ord: fundne }; }
    Object.keys(del.ord).forEach(function (t) {
      if (!passer(t, soegeord)) { return; }
      fundne.push(t);
      del.ord[t].forEach(function (d) { tekst[d] = true; });
      (del.titelord[t] || []).forEach(function (d) { titel[d] = true; });
    });
    return { tekst: tekst, titel: titel, ord: fundne };
  }

  function soeg(tekst) {
    var alle = ord(tekst);
    if (alle.length === 0) { return { fundne: [], ord: [] }; }
    var point = null, matchede = [];
    alle.forEach(function (o) {
      var f = find(o);
      matchede = matchede.concat(f.ord, [o]);
      var nye = {};
      Object.keys(f.tekst).forEach(function (d) {
        if (point !== null && point[d] === undefined) { return; }
        nye[d] = (point === null ? 0 : point[d]) + (f.titel[d] ? 10 : 1);
      });
      point = nye;
    });
    var fundne = Object.keys(point).map(Number);
    fundne.sort(function (a, b) {
      if (point[b] !== point[a]) { return point[b] - point[a]; }
      var da = indeks.moeder[indeks.dokumenter[a].m].dato;
      var db = indeks.moeder[indeks.dokumenter[b].m].dato;
      if (da !== db) { return da < db ? 1 : -1; }
      return a - b;
    });
    return { fundne: fundne, ord: matchede };
  }

  // The part of the text around the first word that matched, the words marked.
  function uddrag(tekst, matchede) {
    var lav = tekst.toLowerCase(), foerst = -1;
    matchede.forEach(function (m) {
      var re = new RegExp("(^|[^0-9a-zæøåéüöä])" + m.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
      var hit = re.exec(lav);
      if (hit) {
        var i = hit.index + hit[1].length;
        if (foerst < 0 || i < foerst) { foerst = i; }
      }
    });
    var start = Math.max(0, foerst < 0 ? 0 : foerst - 60);
    var del = tekst.slice(start, start + 180);
    var p = document.createElement("p");
    p.className = "uddrag";
    if (start > 0) { p.appendChild(document.createTextNode("… ")); }
    var rest = del;
    while (rest.length > 0) {
      var lille = rest.toLowerCase(), naeste = -1, laengde = 0;
      matchede.forEach(function (m) {
        var i = lille.indexOf(m);
        if (i >= 0 && (naeste < 0 || i < naeste)) { naeste = i; laengde = m.length; }
      });
      if (naeste < 0) { p.appendChild(document.createTextNode(rest)); break; }
      // The whole word the match begins.
      var slut = naeste + laengde;
      while (slut < rest.length && /[0-9a-zæøåéüöä]/i.test(rest[slut])) { slut++; }
      p.appendChild(document.createTextNode(rest.slice(0, naeste)));
      var mark = document.createElement("mark");
      mark.textContent = rest.slice(naeste, slut);
      p.appendChild(mark);
      rest = rest.slice(slut);
    }
    if (start + 180 < tekst.length) { p.appendChild(document.createTextNode(" …")); }
    return p;
  }

  var CHUNK = 100;
  // Each script file: loaded (true), or the calls waiting for it while it loads.
  var filer = {};

  // Loads the scripts `navne` (script elements work from file:// too), then calls
  // `videre` once every one of them has loaded (or failed: its part is left out). A file
  // already on its way is waited for, not fetched again.
  function hent(navne, videre) {
    var tilbage = 0;
    var faerdig = function () { tilbage -= 1; if (tilbage === 0) { videre(); } };
    navne.filter(function (f, i) { return navne.indexOf(f) === i && filer[f] !== true; })
      .forEach(function (f) {
        tilbage += 1;
        if (filer[f]) { filer[f].push(faerdig); return; }
        filer[f] = [faerdig];
        var s = document.createElement("script");
        s.src = f;
        s.onload = s.onerror = function () {
          var ventende = filer[f];
          filer[f] = true;
          ventende.forEach(function (kald) { kald(); });
        };
        document.body.appendChild(s);
      });
    if (tilbage === 0) { videre(); }
  }

  function tekstAf(i) {
    var tekster = window.SAGSGEN_TEKST || {};
    var chunk = tekster[Math.floor(i / CHUNK)];
    return chunk ? chunk[i % CHUNK] : "";
  }

  function ordfiler(tekst) {
    return ord(tekst).map(function (o) { return "ord-" + o.codePointAt(0) + ".js"; });
  }

  // The results at once; their snippets as soon as the texts they need have loaded (then
  // the list is marked `data-klar`).
  function vis(tekst) {
    delete ud.dataset.klar;
    hent(ordfiler(tekst), function () {
      var svar = soeg(tekst);
      var vist = skriv(tekst, svar);
      var tekstfiler = svar.fundne.slice(0, VIST).map(function (i) {
        return "tekst-" + Math.floor(i / CHUNK) + ".js";
      });
      hent(tekstfiler, function () {
        vist.forEach(function (r) {
          var t = tekstAf(r.i);
          if (t) { r.li.appendChild(uddrag(t, svar.ord)); }
        });
        ud.dataset.klar = "ja";
      });
    });
  }

  function skriv(tekst, svar) {
    var fundne = svar.fundne;
    ud.textContent = "";
    var status = document.createElement("p");
    var antal = fundne.length + (fundne.length === 1 ? " punkt" : " punkter");
    status.textContent = fundne.length === 0
      ? "Ingen punkter fundet for »" + tekst + "«."
      : antal + " fundet for »" + tekst + "«." +
        (fundne.length > VIST ? " Her vises de " + VIST + " bedste; gør søgningen mere præcis for at se andre." : "");
    ud.appendChild(status);
    if (fundne.length === 0) { return []; }
    var liste = document.createElement("ol");
    var vist = [];
    fundne.slice(0, VIST).forEach(function (i) {
      var d = indeks.dokumenter[i];
      var moede = indeks.moeder[d.m];
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = "../" + moede.mappe + "/index.html#" + d.p;
      a.textContent = d.titel;
      var sted = document.createElement("span");
      sted.className = "sted";
      sted.textContent = moede.titel;
      li.appendChild(a);
      li.appendChild(sted);
      liste.appendChild(li);
      vist.push({ i: i, li: li });
    });
    ud.appendChild(liste);
    return vist;
  }

  // The words of the letters being typed are fetched while the query is written.
  felt.addEventListener("input", function () { hent(ordfiler(felt.value), function () {}); });

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    vis(felt.value);
  });
  var q = new URLSearchParams(window.location.search).get("q");
  if (q) { felt.value = q; vis(q); }
})();
