/* Omdöme comment widget. Plain ES2019, no dependencies, no build step. */
(() => {
  "use strict";
  if (window.OmdomeWidget) return;

  var VERSION = "1.0.0";
  var script = document.currentScript ||
    document.querySelector("script[data-omdome-thread]") ||
    Array.prototype.filter.call(document.scripts, s => /\/widget\.js([?#]|$)/.test(s.src)).pop();
  if (!script || !script.src) return;
  var BASE;
  try { BASE = new URL(script.src, location.href).origin; } catch (e) { return; }

  var ds = script.dataset;
  var THREAD = ds.omdomeThread || location.href.split("#")[0];
  var TITLE = ds.omdomeTitle || document.title || null;
  var pageLang = (document.documentElement.lang || "").trim();
  var SV = /^sv(-|$)/i.test(pageLang);
  // Dates follow the page language, but only within the UI language so one sentence never mixes two.
  var LOCALE = (SV ? /^sv/i : /^en/i).test(pageLang) ? pageLang : (SV ? "sv-SE" : "en-GB");
  var KEY = "omdome-edit";
  var reduced = !!(window.matchMedia && matchMedia("(prefers-reduced-motion: reduce)").matches);

  var L = SV ? {
    heading: "Kommentarer", loading: "Laddar kommentarer…",
    loadError: "Kommentarerna kunde inte laddas. Försök igen om en stund.", retry: "Försök igen",
    none: "Inga kommentarer ännu", one: "1 kommentar", many: "{n} kommentarer",
    closed: "Kommentarerna är stängda för den här sidan.",
    rules: "Regler för kommentarer", runBy: "Tjänsten drivs av ",
    pv: "Vi sparar ditt namn, din kommentar och när du skrev den för att visa kommentaren, och din e-postadress (om du anger den) och IP-adress för att kunna moderera. E-post- och IP-adressen visas aldrig.",
    pvDays: "De tas bort efter {n} dagar.", pvDay: "De tas bort efter 1 dag.",
    pvCtrl: "Personuppgiftsansvarig: ",
    pvLocal: "Din webbläsare sparar tillfälligt en nyckel så att du kan ändra eller ta bort din kommentar en kort stund efteråt.",
    pvMore: "Läs mer om hur vi behandlar personuppgifter",
    write: "Skriv en kommentar", replyTo: "Svara {name}",
    author: "Namn", email: "E-postadress (valfri, visas aldrig)", text: "Kommentar", website: "Webbplats",
    hint: "Du kan använda *kursiv*, **fetstil** och länkar. Högst 5 000 tecken.",
    send: "Skicka", sending: "Skickar…", cancelReply: "Avbryt svar",
    published: "Tack! Din kommentar är publicerad.",
    pending: "Tack! Din kommentar granskas innan den visas.",
    withheld: "Din kommentar har gått till en moderator och visas inte förrän den har granskats.",
    reply: "Svara", edit: "Redigera", save: "Spara", cancel: "Avbryt", editLabel: "Redigera din kommentar",
    saved: "Ändringen är sparad.", del: "Ta bort",
    confirmDel: "Vill du ta bort din kommentar? Det går inte att ångra.", deleted: "Kommentaren är borttagen.",
    removed: "Kommentaren har tagits bort av skribenten.", hidden: "Kommentaren visas inte.", reviewing: "Kommentaren granskas innan den visas igen.",
    edited: "redigerad", anon: "Anonym", staff: "Verifierad medarbetare",
    share: "Spara / dela", copy: "Kopiera länk", copied: "Länken är kopierad.",
    copyFail: "Länken kunde inte kopieras. Du kan kopiera den här: {url}", mail: "E-post", native: "Dela…",
    ttHead: "Tänk efter en gång till",
    ttText: "Din kommentar kan uppfattas som kränkande. Vill du formulera om den? Om du skickar den ändå granskas den av en moderator innan den kan visas.",
    rephrase: "Skriv om", anyway: "Skicka ändå",
    errAuthor: "Skriv ditt namn.", errAuthorLong: "Namnet får vara högst 80 tecken.",
    errText: "Skriv en kommentar.", errTextLong: "Kommentaren får vara högst 5 000 tecken.",
    errEmail: "Skriv en giltig e-postadress eller lämna fältet tomt.", fix: "Rätta uppgifterna i formuläret.",
    net: "Det gick inte att nå kommentarstjänsten. Kontrollera anslutningen och försök igen.",
    failed: "Något gick fel. Försök igen om en stund.",
    rate: "Du har skickat många kommentarer på kort tid. Vänta {n} sekunder och försök igen.",
    expired: "Tiden för att ändra kommentaren har gått ut."
  } : {
    heading: "Comments", loading: "Loading comments…",
    loadError: "The comments could not be loaded. Please try again in a moment.", retry: "Try again",
    none: "No comments yet", one: "1 comment", many: "{n} comments",
    closed: "Comments are closed for this page.",
    rules: "House rules", runBy: "This service is run by ",
    pv: "We store your name, your comment and when you wrote it to show the comment, and your e-mail address (if you give one) and IP address to moderate. The e-mail and IP addresses are never shown.",
    pvDays: "They are deleted after {n} days.", pvDay: "They are deleted after 1 day.",
    pvCtrl: "Data controller: ",
    pvLocal: "Your browser temporarily stores a key so that you can edit or delete your comment for a short while afterwards.",
    pvMore: "Read more about how we handle personal data",
    write: "Write a comment", replyTo: "Reply to {name}",
    author: "Name", email: "E-mail address (optional, never shown)", text: "Comment", website: "Website",
    hint: "You can use *italics*, **bold** and links. At most 5,000 characters.",
    send: "Send", sending: "Sending…", cancelReply: "Cancel reply",
    published: "Thank you! Your comment has been published.",
    pending: "Thank you! Your comment will be reviewed before it is shown.",
    withheld: "Your comment has been passed to a moderator and will not be shown until it has been reviewed.",
    reply: "Reply", edit: "Edit", save: "Save", cancel: "Cancel", editLabel: "Edit your comment",
    saved: "Your change has been saved.", del: "Delete",
    confirmDel: "Do you want to delete your comment? This cannot be undone.", deleted: "The comment has been deleted.",
    removed: "This comment was removed by its author.", hidden: "This comment is not shown.", reviewing: "This comment is being reviewed before it is shown again.",
    edited: "edited", anon: "Anonymous", staff: "Verified staff",
    share: "Save / share", copy: "Copy link", copied: "The link has been copied.",
    copyFail: "The link could not be copied. You can copy it here: {url}", mail: "E-mail", native: "Share…",
    ttHead: "Think twice",
    ttText: "Your comment may come across as hurtful. Would you like to rephrase it? If you send it anyway, a moderator will review it before it can be shown.",
    rephrase: "Rephrase", anyway: "Send anyway",
    errAuthor: "Enter your name.", errAuthorLong: "Your name can be at most 80 characters.",
    errText: "Write a comment.", errTextLong: "Your comment can be at most 5,000 characters.",
    errEmail: "Enter a valid e-mail address or leave the field empty.", fix: "Please correct the form.",
    net: "The comment service could not be reached. Check your connection and try again.",
    failed: "Something went wrong. Please try again in a moment.",
    rate: "You have sent many comments in a short time. Wait {n} seconds and try again.",
    expired: "The time for editing this comment has run out."
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
  function btn(cls, label, fn, type) {
    var b = h("button", { type: type || "button", class: cls }, label);
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
  function fail() { S.busy = false; say(L.failed, true); }

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
  var dateFmt;
  try {
    dateFmt = new Intl.DateTimeFormat(LOCALE, { year: "numeric", month: "long", day: "numeric", hour: "2-digit", minute: "2-digit" });
  } catch (e) {
    dateFmt = new Intl.DateTimeFormat(SV ? "sv-SE" : "en-GB", { year: "numeric", month: "long", day: "numeric", hour: "2-digit", minute: "2-digit" });
  }
  function num(n) { try { return n.toLocaleString(LOCALE); } catch (e) { return String(n); } }

  // Edit tokens: localStorage can be missing or throw (privacy modes, sandboxed frames), so keep a memory copy.
  var mem = {};
  function tokens() {
    var o = {};
    try { o = JSON.parse(window.localStorage.getItem(KEY) || "{}") || {}; } catch (e) { o = {}; }
    return Object.assign({}, typeof o === "object" ? o : {}, mem);
  }
  function storeTokens(o) {
    var now = Date.now();
    Object.keys(o).forEach(k => { if (!(Date.parse(o[k] && o[k].until) > now)) delete o[k]; });
    mem = o;
    try { window.localStorage.setItem(KEY, JSON.stringify(o)); } catch (e) { /* memory copy still works */ }
  }
  function tokenFor(id) {
    var t = tokens()[id];
    return t && typeof t.token === "string" && Date.parse(t.until) > Date.now() ? t : null;
  }
  function saveToken(id, token, until) { var o = tokens(); o[id] = { token: token, until: until }; storeTokens(o); }
  function dropToken(id) { var o = tokens(); delete o[id]; storeTokens(o); }

  function api(method, path, body, token) {
    // Server messages in the page's language, not the browser's.
    var headers = { Accept: "application/json", "Accept-Language": SV ? "sv" : "en" };
    if (body) headers["Content-Type"] = "application/json";
    if (token) headers["X-Omdome-Edit-Token"] = token;
    return fetch(BASE + path, {
      method: method, headers: headers, body: body ? JSON.stringify(body) : undefined,
      credentials: "omit", cache: "no-store"
    }).then(
      res => res.json().catch(() => null).then(d => ({ status: res.status, data: d && typeof d === "object" ? d : {} })),
      () => ({ status: 0, data: {} })
    );
  }
  function errorText(r) {
    var d = r.data;
    if (!r.status) return L.net;
    if (typeof d.message === "string" && d.message) return d.message;
    if (r.status === 429) return fmt(L.rate, { n: +d.retry_after || 30 });
    return L.failed;
  }

  var S = { count: 0, closed: false, parent: null, replyBtn: null, busy: false };
  var sources = {}; // id -> Markdown as typed, so editing right after posting keeps the writer's markup exactly
  var uid = 0;
  var PAGE = (safeUrl(THREAD, location.href) || location.href).split("#")[0];

  var root = h("section", { class: "omdome", "aria-labelledby": "omdome-heading", lang: SV ? "sv" : "en" });
  var heading = h("h2", { id: "omdome-heading", tabindex: "-1" }, L.heading);
  var countEl = h("p", { class: "omdome-count" });
  var loadingEl = h("p", { class: "omdome-loading" }, L.loading);
  var retryEl = btn("omdome-retry", L.retry, () => { loadingEl.hidden = false; say(""); return load(); });
  retryEl.hidden = true;
  var list = h("ol", { class: "omdome-list" });
  var status = h("div", { class: "omdome-status", role: "status", "aria-live": "polite" });
  var about = h("p", { class: "omdome-about" });
  var privacy = h("p", { class: "omdome-privacy" });
  var closedEl = h("p", { class: "omdome-closed", tabindex: "-1", hidden: true }, L.closed);
  var F = buildForm();
  // The heading sits outside the form so it can introduce the rules and privacy notice too.
  var composer = h("div", { class: "omdome-composer" }, [F.title, about, privacy, closedEl, F.form, status]);
  var home = h("div", { class: "omdome-home" }, composer);
  root.append(heading, countEl, loadingEl, retryEl, list, home);

  var sayN = 0;
  // Clearing first makes screen readers announce a message even when it repeats the previous one.
  function say(msg, isError) {
    var n = ++sayN;
    status.textContent = "";
    status.classList.toggle("omdome-status-error", !!isError);
    if (msg) setTimeout(() => { if (n === sayN) status.textContent = msg; }, 50);
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
    var hp = field("website", L.website, f.website);
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
        if (i === f.text) removePanel(f.form);
      });
    });
    f.form.addEventListener("submit", guard(ev => {
      ev.preventDefault();
      if (S.busy) return;
      var a = f.author.value.trim(), t = f.text.value.trim(), bad = [];
      [f.author, f.email, f.text].forEach(i => setErr(i, null));
      if (!a) bad.push(setErr(f.author, L.errAuthor));
      else if (a.length > 80) bad.push(setErr(f.author, L.errAuthorLong));
      if (f.email.value && f.email.validity && !f.email.validity.valid) bad.push(setErr(f.email, L.errEmail));
      if (!t) bad.push(setErr(f.text, L.errText));
      else if (t.length > 5000) bad.push(setErr(f.text, L.errTextLong));
      if (bad.length) { bad[0].focus(); say(L.fix, true); return; }
      return post({
        thread: THREAD, title: TITLE, text: t, author: a, email: f.email.value.trim() || null,
        parent: S.parent, website: f.website.value, confirmed: false
      });
    }));
    return f;
  }

  function removePanel(scope) {
    var p = scope.querySelector(".omdome-think-twice");
    if (p) p.remove();
  }
  function thinkTwice(form, before, d, onRephrase, onAnyway) {
    removePanel(form);
    var id = "omdome-tt-" + (++uid);
    var panel = h("section", { class: "omdome-think-twice", "aria-labelledby": id, tabindex: "-1" }, [
      h("h3", { id: id }, L.ttHead),
      h("p", null, L.ttText),
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
    if (input) { setErr(input, msg).focus(); say(L.fix, true); } else say(msg, true);
  }

  async function post(body) {
    S.busy = true;
    removePanel(F.form);
    say(L.sending);
    var r = await api("POST", "/api/comments", body);
    S.busy = false;
    var d = r.data;
    if (r.status === 201) {
      if (d.id != null && typeof d.edit_token === "string") {
        saveToken(d.id, d.edit_token, d.edit_until || new Date(Date.now() + 6e5).toISOString());
      }
      if (d.id != null) sources[d.id] = body.text;
      F.text.value = "";
      if (d.status === "published" && d.comment && typeof d.comment === "object") {
        resetReply(false);
        var li = insert(d.comment, "parent" in d.comment ? d.comment.parent : body.parent);
        S.count++;
        updateCount();
        focusEl(li.firstChild);
        say(L.published);
      } else {
        // Stay where the writer is, so the message appears next to the form they just used.
        F.submit.focus();
        say(d.status === "withheld" ? L.withheld : L.pending);
      }
    } else if (r.status === 409 && d.code === "think_twice") {
      say("");
      thinkTwice(F.form, F.actions, d, () => F.text.focus(), () => {
        F.submit.focus();
        return post(Object.assign({}, body, { confirmed: true }));
      });
    } else if (r.status === 400 || r.status === 422) {
      fieldError(d, { author: F.author, email: F.email, text: F.text });
    } else if (r.status === 403 && d.code === "thread_closed") {
      setClosed(true);
      closedEl.focus();
      say(errorText(r), true);
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
      id: "omdome-comment-" + id, "data-id": id, "data-depth": depth, tabindex: "-1"
    });
    var when = new Date(c.created);
    var time = isNaN(when) ? null : h("time", { datetime: when.toISOString() }, dateFmt.format(when));
    if (c.deleted) {
      if (time) art.appendChild(h("header", { class: "omdome-meta" }, time));
      art.appendChild(h("p", { class: "omdome-placeholder" }, c.removed_by === "author" ? L.removed : L.hidden));
      return art;
    }
    var author = typeof c.author === "string" && c.author.trim() ? c.author : L.anon;
    var st = c.staff && typeof c.staff === "object" ? c.staff : null;
    var head = h("header", { class: "omdome-meta" });
    if (!st || st.name !== author) head.appendChild(h("span", { class: "omdome-author" }, author));
    if (st) {
      var who = [st.name, st.role, st.organisation].filter(x => typeof x === "string" && x).join(", ");
      head.appendChild(h("span", { class: "omdome-staff-badge" }, [
        h("span", { class: "omdome-check", "aria-hidden": "true" }, "✓"), " ",
        L.staff + (who ? ": " + who : "")
      ]));
    }
    head.append(time || "", c.edited ? h("span", { class: "omdome-edited" }, L.edited) : "");
    var body = h("div", { class: "omdome-body" });
    // The one and only innerHTML: the server has already sanitised comment HTML.
    body.innerHTML = typeof c.html === "string" ? c.html : "";
    body.querySelectorAll("a[href]").forEach(a => a.setAttribute("rel", "nofollow ugc noopener noreferrer"));
    var acts = h("div", { class: "omdome-actions" });
    if (depth < 3 && !S.closed) {
      var rb = btn("omdome-reply", L.reply, () => startReply(art, author, rb));
      acts.appendChild(rb);
    }
    acts.appendChild(shareMenu(id));
    var t = tokenFor(id);
    if (t) {
      var ed = btn("omdome-edit", L.edit, () => startEdit(art, id, ed));
      var del = btn("omdome-delete", L.del, () => remove(art, id));
      acts.append(ed, del);
      setTimeout(() => { ed.remove(); del.remove(); }, Math.min(Date.parse(t.until) - Date.now(), 2147483647));
    }
    art.append(head, body, acts);
    return art;
  }

  function shareMenu(id) {
    var link = PAGE + "#omdome-comment-" + id;
    var subject = TITLE || (S.thread && S.thread.title) || "";
    var kids = [
      btn("omdome-copy", L.copy, () => {
        var no = () => { say(fmt(L.copyFail, { url: link }), true); };
        if (!navigator.clipboard) return no();
        return navigator.clipboard.writeText(link).then(() => { say(L.copied); }, no);
      }),
      h("a", { class: "omdome-mail", href: "mailto:?subject=" + encodeURIComponent(subject) + "&body=" + encodeURIComponent(link) }, L.mail)
    ];
    if (typeof navigator.share === "function") {
      kids.push(btn("omdome-native-share", L.native, () => {
        // A dismissed share sheet rejects; that is not an error worth telling anyone about.
        return navigator.share({ title: subject, url: link }).catch(() => {});
      }));
    }
    return h("details", { class: "omdome-share" }, [h("summary", null, L.share), h("div", { class: "omdome-share-menu" }, kids)]);
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
    if (sources[id] == null && tokenFor(id)) {
      // After a reload the text as written comes from the server; until then, a rebuilt copy.
      var shown = ta.value;
      api("GET", "/api/comments/" + id + "/source", null, tokenFor(id).token).then(r => {
        if (r.status === 200 && typeof r.data.text === "string") {
          sources[id] = r.data.text;
          if (ta.value === shown) ta.value = r.data.text;
        }
      });
    }
    var save = btn("omdome-save", L.save, null, "submit");
    var actions = h("div", { class: "omdome-form-actions" }, [save, btn("omdome-cancel-edit", L.cancel, () => close(true))]);
    var f = h("form", { class: "omdome-edit-form", novalidate: true }, [
      h("label", { for: tid }, L.editLabel),
      h("p", { class: "omdome-hint", id: tid + "-hint" }, L.hint),
      h("p", { class: "omdome-error", id: tid + "-error", hidden: true }),
      ta, actions
    ]);
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
      S.busy = true;
      say(L.sending);
      var r = await api("PATCH", "/api/comments/" + encodeURIComponent(id), payload, t.token);
      S.busy = false;
      var d = r.data;
      if (r.status === 200) {
        sources[id] = text;
        if (d.status === "published" && d.comment && typeof d.comment === "object") {
          var fresh = article(d.comment, +art.getAttribute("data-depth") || 1);
          art.replaceWith(fresh);
          focusEl(fresh);
          say(L.saved);
        } else {
          var ph = h("article", { class: "omdome-comment omdome-deleted", id: art.id, "data-id": id, tabindex: "-1" },
            h("p", { class: "omdome-placeholder" }, L.reviewing));
          art.replaceWith(ph);
          S.count = Math.max(0, S.count - 1);
          updateCount();
          focusEl(ph);
          say(d.status === "withheld" ? L.withheld : L.pending);
        }
      } else if (r.status === 409 && d.code === "think_twice") {
        say("");
        thinkTwice(f, actions, d, () => ta.focus(), () => { save.focus(); return patch(true); });
      } else if (r.status === 400 || r.status === 422) {
        fieldError(d, { text: ta });
      } else if (r.status === 403 && (d.code === "edit_expired" || d.code === "bad_token")) {
        expire(errorText(r));
      } else {
        say(errorText(r), true);
      }
    }
    function expire(msg) {
      dropToken(id);
      edBtn.remove();
      var del = art.querySelector(".omdome-delete");
      if (del) del.remove();
      close(true);
      say(msg || L.expired, true);
    }
    f.addEventListener("submit", guard(ev => { ev.preventDefault(); if (!S.busy) return patch(false); }));
  }

  async function remove(art, id) {
    if (S.busy || !window.confirm(L.confirmDel)) return;
    var t = tokenFor(id);
    if (!t) { say(L.expired, true); return; }
    S.busy = true;
    var r = await api("DELETE", "/api/comments/" + encodeURIComponent(id), null, t.token);
    S.busy = false;
    if (r.status === 200 || r.status === 204) {
      dropToken(id);
      var li = art.parentNode;
      if (li.contains(composer)) resetReply(false);
      S.count = Math.max(0, S.count - 1);
      updateCount();
      var ol = childList(li);
      if (ol && ol.querySelector(".omdome-comment")) {
        var ph = article({ id: id, deleted: true, removed_by: "author" }, +art.getAttribute("data-depth") || 1);
        art.replaceWith(ph);
        focusEl(ph);
      } else {
        li.remove();
        focusEl(heading);
      }
      say(L.deleted);
    } else {
      if (r.status === 403) {
        dropToken(id);
        art.querySelectorAll(".omdome-edit, .omdome-delete").forEach(b => b.remove());
        focusEl(art);
      }
      say(errorText(r), true);
    }
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
      root.querySelectorAll(".omdome-reply").forEach(b => b.remove());
    }
    F.form.hidden = F.title.hidden = privacy.hidden = closed;
    closedEl.hidden = !closed;
  }

  function render(d) {
    resetReply(false);
    S.thread = d.thread && typeof d.thread === "object" ? d.thread : {};
    S.closed = !!S.thread.closed;
    var comments = d.comments.filter(c => c && typeof c === "object");
    list.textContent = "";
    comments.forEach(c => list.appendChild(item(c, 1)));
    S.count = typeof d.count === "number" ? d.count : list.querySelectorAll(".omdome-comment:not(.omdome-deleted)").length;
    renderInfo(d.site && typeof d.site === "object" ? d.site : {});
    setClosed(S.closed);
    updateCount();
  }

  async function load(first) {
    try {
      var r = await api("GET", "/api/comments?thread=" + encodeURIComponent(THREAD));
      loadingEl.hidden = true;
      if (r.status === 200 && Array.isArray(r.data.comments)) {
        var hadFocus = retryEl === document.activeElement;
        retryEl.hidden = true;
        render(r.data);
        if (first) focusHash(); else if (hadFocus) focusEl(heading);
        if (status.classList.contains("omdome-status-error")) say("");
      } else {
        retryEl.hidden = false;
        say(r.status && r.status !== 200 && r.data.message ? errorText(r) : (r.status ? L.loadError : L.net), true);
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
    window.addEventListener("hashchange", guard(focusHash));
    load(true);
  }

  window.OmdomeWidget = Object.freeze({ version: VERSION, reload: () => load(false) });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", guard(start));
  else guard(start)();
})();
