/* Term tooltips and scrollable tables.

   A linked term shows its summary on mouse hover, on keyboard focus and on a first tap;
   a second tap on the same link follows it; Escape or a tap elsewhere hides it. Each
   .glossary-link names its tooltip through aria-describedby; the tooltip (role="tooltip")
   is rendered hidden at the end of the page.

   Touch needs care: a tap also fires emulated mouse events and focuses the link, both of
   which show the tooltip before the click arrives, so whether this tap is a "first" one is
   decided at pointerdown, before any of that. Material's instant navigation listens for
   clicks on document.body and ignores defaultPrevented, so a first tap also stops the
   click from bubbling there.

   Tables that scroll sideways (Material wraps them in .md-typeset__scrollwrap) are made
   keyboard-reachable and named, so a reader without a pointer can scroll them too.
   Initialises on Material's document$ so it survives instant navigation. */
(function () {
  "use strict";
  var shown = null;
  var touch = null;  // the link a touch went down on, and whether its tooltip was showing then

  function tipFor(link) {
    var id = link.getAttribute("aria-describedby");
    return id ? document.getElementById(id) : null;
  }

  function hide() {
    if (shown) { shown.tip.hidden = true; shown = null; }
  }

  function show(link) {
    var tip = tipFor(link);
    if (!tip) return;
    if (shown && shown.tip !== tip) hide();
    var box = link.getBoundingClientRect();
    tip.hidden = false;
    var left = Math.min(box.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8);
    tip.style.left = Math.max(8, left) + "px";
    tip.style.top = (box.bottom + window.scrollY + 6) + "px";
    shown = { link: link, tip: tip };
  }

  function onClick(event) {
    var link = event.currentTarget;
    var tap = touch && touch.link === link ? touch : null;
    touch = null;
    if (tap && !tap.wasShown) {
      event.preventDefault();          // a first tap shows the summary; the second follows the link
      event.stopPropagation();         // keep Material's instant navigation from following it anyway
      show(link);
    }
  }

  function attach(link) {
    if (link.dataset.glossaryTip) return;
    link.dataset.glossaryTip = "1";
    link.addEventListener("pointerenter", function (event) { if (event.pointerType !== "touch") show(link); });
    link.addEventListener("pointerleave", function (event) { if (event.pointerType !== "touch") hide(); });
    link.addEventListener("focus", function () { show(link); });
    link.addEventListener("blur", hide);
    link.addEventListener("pointerdown", function (event) {
      touch = event.pointerType === "touch" ? { link: link, wasShown: Boolean(shown && shown.link === link) } : null;
    });
    link.addEventListener("pointercancel", function () { touch = null; });  // the touch became a scroll
    link.addEventListener("click", onClick);
  }

  function tableName(wrap) {
    var table = wrap.querySelector("table");
    var caption = table && table.querySelector("caption");
    if (caption) return "Table: " + caption.textContent.trim();
    var heads = table ? table.querySelectorAll("th") : [];
    var names = [];
    for (var i = 0; i < heads.length && i < 4; i++) names.push(heads[i].textContent.trim());
    return "Table" + (names.length ? ": " + names.join(", ") : "") + "";
  }

  // A table wider than the page becomes a named, focusable region; one that fits does not.
  function markScrollable() {
    var wraps = document.querySelectorAll(".md-typeset__scrollwrap");
    for (var i = 0; i < wraps.length; i++) {
      var wrap = wraps[i];
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", tableName(wrap));
        wrap.dataset.glossaryScroll = "1";
      } else if (wrap.dataset.glossaryScroll) {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
        delete wrap.dataset.glossaryScroll;
      }
    }
  }

  function init() {
    // Instant navigation keeps the body: the last page's tooltips, moved there, go first,
    // or a term both pages mention would have two tooltips of one id.
    var moved = document.querySelectorAll("body > .glossary-tooltip");
    for (var k = 0; k < moved.length; k++) moved[k].remove();
    var tips = document.querySelectorAll(".glossary-tooltip");
    for (var i = 0; i < tips.length; i++) document.body.appendChild(tips[i]);
    var links = document.querySelectorAll("a.glossary-link");
    for (var j = 0; j < links.length; j++) attach(links[j]);
    markScrollable();
    window.requestAnimationFrame(markScrollable);  // in case Material wraps the tables after us
  }

  document.addEventListener("keydown", function (event) {
    touch = null;
    if (event.key === "Escape") hide();
  });
  document.addEventListener("pointerdown", function (event) {
    if (shown && !shown.link.contains(event.target) && !shown.tip.contains(event.target)) hide();
  });
  var resizing = 0;
  window.addEventListener("resize", function () {
    window.clearTimeout(resizing);
    resizing = window.setTimeout(markScrollable, 150);
  });
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { hide(); init(); });
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
