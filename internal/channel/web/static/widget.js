/*
 * privacybot chat widget. Embed with one line:
 *   <script src="https://BOT/widget.js" data-org="Milton Keynes Council" defer></script>
 * Optional: data-open="true" opens the chat at once; data-title="…" changes the heading.
 *
 * Plain JavaScript, no build step, no dependencies. Everything that comes from an answer or a
 * notice is put on the page with textContent, never as HTML.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || window.__privacybotLoaded) { return; }
  window.__privacybotLoaded = true;

  var base = new URL(script.src, document.baseURI).origin;
  var org = script.getAttribute("data-org") || "";
  var title = script.getAttribute("data-title") || "Ask about your privacy";
  var storeKey = "privacybot.session";
  var session = "";
  try { session = window.sessionStorage.getItem(storeKey) || ""; } catch (e) { /* storage blocked */ }
  var uid = 0;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function nextId(p) { uid += 1; return "pb-" + p + "-" + uid; }

  var css = document.createElement("link");
  css.rel = "stylesheet";
  css.href = base + "/widget.css";
  document.head.appendChild(css);

  // Launcher and panel. The panel is a labelled region, not a modal: the page stays usable.
  var root = el("div", "pb-root");
  var launcher = el("button", "pb-launcher", title);
  launcher.type = "button";
  launcher.setAttribute("aria-expanded", "false");
  var panelId = nextId("panel");
  launcher.setAttribute("aria-controls", panelId);

  var panel = el("section", "pb-panel");
  panel.id = panelId;
  panel.hidden = true;
  var headingId = nextId("heading");
  panel.setAttribute("aria-labelledby", headingId);

  var head = el("div", "pb-head");
  var h = el("h2", "pb-title", title);
  h.id = headingId;
  h.tabIndex = -1;
  var close = el("button", "pb-close");
  close.type = "button";
  close.setAttribute("aria-label", "Close chat");
  close.textContent = "×";
  head.appendChild(h);
  head.appendChild(close);

  var intro = el("p", "pb-intro", "I answer questions about " + (org || "the council") +
    "'s privacy notices, quoting them, and can pass a data protection request to the council. Please don't type personal details unless you're making a request.");

  // New messages are announced through this log (role=log is an aria-live=polite region).
  var log = el("div", "pb-log");
  log.setAttribute("role", "log");
  log.setAttribute("aria-live", "polite");
  log.setAttribute("aria-label", "Conversation");

  var status = el("p", "pb-status");
  status.setAttribute("role", "status");

  var form = el("form", "pb-form");
  var inputId = nextId("input");
  var label = el("label", "pb-label", "Your question");
  label.htmlFor = inputId;
  var input = el("textarea", "pb-input");
  input.id = inputId;
  input.name = "message";
  input.rows = 2;
  input.maxLength = 2000;
  input.required = true;
  input.setAttribute("autocomplete", "off");
  var send = el("button", "pb-send", "Send");
  send.type = "submit";
  form.appendChild(label);
  var row = el("div", "pb-row");
  row.appendChild(input);
  row.appendChild(send);
  form.appendChild(row);

  var foot = el("p", "pb-foot");
  var privacy = el("a", "pb-link", "How this chat uses your information");
  privacy.href = base + "/privacy";
  privacy.target = "_blank";
  privacy.rel = "noopener";
  privacy.appendChild(el("span", "pb-sr", " (opens in a new tab)"));
  foot.appendChild(privacy);

  panel.appendChild(head);
  panel.appendChild(intro);
  panel.appendChild(log);
  panel.appendChild(status);
  panel.appendChild(form);
  panel.appendChild(foot);
  root.appendChild(launcher);
  root.appendChild(panel);
  document.body.appendChild(root);

  function open() {
    panel.hidden = false;
    launcher.setAttribute("aria-expanded", "true");
    root.classList.add("pb-open");
    input.focus();
  }
  function shut() {
    panel.hidden = true;
    launcher.setAttribute("aria-expanded", "false");
    root.classList.remove("pb-open");
    launcher.focus();
  }
  launcher.addEventListener("click", function () { if (panel.hidden) { open(); } else { shut(); } });
  close.addEventListener("click", shut);
  panel.addEventListener("keydown", function (e) { if (e.key === "Escape") { shut(); } });
  input.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event("submit")); }
  });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var text = input.value.trim();
    if (!text) { return; }
    input.value = "";
    ask(text);
  });

  function scrollDown() { log.scrollTop = log.scrollHeight; }

  function addMessage(who, cls) {
    var m = el("div", "pb-msg " + cls);
    m.appendChild(el("span", "pb-sr", who + ": "));
    log.appendChild(m);
    return m;
  }
  function paragraphs(parent, text) {
    String(text).split(/\n+/).forEach(function (line) {
      if (line.trim()) { parent.appendChild(el("p", "pb-p", line)); }
    });
  }
  function safeURL(u) {
    try {
      var p = new URL(u);
      return (p.protocol === "https:" || p.protocol === "http:") ? p.href : "";
    } catch (e) { return ""; }
  }

  var busy = false;
  function setBusy(b) {
    busy = b;
    send.disabled = b;
    status.textContent = b ? "Looking that up…" : "";
  }

  function ask(text) {
    if (busy) { return; }
    var mine = addMessage("You said", "pb-mine");
    paragraphs(mine, text);
    scrollDown();
    disableIntakeForms();
    setBusy(true);
    var body = { message: text };
    if (session) { body.session = session; }
    if (org) { body.org = org; }
    // While a language model writes, its text appears in a draft that screen readers skip
    // (aria-hidden): only the final, checked answer is announced, and it replaces the draft. The
    // draft is not checked yet (it may say "12 years" where the notices say 6), so it says so,
    // and looks provisional; the status line says it too, for screen readers.
    var draft = null, draftText = null, drafted = "";
    function onDelta(text) {
      drafted += text;
      if (!draft) {
        draft = el("div", "pb-msg pb-draft");
        draft.setAttribute("aria-hidden", "true");
        draft.appendChild(el("p", "pb-draft-label", "Draft, not yet checked · Checking against the notices…"));
        draftText = el("p", "pb-draft-text");
        draft.appendChild(draftText);
        log.appendChild(draft);
        status.textContent = "Checking the answer against the notices…";
      }
      draftText.textContent = drafted + " …";
      scrollDown();
    }
    function dropDraft() { if (draft && draft.parentNode) { draft.parentNode.removeChild(draft); } }
    post("/api/chat/stream", body, onDelta).then(function (reply) {
      dropDraft();
      setBusy(false);
      // A draft that failed its check is replaced by the notices' own words: say why the text
      // changed, so no one takes the draft they glimpsed for the answer.
      render(reply, !!(drafted && reply.fallback_reason));
    }, function (err) {
      dropDraft();
      setBusy(false);
      var m = addMessage("privacybot said", "pb-bot pb-error");
      paragraphs(m, err.message || "Sorry, the chat isn't working just now. Please try again later.");
      scrollDown();
    });
  }

  // post sends JSON and reads either a server-sent-events stream (the "answer" event, with
  // "delta" events passed to onDelta as they arrive) or JSON.
  function post(path, body, onDelta) {
    return fetch(base + path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
      credentials: "omit"
    }).then(function (res) {
      var type = res.headers.get("Content-Type") || "";
      if (!res.ok) {
        return res.json().catch(function () { return {}; }).then(function (j) {
          throw new Error(j.error || "Sorry, something went wrong. Please try again.");
        });
      }
      if (type.indexOf("text/event-stream") === 0) { return readEvents(res, onDelta); }
      return res.json();
    });
  }

  function readEvents(res, onDelta) {
    var answer = null, failure = null, buf = "";
    function handle(block) {
      var ev = "message", data = "";
      block.split("\n").forEach(function (line) {
        if (line.indexOf("event:") === 0) { ev = line.slice(6).trim(); }
        else if (line.indexOf("data:") === 0) { data += line.slice(5).trim(); }
      });
      if (!data) { return; }
      if (ev === "delta" && onDelta) { onDelta(JSON.parse(data).text || ""); }
      if (ev === "answer") { answer = JSON.parse(data); }
      if (ev === "error") { failure = JSON.parse(data); }
    }
    function take(chunk) {
      buf += chunk;
      var i;
      while ((i = buf.indexOf("\n\n")) >= 0) { handle(buf.slice(0, i)); buf = buf.slice(i + 2); }
    }
    function finish() {
      if (buf.trim()) { handle(buf); }
      if (failure) { throw new Error(failure.error); }
      if (!answer) { throw new Error("Sorry, the answer didn't arrive. Please try again."); }
      return answer;
    }
    if (!res.body || !res.body.getReader || typeof TextDecoder === "undefined") {
      return res.text().then(function (all) { take(all); return finish(); });
    }
    // Read events as they arrive, so a model's answer shows while it is being written.
    var reader = res.body.getReader(), dec = new TextDecoder();
    function pump() {
      return reader.read().then(function (r) {
        if (r.done) { take(dec.decode()); return finish(); }
        take(dec.decode(r.value, { stream: true }));
        return pump();
      });
    }
    return pump();
  }

  // render shows a reply; draftFailed says the draft shown while it was written failed its check.
  function render(reply, draftFailed) {
    if (reply.session) {
      session = reply.session;
      try { window.sessionStorage.setItem(storeKey, session); } catch (e) { /* storage blocked */ }
    }
    var m = addMessage("privacybot said", "pb-bot");
    if (draftFailed) {
      m.appendChild(el("p", "pb-note", "The draft answer couldn't be checked against the notices, so their own words are shown instead."));
    }
    paragraphs(m, reply.answer);
    if (reply.reference) {
      var ref = el("p", "pb-ref");
      ref.appendChild(document.createTextNode("Your reference: "));
      ref.appendChild(el("strong", "pb-refno", reply.reference));
      if (reply.due) { ref.appendChild(document.createTextNode(" · respond by " + reply.due)); }
      m.appendChild(ref);
    }
    if (reply.hedged && reply.contact && reply.contact.text) { m.appendChild(contact(reply.contact)); }
    if (reply.citations && reply.citations.length) { m.appendChild(sources(reply.citations)); }
    if (reply.kind === "intake" && reply.intake) { m.appendChild(intakeForm(reply.intake)); }
    if (reply.kind === "answer" && !reply.abstained) { m.appendChild(feedback()); }
    scrollDown();
    var field = m.querySelector(".pb-intake input, .pb-intake button");
    if (field) { field.focus(); }
  }

  // contact shows the data protection contact under an answer the bot is unsure of, so that a
  // resident whose question the quote doesn't answer knows whom to ask without opening a source.
  function contact(c) {
    var wrap = el("div", "pb-contact");
    wrap.appendChild(el("p", "pb-contact-title", "Data protection contact" + (c.organisation ? " · " + c.organisation : "")));
    paragraphs(wrap, c.text);
    return wrap;
  }

  function sources(cites) {
    var wrap = el("div", "pb-sources");
    wrap.appendChild(el("p", "pb-sources-title", "Sources"));
    var list = el("ol", "pb-cites");
    cites.forEach(function (c) {
      var li = el("li", "pb-cite");
      var d = el("details");
      var s = el("summary", null, "[" + c.n + "] " + c.title + (c.section ? " — " + c.section : ""));
      d.appendChild(s);
      var q = el("blockquote", "pb-quote");
      paragraphs(q, c.passage || c.excerpt);
      d.appendChild(q);
      var meta = el("p", "pb-meta", c.organisation + (c.updated ? ", updated " + c.updated : ""));
      var href = safeURL(c.source);
      if (href) {
        meta.appendChild(document.createTextNode(". "));
        var a = el("a", "pb-link", "Read the full notice");
        a.href = href;
        a.target = "_blank";
        a.rel = "noopener noreferrer";
        a.appendChild(el("span", "pb-sr", " (opens in a new tab)"));
        meta.appendChild(a);
      }
      d.appendChild(meta);
      li.appendChild(d);
      list.appendChild(li);
    });
    wrap.appendChild(list);
    return wrap;
  }

  function feedback() {
    var f = el("div", "pb-feedback");
    var qid = nextId("fb");
    var q = el("span", "pb-fbq", "Was this helpful?");
    q.id = qid;
    f.setAttribute("role", "group");
    f.setAttribute("aria-labelledby", qid);
    f.appendChild(q);
    [["Yes", true], ["No", false]].forEach(function (o) {
      var b = el("button", "pb-fb", o[0]);
      b.type = "button";
      b.addEventListener("click", function () {
        post("/api/feedback", { session: session, helpful: o[1] }).catch(function () {});
        f.textContent = "";
        f.appendChild(el("span", "pb-fbq", "Thank you for your feedback."));
      });
      f.appendChild(b);
    });
    return f;
  }

  var fieldLabels = {
    whose: "Whose records?",
    organisation: "Council",
    name: "Your full name",
    on_behalf_of: "Their name",
    contact: "E-mail, phone number or postal address",
    service: "Council service (optional)",
    description: "What you would like the council to do",
    confirm: "Send this request?"
  };
  var autocomplete = { name: "name", contact: "email" };

  // intakeForm is the current step of a request as a short form in the conversation; its
  // answer goes back through the chat, so the conversation logic stays on the server.
  function intakeForm(st) {
    var f = el("form", "pb-intake");
    var fs = el("fieldset");
    fs.appendChild(el("legend", "pb-legend", fieldLabels[st.step] || "Your answer"));
    f.appendChild(fs);
    if (st.options && st.options.length) {
      st.options.forEach(function (o) {
        var b = el("button", "pb-option", o === "yes" ? "Yes, send it" : o === "no" ? "No, change it" : o);
        b.type = "button";
        b.addEventListener("click", function () { ask(o); });
        fs.appendChild(b);
      });
    } else {
      var id = nextId("intake");
      var l = el("label", "pb-label", fieldLabels[st.step] || "Your answer");
      l.htmlFor = id;
      var i = st.step === "description" ? el("textarea", "pb-input") : el("input", "pb-input");
      i.id = id;
      i.name = st.step;
      if (autocomplete[st.step]) { i.setAttribute("autocomplete", autocomplete[st.step]); }
      if (st.step !== "service") { i.required = true; }
      if (st.fields && st.fields[st.step]) { i.value = st.fields[st.step]; }
      fs.appendChild(l);
      fs.appendChild(i);
      var go = el("button", "pb-send", "Continue");
      go.type = "submit";
      fs.appendChild(go);
      f.addEventListener("submit", function (e) {
        e.preventDefault();
        var v = i.value.trim();
        if (!v && st.step === "service") { v = "skip"; }
        if (v) { ask(v); }
      });
    }
    var cancel = el("button", "pb-cancel", "Cancel request");
    cancel.type = "button";
    cancel.addEventListener("click", function () { ask("cancel"); });
    f.appendChild(cancel);
    return f;
  }

  function disableIntakeForms() {
    Array.prototype.forEach.call(log.querySelectorAll(".pb-intake"), function (f) {
      Array.prototype.forEach.call(f.querySelectorAll("input, textarea, button"), function (c) { c.disabled = true; });
    });
  }

  if (script.getAttribute("data-open") === "true") { open(); }
})();
