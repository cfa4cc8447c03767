/* Term tooltips: a linked term shows its summary on hover, keyboard focus and tap.
   Each .glossary-link names its tooltip through aria-describedby; the tooltip element
   (role="tooltip") is rendered hidden at the end of the page. Initialises on Material's
   document$ so it survives instant navigation. */
(function () {
  "use strict";
  var shown = null;

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

  function attach(link) {
    if (link.dataset.glossaryTip) return;
    link.dataset.glossaryTip = "1";
    link.addEventListener("mouseenter", function () { show(link); });
    link.addEventListener("mouseleave", hide);
    link.addEventListener("focus", function () { show(link); });
    link.addEventListener("blur", hide);
    link.addEventListener("click", function (event) {
      if (link.dataset.touched === "1" && !(shown && shown.link === link)) {
        event.preventDefault();          // first tap shows the summary, the second follows
        show(link);
      }
      link.dataset.touched = "";
    });
    link.addEventListener("pointerdown", function (event) {
      link.dataset.touched = event.pointerType === "touch" ? "1" : "";
    });
  }

  function init() {
    var tips = document.querySelectorAll(".glossary-tooltip");
    for (var i = 0; i < tips.length; i++) document.body.appendChild(tips[i]);
    var links = document.querySelectorAll("a.glossary-link");
    for (var j = 0; j < links.length; j++) attach(links[j]);
  }

  document.addEventListener("keydown", function (event) { if (event.key === "Escape") hide(); });
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { hide(); init(); });
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
