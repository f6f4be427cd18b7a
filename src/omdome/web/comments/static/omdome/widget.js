/* Omdöme comment widget. Plain ES2019, no dependencies, no build step. */
(() => {
  "use strict";
  if (window.OmdomeWidget) {
    if (window.console) console.warn("Omdöme: widget.js is already running on this page; this copy is ignored.");
    return;
  }

  var script = document.currentScript ||
    document.querySelector("script[data-omdome-thread]") ||
    Array.prototype.filter.call(document.scripts, s => /\/widget\.js([?#]|$)/.test(s.src)).pop();
  if (!script || !script.src) return;
  var BASE;
  try { BASE = new URL(script.src, location.href).origin; } catch (e) { return; }

  var ds = script.dataset;
  var THREAD = ds.omdomeThread || location.href.split("#")[0];
  var TITLE = ds.omdomeTitle || document.title || null;
  var THEME = /^(dark|auto)$/.test(ds.omdomeTheme) ? ds.omdomeTheme : "";
  var KEY = "omdome-edit:" + BASE;
  var reduced = !!(window.matchMedia && matchMedia("(prefers-reduced-motion: reduce)").matches);
  function langOf(el) {
    var e = el && el.closest("[lang]:not([lang=''])");
    return e ? e.getAttribute("lang") : "";
  }
  var pageLang = (ds.omdomeLang || langOf(document.getElementById("omdome-thread")) || langOf(script) ||
    document.documentElement.lang).trim();
  var SV = /^sv(-|$)/i.test(pageLang);
  // Dates follow the page language, but only within the UI language so one sentence never mixes two.
  var LOCALE = (SV ? /^sv/i : /^en/i).test(pageLang) ? pageLang : (SV ? "sv-SE" : "en-GB");

  var L = SV ? {
    heading: "Kommentarer", loading: "Laddar kommentarer…",
    loadError: "Kommentarerna kunde inte laddas. Försök igen om en stund.", retry: "Försök igen", more: "Visa fler kommentarer",
    none: "Inga kommentarer ännu", one: "1 kommentar", many: "{n} kommentarer",
    closed: "Kommentarerna är stängda för den här sidan.",
    rules: "Regler för kommentarer", runBy: "Tjänsten drivs av ",
    pv: "Vi sparar ditt namn, din kommentar och när du skrev den för att visa kommentaren, och din e-postadress (om du anger den) och IP-adress för att kunna moderera. E-post- och IP-adressen visas aldrig.",
    pvDays: "De tas bort efter {n} dagar.", pvDay: "De tas bort efter 1 dag.",
    pvCtrl: "Personuppgiftsansvarig: ",
    pvLocal: "Din webbläsare sparar tillfälligt en nyckel så att du kan ändra eller ta bort din kommentar en kort stund efteråt.",
    pvMore: "Läs mer om hur vi behandlar personuppgifter",
    write: "Skriv en kommentar", replyTo: "Svara {name}",
    author: "Namn", email: "E-postadress (valfri, visas aldrig)", text: "Kommentar", hp: "Lämna tomt",
    hint: "Du kan använda *kursiv*, **fetstil** och länkar. Högst 5\u00a0000 tecken.",
    send: "Skicka", sending: "Skickar…", cancelReply: "Avbryt svar",
    published: "Tack! Din kommentar är publicerad.",
    pending: "Tack! Din kommentar granskas innan den visas.",
    withheld: "Din kommentar har gått till en moderator och visas inte förrän den har granskats.",
    reply: "Svara", edit: "Redigera", save: "Spara", cancel: "Avbryt", editLabel: "Redigera din kommentar",
    saved: "Ändringen är sparad.", del: "Ta bort",
    confirmDel: "Vill du ta bort din kommentar? Det går inte att ångra.", deleted: "Kommentaren är borttagen.",
    removed: "Kommentaren har tagits bort av skribenten.", hidden: "Kommentaren visas inte.",
    lossy: "Originaltexten kunde inte hämtas; formatering kan gå förlorad.",
    edited: "redigerad", anon: "Anonym", staff: "Verifierad medarbetare",
    share: "Dela", copy: "Kopiera länk", copied: "Länken är kopierad.",
    copyFail: "Länken kunde inte kopieras. Du kan kopiera den här: {url}", mail: "E-post", native: "Dela via…",
    ttHead: "Tänk efter en gång till",
    ttText: "Din kommentar kan uppfattas som kränkande. Vill du formulera om den? Om du skickar den ändå granskas den av en moderator innan den kan visas.",
    rephrase: "Skriv om", anyway: "Skicka ändå",
    errAuthor: "Skriv ditt namn.", errAuthorLong: "Namnet får vara högst 80 tecken.",
    errText: "Skriv en kommentar.", errTextLong: "Kommentaren får vara högst 5\u00a0000 tecken.",
    errEmail: "Skriv en giltig e-postadress eller lämna fältet tomt.", fix: "Rätta uppgifterna i formuläret.",
    net: "Det gick inte att nå kommentarstjänsten. Kontrollera anslutningen och försök igen.",
    slow: "Kommentarstjänsten svarade inte i tid. Försök igen om en stund.",
    failed: "Något gick fel. Försök igen om en stund.",
    rate: "Du har skickat många kommentarer på kort tid. Vänta {n} sekund{s} och försök igen.", pl: "er",
    expired: "Tiden för att ändra kommentaren har gått ut.",
    report: "Rapportera", reportWhy: "Vad är fel med kommentaren?", reportChoose: "Välj ett skäl",
    reportMore: "Förklara gärna (valfritt)",
    reportEmail: "Din e-postadress, om du vill få veta beslutet (valfri, visas aldrig)",
    reportSend: "Skicka anmälan", reported: "Tack, din anmälan har tagits emot.",
    reasons: [["illegal", "Olagligt, t.ex. hot eller hets mot folkgrupp"], ["hate", "Hat eller trakasserier"],
      ["personal_data", "Någons personuppgifter"], ["false", "Osant eller vilseledande"],
      ["spam", "Spam eller reklam"], ["other", "Något annat"]]
  } : {
    heading: "Comments", loading: "Loading comments…",
    loadError: "The comments could not be loaded. Please try again in a moment.", retry: "Try again", more: "Show more comments",
    none: "No comments yet", one: "1 comment", many: "{n} comments",
    closed: "Comments are closed for this page.",
    rules: "House rules", runBy: "This service is run by ",
    pv: "We store your name, your comment and when you wrote it to show the comment, and your e-mail address (if you give one) and IP address to moderate. The e-mail and IP addresses are never shown.",
    pvDays: "They are deleted after {n} days.", pvDay: "They are deleted after 1 day.",
    pvCtrl: "Data controller: ",
    pvLocal: "Your browser temporarily stores a key so that you can edit or delete your comment for a short while afterwards.",
    pvMore: "Read more about how we handle personal data",
    write: "Write a comment", replyTo: "Reply to {name}",
    author: "Name", email: "E-mail address (optional, never shown)", text: "Comment", hp: "Leave empty",
    hint: "You can use *italics*, **bold** and links. At most 5,000 characters.",
    send: "Send", sending: "Sending…", cancelReply: "Cancel reply",
    published: "Thank you! Your comment has been published.",
    pending: "Thank you! Your comment will be reviewed before it is shown.",
    withheld: "Your comment has been passed to a moderator and will not be shown until it has been reviewed.",
    reply: "Reply", edit: "Edit", save: "Save", cancel: "Cancel", editLabel: "Edit your comment",
    saved: "Your change has been saved.", del: "Delete",
    confirmDel: "Do you want to delete your comment? This cannot be undone.", deleted: "The comment has been deleted.",
    removed: "This comment was removed by its author.", hidden: "This comment is not shown.",
    lossy: "The original text could not be loaded; formatting may be lost.",
    edited: "edited", anon: "Anonymous", staff: "Verified staff",
    share: "Share", copy: "Copy link", copied: "The link has been copied.",
    copyFail: "The link could not be copied. You can copy it here: {url}", mail: "E-mail", native: "Share via…",
    ttHead: "Think twice",
    ttText: "Your comment may come across as hurtful. Would you like to rephrase it? If you send it anyway, a moderator will review it before it can be shown.",
    rephrase: "Rephrase", anyway: "Send anyway",
    errAuthor: "Enter your name.", errAuthorLong: "Your name can be at most 80 characters.",
    errText: "Write a comment.", errTextLong: "Your comment can be at most 5,000 characters.",
    errEmail: "Enter a valid e-mail address or leave the field empty.", fix: "Please correct the form.",
    net: "The comment service could not be reached. Check your connection and try again.",
    slow: "The comment service did not answer in time. Please try again in a moment.",
    failed: "Something went wrong. Please try again in a moment.",
    rate: "You have sent many comments in a short time. Wait {n} second{s} and try again.", pl: "s",
    expired: "The time for editing this comment has run out.",
    report: "Report", reportWhy: "What is wrong with the comment?", reportChoose: "Choose a reason",
    reportMore: "Explain if you like (optional)",
    reportEmail: "Your e-mail address, if you want to hear the decision (optional, never shown)",
    reportSend: "Send report", reported: "Thank you, your report has been received.",
    reasons: [["illegal", "Illegal, e.g. a threat or agitation against a group"], ["hate", "Hate or harassment"],
      ["personal_data", "Someone's personal data"], ["false", "False or misleading"],
      ["spam", "Spam or advertising"], ["other", "Something else"]]
  };

  function fmt(s, o) { return s.replace(/\{(\w+)\}/g, (m, k) => k in o ? o[k] : m); }

  // Every element is built here; strings only ever become text nodes or attribute values.
  function h(tag, attrs, kids) {
    var n = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(k => {
      var v = attrs[k];
      if (v != null && v !== false) n.setAttribute(k, v === true ? "" : String(v));
    });
    [].concat(kids == null ? [] : kids).forEach(k => {
      if (k != null && k !== false) n.appendChild(typeof k === "object" ? k : document.createTextNode(String(k)));
    });
    return n;
  }
  function btn(cls, label, fn, type, ctx) {
    var b = h("button", { type: type || "button", class: cls, "aria-describedby": ctx }, label);
    if (fn) b.addEventListener("click", guard(fn));
    return b;
  }
  // Handlers must never leak an exception (or a rejected promise) into the host page.
  function guard(fn) {
    return function (ev) {
      try {
        var r = fn(ev);
        if (r && typeof r.catch === "function") r.catch(fail);
      } catch (e) { fail(); }
    };
  }
  function fail() { say(L.failed, true); }

  // A CSP may forbid the policy name: then plain text rather than no widget.
  var policy = null;
  if (window.trustedTypes && trustedTypes.createPolicy) {
    try { policy = trustedTypes.createPolicy("omdome", { createHTML: s => s }); } catch (e) { policy = false; }
  }
  var ENT = { amp: "&", lt: "<", gt: ">", quot: "\"", nbsp: "\u00a0" }; // what nh3 writes
  function plain(html) {
    return html.replace(/<br>|<\/(p|li|pre|blockquote)>/g, "\n").replace(/<[^>]*>/g, "")
      .replace(/&(amp|lt|gt|quot|nbsp);/g, (m, e) => ENT[e]).trim();
  }

  function safeUrl(u, base) {
    if (typeof u !== "string" || !u) return null;
    try {
      var p = new URL(u, base || BASE);
      return p.protocol === "http:" || p.protocol === "https:" ? p.href : null;
    } catch (e) { return null; }
  }
  function linkOr(text, url) {
    var u = safeUrl(url);
    return u ? h("a", { href: u }, text) : h("span", null, text);
  }
  var dateFmt, DF = { year: "numeric", month: "long", day: "numeric", hour: "2-digit", minute: "2-digit" };
  try { dateFmt = new Intl.DateTimeFormat(LOCALE, DF); } catch (e) { dateFmt = new Intl.DateTimeFormat(SV ? "sv-SE" : "en-GB", DF); }
  function num(n) { try { return n.toLocaleString(LOCALE); } catch (e) { return String(n); } }

  // Edit tokens: localStorage can be missing or throw (privacy modes, sandboxed frames), so keep a memory copy.
  // Stored JSON is untrusted: only numeric ids with a live token are kept.
  var mem = Object.create(null);
  function clean(o) {
    var r = Object.create(null), now = Date.now();
    Object.keys(Object(o)).forEach(k => {
      var v = Object(o[k]);
      if (/^\d+$/.test(k) && v.until > now && typeof v.token === "string") r[k] = { token: v.token, until: +v.until };
    });
    return r;
  }
  function tokens() {
    var o = null;
    try { o = JSON.parse(window.localStorage.getItem(KEY)); } catch (e) { /* memory copy only */ }
    return Object.assign(clean(o), clean(mem));
  }
  function storeTokens(o) {
    mem = clean(o);
    try {
      if (Object.keys(mem).length) window.localStorage.setItem(KEY, JSON.stringify(mem));
      else window.localStorage.removeItem(KEY);
    } catch (e) { /* memory copy still works */ }
  }
  function tokenFor(id) { return tokens()[id] || null; }
  function saveToken(id, token, until) { var o = tokens(); o[id] = { token: token, until: until }; storeTokens(o); }
  function dropToken(id) { var o = tokens(); delete o[id]; storeTokens(o); }

  function api(method, path, body, token, key) {
    // Server messages in the page's language, not the browser's.
    var headers = { Accept: "application/json", "Accept-Language": SV ? "sv" : "en" };
    if (body) headers["Content-Type"] = "application/json";
    if (token) headers["X-Omdome-Edit-Token"] = token;
    if (key) headers["Idempotency-Key"] = key;
    var ctl = new AbortController(), timer = setTimeout(() => ctl.abort(), 20000);
    return fetch(BASE + path, {
      method: method, headers: headers, body: body ? JSON.stringify(body) : undefined,
      credentials: "omit", cache: "no-store", signal: ctl.signal
    }).then(
      res => res.json().catch(() => null).then(d => ({ status: res.status, data: d && typeof d === "object" ? d : {} })),
      () => ({ status: 0, data: {} })
    ).then(r => { clearTimeout(timer); return ctl.signal.aborted ? { status: 0, data: {}, late: true } : r; });
  }
  function errorText(r) {
    var d = r.data;
    if (!r.status) return r.late ? L.slow : L.net;
    if (typeof d.message === "string" && d.message) return d.message;
    if (r.status === 429) {
      var n = Math.ceil(d.retry_after) || 30;
      return fmt(L.rate, { n: num(n), s: n === 1 ? "" : L.pl });
    }
    return L.failed;
  }

  // aria-busy is the busy flag; aria-disabled, as a disabled button would lose focus.
  async function during(box, b, fn) {
    if (box.hasAttribute("aria-busy")) return;
    box.setAttribute("aria-busy", "true");
    b.setAttribute("aria-disabled", "true");
    try { return await fn(); } finally {
      box.removeAttribute("aria-busy");
      b.removeAttribute("aria-disabled");
    }
  }

  var S = { count: 0, closed: false, parent: null, replyBtn: null };
  var sources = {}; // id -> Markdown as typed, so editing right after posting keeps the writer's markup exactly
  var uid = 0;
  var PAGE = (safeUrl(THREAD, location.href) || location.href).split("#")[0];

  var root = h("section", { class: "omdome" + (THEME ? " omdome-" + THEME : ""), "aria-labelledby": "omdome-heading", lang: SV ? "sv" : "en" });
  var heading = h("h2", { id: "omdome-heading", tabindex: "-1" }, L.heading);
  var countEl = h("p", { class: "omdome-count" });
  var loadingEl = h("p", { class: "omdome-loading" }, L.loading);
  var retryEl = btn("omdome-retry", L.retry, () => { loadingEl.hidden = false; say(""); return load(); });
  retryEl.hidden = true;
  var list = h("ol", { class: "omdome-list" });
  var moreBtn = btn("omdome-more", L.more, () => during(root, moreBtn, () => load(false, S.next)));
  moreBtn.hidden = true;
  var status = h("div", { class: "omdome-status", role: "status", "aria-live": "polite" });
  var about = h("p", { class: "omdome-about" });
  var privacy = h("p", { class: "omdome-privacy" });
  var closedEl = h("p", { class: "omdome-closed", tabindex: "-1", hidden: true }, L.closed);
  var F = buildForm();
  // The heading sits outside the form so it can introduce the rules and privacy notice too.
  var composer = h("div", { class: "omdome-composer" }, [F.title, about, privacy, closedEl, F.form, status]);
  var home = h("div", { class: "omdome-home" }, composer);
  root.append(heading, countEl, loadingEl, retryEl, list, moreBtn, home);

  var sayN = 0;
  // Clearing first makes screen readers announce a message even when it repeats the previous one.
  // "shown": already on screen by the control, so only spoken.
  function say(msg, isError, shown) {
    var n = ++sayN;
    status.textContent = "";
    status.classList.toggle("omdome-status-error", !!isError);
    status.classList.toggle("omdome-sr", !!shown);
    if (msg) setTimeout(() => { if (n === sayN) status.textContent = msg; }, 50);
  }
  function note(art, msg, isError) {
    var box = art.querySelector(".omdome-actions");
    if (!box || box.hidden) box = art;
    var n = box.querySelector(":scope > .omdome-note") || box.appendChild(h("p", { class: "omdome-note" }));
    n.textContent = msg;
    n.classList.toggle("omdome-note-error", !!isError);
    say(msg, isError, true);
  }

  function field(name, label, input, hint) {
    var id = "omdome-" + name;
    input.id = id;
    input.name = name;
    var hintEl = hint ? h("p", { class: "omdome-hint", id: id + "-hint" }, hint) : null;
    if (hintEl) input.setAttribute("aria-describedby", hintEl.id);
    var err = h("p", { class: "omdome-error", id: id + "-error", hidden: true });
    return h("div", { class: "omdome-field" }, [h("label", { for: id }, label), hintEl, err, input]);
  }
  function setErr(input, msg) {
    var err = input.parentNode.querySelector(".omdome-error");
    var ids = (input.getAttribute("aria-describedby") || "").split(" ").filter(x => x && x !== err.id);
    err.textContent = msg || "";
    err.hidden = !msg;
    if (msg) { ids.push(err.id); input.setAttribute("aria-invalid", "true"); } else input.removeAttribute("aria-invalid");
    if (ids.length) input.setAttribute("aria-describedby", ids.join(" ")); else input.removeAttribute("aria-describedby");
    return input;
  }

  function buildForm() {
    var f = {};
    f.author = h("input", { type: "text", required: true, "aria-required": "true", maxlength: 80, autocomplete: "name" });
    f.email = h("input", { type: "email", maxlength: 254, autocomplete: "email", spellcheck: "false" });
    f.text = h("textarea", { rows: 6, required: true, "aria-required": "true", maxlength: 5000 });
    f.website = h("input", { type: "text", tabindex: "-1", autocomplete: "off" });
    f.title = h("h3", { id: "omdome-form-heading", hidden: true }, L.write);
    f.submit = btn("omdome-submit", L.send, null, "submit");
    f.cancel = btn("omdome-cancel-reply", L.cancelReply, () => resetReply(true));
    f.cancel.hidden = true;
    f.actions = h("div", { class: "omdome-form-actions" }, [f.submit, f.cancel]);
    // Sent as "website"; a neutral name keeps password managers away.
    var hp = field("hp-field", L.hp, f.website);
    f.website.name = f.website.id;
    hp.className = "omdome-hp";
    hp.setAttribute("aria-hidden", "true");
    // Inline too, so the trap stays invisible even if widget.css fails to load.
    Object.assign(hp.style, { position: "absolute", left: "-10000px", width: "1px", height: "1px", overflow: "hidden" });
    f.form = h("form", { class: "omdome-form", "aria-labelledby": f.title.id, novalidate: true, hidden: true }, [
      field("author", L.author, f.author),
      field("email", L.email, f.email),
      field("text", L.text, f.text, L.hint),
      hp, f.actions
    ]);
    [f.author, f.email, f.text].forEach(i => {
      i.addEventListener("input", () => {
        if (i.hasAttribute("aria-invalid")) setErr(i, null);
        removePanel(f.form);
      });
    });
    f.form.addEventListener("submit", guard(ev => {
      ev.preventDefault();
      if (f.form.hasAttribute("aria-busy")) return;
      var body = collect();
      if (body) return during(f.form, f.submit, () => post(body));
    }));
    return f;
  }
  function collect() {
    var a = F.author.value.trim(), t = F.text.value.trim(), bad = [];
    [F.author, F.email, F.text].forEach(i => setErr(i, null));
    if (!a) bad.push(setErr(F.author, L.errAuthor));
    else if (a.length > 80) bad.push(setErr(F.author, L.errAuthorLong));
    if (F.email.value && F.email.validity && !F.email.validity.valid) bad.push(setErr(F.email, L.errEmail));
    if (!t) bad.push(setErr(F.text, L.errText));
    else if (t.length > 5000) bad.push(setErr(F.text, L.errTextLong));
    if (bad.length) { bad[0].focus(); say(L.fix, true); return null; }
    return {
      thread: THREAD, title: TITLE, text: t, author: a, email: F.email.value.trim() || null,
      parent: S.parent, website: F.website.value, confirmed: false
    };
  }

  function removePanel(scope) {
    var p = scope.querySelector(".omdome-think-twice");
    if (p) p.remove();
  }
  function thinkTwice(form, before, onRephrase, onAnyway, text) {
    removePanel(form);
    var id = "omdome-tt-" + (++uid);
    var panel = h("section", { class: "omdome-think-twice", "aria-labelledby": id, "aria-describedby": id + "-text", tabindex: "-1" }, [
      h("h3", { id: id }, L.ttHead),
      h("p", { id: id + "-text" }, text || L.ttText),
      h("div", { class: "omdome-form-actions" }, [
        btn("omdome-rephrase", L.rephrase, () => { panel.remove(); onRephrase(); }),
        btn("omdome-send-anyway", L.anyway, () => { panel.remove(); return onAnyway(); })
      ])
    ]);
    form.insertBefore(panel, before);
    panel.focus();
  }

  function fieldError(d, map) {
    var input = map[d.field];
    var msg = typeof d.message === "string" && d.message ? d.message : L.failed;
    if (input) { setErr(input, msg).focus(); say(L.fix, true, !F.form.contains(input)); } else say(msg, true);
  }

  async function post(body) {
    removePanel(F.form);
    say(L.sending);
    // A resend after a lost answer stores it once.
    S.key = S.key || Date.now().toString(36) + Math.random().toString(36).slice(2);
    var r = await api("POST", "/api/comments", body, null, S.key);
    var d = r.data;
    if (r.status === 201) {
      S.key = null;
      if (d.id != null && typeof d.edit_token === "string") {
        // By this client's clock; the server's 403 still decides.
        saveToken(d.id, d.edit_token, d.edit_seconds >= 0 ? Date.now() + d.edit_seconds * 1000
          : Date.parse(d.edit_until) || Date.now() + 6e5);
      }
      if (d.id != null) sources[d.id] = body.text;
      F.text.value = "";
      var c = d.comment && typeof d.comment === "object" ? d.comment : null;
      if (d.status === "published") {
        resetReply(false);
        if (c) {
          var li = insert(c, "parent" in c ? c.parent : body.parent);
          S.count++;
          updateCount();
          focusEl(li.firstChild);
        } else {
          F.submit.focus();
          load(false);
        }
        say(L.published);
      } else {
        // Stay where the writer is, so the message appears next to the form they just used.
        F.submit.focus();
        say(d.status === "withheld" ? L.withheld : L.pending);
      }
    } else if (r.status === 409 && /^(think_twice|personal_data)$/.test(d.code)) {
      say("");
      thinkTwice(F.form, F.actions, () => F.text.focus(), () => {
        F.submit.focus();
        var again = collect();
        if (again) { again.confirmed = true; return during(F.form, F.submit, () => post(again)); }
      }, d.code === "personal_data" && d.message);
    } else if (r.status === 400 || r.status === 422) {
      fieldError(d, { author: F.author, email: F.email, text: F.text });
    } else if (r.status === 403 && d.code === "thread_closed") {
      // The focused notice says it; no second announcement.
      say("");
      setClosed(true);
      closedEl.focus();
    } else {
      say(errorText(r), true);
    }
  }

  function insert(c, parentId) {
    var container = list, depth = 1;
    var pa = parentId != null && document.getElementById("omdome-comment-" + parentId);
    if (pa && root.contains(pa)) {
      depth = (+pa.getAttribute("data-depth") || 1) + 1;
      container = repliesOf(pa.parentNode, depth - 1);
    }
    var li = item(c, depth);
    container.appendChild(li);
    return li;
  }
  function childList(li) { return Array.prototype.find.call(li.children, k => k.tagName === "OL"); }
  function repliesOf(li, depth) {
    var ol = childList(li);
    if (!ol) {
      // Below level 3 the thread stops indenting, so long chains stay readable on phones.
      ol = h("ol", { class: "omdome-replies" + (depth >= 3 ? " omdome-flat" : "") });
      li.appendChild(ol);
    }
    return ol;
  }
  function item(c, depth) {
    var li = h("li", { class: "omdome-item" }, article(c, depth));
    var replies = Array.isArray(c.replies) ? c.replies : [];
    if (replies.length) {
      var ol = repliesOf(li, depth);
      replies.forEach(r => { if (r && typeof r === "object") ol.appendChild(item(r, depth + 1)); });
    }
    return li;
  }

  function article(c, depth) {
    var id = String(c.id);
    var art = h("article", {
      class: "omdome-comment" + (c.deleted ? " omdome-deleted" : "") + (c.staff ? " omdome-by-staff" : ""),
      // Read out, not just a border.
      "aria-roledescription": c.staff && !c.deleted ? L.staff : null,
      id: "omdome-comment-" + id, "data-id": id, "data-depth": depth, tabindex: "-1"
    });
    var when = new Date(c.created);
    var time = isNaN(when) ? null : h("time", { datetime: when.toISOString(), id: "omdome-at-" + id }, dateFmt.format(when));
    if (c.deleted) {
      if (time) art.appendChild(h("header", { class: "omdome-meta" }, time));
      art.appendChild(h("p", { class: "omdome-placeholder" }, c.removed_by === "author" ? L.removed : L.hidden));
      return art;
    }
    var author = typeof c.author === "string" && c.author.trim() ? c.author : L.anon;
    var st = c.staff && typeof c.staff === "object" ? c.staff : null;
    var head = h("header", { class: "omdome-meta" });
    // Tells the many Reply/Edit/Share buttons apart.
    var by = "omdome-by-" + id, ctx = by + (time ? " " + time.id : "");
    if (!st || st.name !== author) head.appendChild(h("span", { class: "omdome-author", id: by }, author));
    if (st) {
      var who = [st.name, st.role, st.organisation].filter(x => typeof x === "string" && x).join(", ");
      head.appendChild(h("span", { class: "omdome-staff-badge", id: head.firstChild ? null : by }, [
        h("span", { class: "omdome-check", "aria-hidden": "true" }, "✓"), " ",
        L.staff + (who ? ": " + who : "")
      ]));
    }
    head.append(time || "", c.edited ? h("span", { class: "omdome-edited" }, L.edited) : "");
    var body = h("div", { class: "omdome-body" });
    var html = typeof c.html === "string" ? c.html : "";
    // The one and only innerHTML: the server has already sanitised comment HTML.
    if (policy === false) { body.textContent = plain(html); body.classList.add("omdome-plain"); }
    else body.innerHTML = policy ? policy.createHTML(html) : html;
    body.querySelectorAll("a[href]").forEach(a => a.setAttribute("rel", "nofollow ugc noopener noreferrer"));
    var acts = h("div", { class: "omdome-actions" });
    if (depth < 3 && !S.closed) {
      var rb = btn("omdome-reply", L.reply, () => startReply(art, author, rb), null, ctx);
      acts.appendChild(rb);
    }
    acts.appendChild(shareMenu(id, art, ctx));
    var t = tokenFor(id);
    if (!t) acts.appendChild(reportMenu(id, art, ctx));
    if (t) {
      var ed = S.closed ? null : btn("omdome-edit", L.edit, () => startEdit(art, id, ed), null, ctx);
      var del = btn("omdome-delete", L.del, () => remove(art, id, del), null, ctx);
      acts.append(ed || "", del);
      setTimeout(() => {
        var had = [ed, del].indexOf(document.activeElement) >= 0;
        [ed, del].forEach(b => b && b.remove());
        if (had) { focusEl(art); note(art, L.expired); }
      }, Math.min(t.until - Date.now(), 2147483647));
    }
    art.append(head, body, acts);
    return art;
  }

  function shareMenu(id, art, ctx) {
    var link = PAGE + "#omdome-comment-" + id;
    var subject = TITLE || (S.thread && S.thread.title) || "";
    var kids = [
      btn("omdome-copy", L.copy, () => {
        var no = () => note(art, fmt(L.copyFail, { url: link }), true);
        if (!navigator.clipboard) return no();
        return navigator.clipboard.writeText(link).then(() => { note(art, L.copied); }, no);
      }),
      h("a", { class: "omdome-mail", href: "mailto:?subject=" + encodeURIComponent(subject) + "&body=" + encodeURIComponent(link) }, L.mail)
    ];
    if (typeof navigator.share === "function") {
      kids.push(btn("omdome-native-share", L.native, () => {
        // A dismissed share sheet rejects; that is not an error worth telling anyone about.
        return navigator.share({ title: subject, url: link }).catch(() => {});
      }));
    }
    return h("details", { class: "omdome-share" }, [h("summary", { "aria-describedby": ctx }, L.share), h("div", { class: "omdome-share-menu" }, kids)]);
  }

  // Notice and action: a reader tells the moderators what is wrong with a comment.
  function reportMenu(id, art, ctx) {
    var fid = "omdome-report-" + id;
    var reason = h("select", { id: fid + "-reason", name: "reason", required: true, "aria-required": "true" },
      [h("option", { value: "" }, L.reportChoose)].concat(L.reasons.map(r => h("option", { value: r[0] }, r[1]))));
    var more = h("textarea", { id: fid + "-explanation", name: "explanation", rows: 3, maxlength: 1000 });
    var mail = h("input", { id: fid + "-email", name: "email", type: "email", autocomplete: "email", maxlength: 254 });
    var send = btn("omdome-report-send", L.reportSend, null, "submit");
    var form = h("form", { class: "omdome-report-form", novalidate: true }, [
      h("div", { class: "omdome-field" }, [h("label", { for: reason.id }, L.reportWhy), reason]),
      h("div", { class: "omdome-field" }, [h("label", { for: more.id }, L.reportMore), more]),
      h("div", { class: "omdome-field" }, [h("label", { for: mail.id }, L.reportEmail), mail]),
      h("div", { class: "omdome-form-actions" }, send)
    ]);
    var box = h("details", { class: "omdome-report" }, [h("summary", { "aria-describedby": ctx }, L.report), form]);
    form.addEventListener("submit", guard(ev => {
      ev.preventDefault();
      if (!reason.value) { note(art, L.reportChoose, true); reason.focus(); return; }
      return during(form, send, async () => {
        var r = await api("POST", "/api/comments/" + id + "/report",
          { reason: reason.value, explanation: more.value, email: mail.value.trim() });
        if (r.status !== 201) return note(art, errorText(r), true);
        box.remove(); // reported once is enough
        note(art, typeof r.data.message === "string" && r.data.message ? r.data.message : L.reported);
        focusEl(art);
      });
    }));
    return box;
  }

  function startReply(art, name, b) {
    if (S.closed) return;
    S.parent = +art.getAttribute("data-id");
    if (isNaN(S.parent)) S.parent = art.getAttribute("data-id");
    S.replyBtn = b;
    art.after(composer);
    F.title.textContent = fmt(L.replyTo, { name: name });
    F.cancel.hidden = false;
    removePanel(F.form);
    F.text.focus();
  }
  function resetReply(focusBack) {
    var b = S.replyBtn;
    S.parent = null;
    S.replyBtn = null;
    F.title.textContent = L.write;
    F.cancel.hidden = true;
    // Re-inserting a node blurs whatever is focused inside it, so only move when needed.
    if (composer.parentNode !== home) home.appendChild(composer);
    if (focusBack && b && b.isConnected) b.focus();
  }

  function toMarkdown(node) {
    var out = "";
    node.childNodes.forEach(k => {
      if (k.nodeType === 3) { out += k.nodeValue; return; }
      if (k.nodeType !== 1) return;
      var t = k.tagName, inner = toMarkdown(k), href = k.getAttribute("href");
      if (t === "BR") out += "\n";
      else if (t === "P" || t === "DIV" || t === "UL" || t === "OL") out += "\n\n" + inner.trim() + "\n\n";
      else if (t === "LI") out += "- " + inner.trim() + "\n";
      else if (t === "EM" || t === "I") out += "*" + inner + "*";
      else if (t === "STRONG" || t === "B") out += "**" + inner + "**";
      else if (t === "A" && href && href !== inner) out += "[" + inner + "](" + href + ")";
      else out += inner;
    });
    return out.replace(/\n{3,}/g, "\n\n");
  }

  function startEdit(art, id, edBtn) {
    if (art.querySelector(".omdome-edit-form")) return;
    var body = art.querySelector(".omdome-body"), acts = art.querySelector(".omdome-actions");
    var tid = "omdome-edit-" + id;
    var ta = h("textarea", { id: tid, name: "text", rows: 6, maxlength: 5000, required: true, "aria-required": "true", "aria-describedby": tid + "-hint" });
    ta.value = sources[id] != null ? sources[id] : toMarkdown(body).trim();
    var hint = h("p", { class: "omdome-hint", id: tid + "-hint" }, L.hint);
    var err = h("p", { class: "omdome-error", id: tid + "-error", hidden: true });
    var save = btn("omdome-save", L.save, null, "submit");
    var actions = h("div", { class: "omdome-form-actions" }, [save, btn("omdome-cancel-edit", L.cancel, () => close(true))]);
    var f = h("form", { class: "omdome-edit-form", novalidate: true }, [h("label", { for: tid }, L.editLabel), hint, err, ta, actions]);
    var t = tokenFor(id);
    if (sources[id] == null && t) {
      // After a reload the text as written comes from the server; the lossy rebuild must not be saved.
      ta.readOnly = save.disabled = true;
      api("GET", "/api/comments/" + encodeURIComponent(id) + "/source", null, t.token).then(r => {
        if (r.status === 200 && typeof r.data.text === "string") ta.value = sources[id] = r.data.text;
        else {
          hint.append(" " + L.lossy);
          say(L.lossy, false, true);
        }
        ta.readOnly = save.disabled = false;
      });
    }
    body.hidden = acts.hidden = true;
    body.after(f);
    ta.focus();
    ta.addEventListener("input", () => { setErr(ta, null); removePanel(f); });

    function close(refocus) {
      f.remove();
      body.hidden = acts.hidden = false;
      if (refocus) focusEl(edBtn.isConnected ? edBtn : art);
    }
    async function patch(confirmed) {
      var text = ta.value.trim();
      setErr(ta, null);
      if (!text) { setErr(ta, L.errText).focus(); return; }
      var t = tokenFor(id);
      if (!t) { expire(); return; }
      var payload = { text: text };
      if (confirmed) payload.confirmed = true;
      say(L.sending, false, true);
      var r = await api("PATCH", "/api/comments/" + encodeURIComponent(id), payload, t.token);
      var d = r.data, c = d.comment && typeof d.comment === "object" ? d.comment : null;
      if (r.status === 200) {
        sources[id] = text;
        if (d.status === "published") {
          if (c) art.replaceWith(article(c, +art.getAttribute("data-depth") || 1)); else await load(false);
          var fresh = document.getElementById(art.id);
          if (fresh) { focusEl(fresh); note(fresh, L.saved); }
        } else {
          var msg = d.status === "withheld" ? L.withheld : L.pending;
          var ph = h("article", { class: "omdome-comment omdome-deleted", id: art.id, "data-id": id, tabindex: "-1" },
            h("p", { class: "omdome-placeholder" }, msg));
          art.replaceWith(ph);
          S.count = Math.max(0, S.count - 1);
          updateCount();
          focusEl(ph);
          say(msg, false, true);
        }
      } else if (r.status === 409 && /^(think_twice|personal_data)$/.test(d.code)) {
        say("");
        thinkTwice(f, actions, () => ta.focus(), () => { save.focus(); return during(f, save, () => patch(true)); },
          d.code === "personal_data" && d.message);
      } else if (r.status === 400 || r.status === 422) {
        fieldError(d, { text: ta });
      } else if (r.status === 403 && (d.code === "edit_expired" || d.code === "bad_token")) {
        expire(errorText(r));
      } else if (r.status === 403 && d.code === "thread_closed") {
        close(false);
        setClosed(true);
        focusEl(art);
        note(art, errorText(r), true);
      } else {
        err.textContent = errorText(r);
        err.hidden = false;
        say(err.textContent, true, true);
      }
    }
    function expire(msg) {
      close(false);
      revoke(art, id, msg || L.expired);
    }
    f.addEventListener("submit", guard(ev => {
      ev.preventDefault();
      if (!save.disabled) return during(f, save, () => patch(false));
    }));
  }

  function commentIn(li) { return li && li.querySelector(":scope > .omdome-comment"); }
  function revoke(art, id, msg) {
    dropToken(id);
    art.querySelectorAll(".omdome-edit, .omdome-delete").forEach(b => b.remove());
    focusEl(art);
    note(art, msg, true);
  }
  function remove(art, id, del) {
    if (art.hasAttribute("aria-busy") || !window.confirm(L.confirmDel)) return;
    var t = tokenFor(id);
    if (!t) return revoke(art, id, L.expired);
    return during(art, del, async () => {
      var r = await api("DELETE", "/api/comments/" + encodeURIComponent(id), null, t.token);
      if (r.status === 200 || r.status === 204) {
        dropToken(id);
        S.count = Math.max(0, S.count - 1);
        updateCount();
        var li = art.parentNode, ol = childList(li);
        if (ol && ol.querySelector(".omdome-comment")) {
          var ph = article({ id: id, deleted: true, removed_by: "author" }, +art.getAttribute("data-depth") || 1);
          art.replaceWith(ph);
          focusEl(ph);
          note(ph, L.deleted);
          return;
        }
        // Placeholders that only held this reply go too.
        for (var gone = li, up; (up = commentIn(gone.parentNode.parentNode)) && up.matches(".omdome-deleted") &&
          !Array.prototype.some.call(gone.parentNode.children, x => x !== gone && x.querySelector(".omdome-comment"));) gone = up.parentNode;
        if (gone.contains(composer)) resetReply(false);
        var next = [gone.nextElementSibling, gone.previousElementSibling, gone.parentNode.parentNode].map(commentIn).find(Boolean);
        gone.replaceWith(h("li", { class: "omdome-item omdome-gone" }, h("p", { class: "omdome-placeholder" }, L.deleted)));
        focusEl(next || heading);
        say(L.deleted, false, true);
      } else if (r.status === 403) {
        revoke(art, id, errorText(r));
      } else {
        note(art, errorText(r), true);
      }
    });
  }

  function focusEl(el) {
    if (!el) return;
    if (el.scrollIntoView) el.scrollIntoView({ block: "nearest", behavior: reduced ? "auto" : "smooth" });
    el.focus({ preventScroll: true });
  }

  function updateCount() {
    var n = S.count;
    var txt = n > 0 ? (n === 1 ? L.one : fmt(L.many, { n: num(n) })) : L.none;
    countEl.textContent = txt;
    var keys = [THREAD, S.thread && S.thread.url];
    document.querySelectorAll("[data-omdome-count]").forEach(e => {
      if (keys.indexOf(e.getAttribute("data-omdome-count")) >= 0) e.textContent = txt;
    });
  }

  function renderInfo(site) {
    about.textContent = "";
    if (site.house_rules_url) about.append(linkOr(L.rules, site.house_rules_url), ". ");
    if (typeof site.operator === "string" && site.operator) about.append(L.runBy, linkOr(site.operator, site.operator_url), ".");
    about.hidden = !about.firstChild;
    var p = site.privacy && typeof site.privacy === "object" ? site.privacy : {};
    var days = p.retention_days;
    var parts = [L.pv];
    if (typeof days === "number" && days > 0) parts.push(days === 1 ? L.pvDay : fmt(L.pvDays, { n: num(days) }));
    if (typeof p.controller === "string" && p.controller) {
      parts.push(L.pvCtrl + p.controller + (typeof p.contact === "string" && p.contact ? " (" + p.contact + ")" : "") + ".");
    }
    parts.push(L.pvLocal);
    privacy.textContent = parts.join(" ");
    var more = safeUrl(p.url);
    if (more) privacy.append(" ", h("a", { href: more }, L.pvMore), ".");
  }

  function setClosed(closed) {
    S.closed = closed;
    if (closed) {
      resetReply(false);
      root.querySelectorAll(".omdome-reply, .omdome-edit").forEach(b => b.remove());
    }
    F.form.hidden = F.title.hidden = privacy.hidden = closed;
    closedEl.hidden = !closed;
  }

  function render(d, more) {
    resetReply(false);
    S.thread = d.thread && typeof d.thread === "object" ? d.thread : {};
    S.closed = !!S.thread.closed;
    var comments = d.comments.filter(c => c && typeof c === "object");
    if (!more) list.textContent = "";
    comments.forEach(c => { if (!document.getElementById("omdome-comment-" + c.id)) list.appendChild(item(c, 1)); });
    S.next = d.next_offset;
    moreBtn.hidden = !(d.more > 0);
    S.count = typeof d.count === "number" ? d.count : list.querySelectorAll(".omdome-comment:not(.omdome-deleted)").length;
    renderInfo(d.site && typeof d.site === "object" ? d.site : {});
    setClosed(S.closed);
    updateCount();
  }

  async function load(first, offset) {
    try {
      var r = await api("GET", "/api/comments?thread=" + encodeURIComponent(THREAD) + (offset ? "&offset=" + offset : ""));
      loadingEl.hidden = true;
      if (r.status === 200 && Array.isArray(r.data.comments)) {
        var hadFocus = retryEl === document.activeElement;
        retryEl.hidden = true;
        render(r.data, offset);
        if (first) focusHash(); else if (hadFocus) focusEl(heading);
        if (status.classList.contains("omdome-status-error")) say("");
      } else {
        retryEl.hidden = false;
        say(r.status && !r.data.message ? L.loadError : errorText(r), true);
      }
    } catch (e) {
      retryEl.hidden = false;
      say(L.loadError, true);
    }
  }

  function focusHash() {
    var m = /^#(omdome-comment-\d+)$/.exec(location.hash);
    var el = m && document.getElementById(m[1]);
    if (el && root.contains(el)) {
      el.scrollIntoView({ block: "start", behavior: reduced ? "auto" : "smooth" });
      el.focus({ preventScroll: true });
    }
  }

  function start() {
    var css = BASE + "/widget.css";
    if (!document.querySelector('link[data-omdome-css], link[href="' + css + '"]')) {
      (document.head || document.documentElement).appendChild(h("link", { rel: "stylesheet", href: css, "data-omdome-css": "" }));
    }
    var mount = document.getElementById("omdome-thread");
    if (mount) mount.textContent = "";
    else {
      mount = h("div", { id: "omdome-thread" });
      var p = script.parentNode;
      if (p && p !== document.head && document.body && document.body.contains(script)) p.insertBefore(mount, script.nextSibling);
      else (document.body || document.documentElement).appendChild(mount);
    }
    mount.appendChild(root);
    storeTokens(tokens()); // prune
    window.addEventListener("hashchange", guard(focusHash));
    load(true);
  }

  window.OmdomeWidget = Object.freeze({ version: "1.1.0", reload: () => load(false) });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", guard(start));
  else guard(start)();
})();
